package hosting

import (
	"bytes"
	"crypto/sha256"
	"encoding/base64"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

func TestScrub(t *testing.T) {
	long := strings.Repeat("h2 ", 1000)
	tests := []struct {
		give string
		want string
	}{
		{
			give: "http: TLS handshake error from 203.0.113.7:51234: tls: client offered only unsupported versions: [301]",
			want: "http: TLS handshake error from [client]: tls: client offered only unsupported versions: [301]",
		},
		{
			give: "http2: server: error reading preface from client [2001:db8::1]:443: timeout",
			want: "http2: server: error reading preface from client [client]: timeout",
		},
		{give: "from [fe80::1%eth0]:80 and 10.0.0.1", want: "from [client] and [client]"},
		{give: "http: superfluous response.WriteHeader call", want: "http: superfluous response.WriteHeader call"},
		// Client bytes cannot forge a line or drive the terminal.
		{give: "protocols ([h2\n2026/03/02 09:00:00 forged])", want: "protocols ([h2\\x0a2026/03/02 09:00:00 forged])"},
		{give: "x\ny\rz\x1b[2J\x7f\xff", want: "x\\x0ay\\x0dz\\x1b[2J\\x7f\\xff"},
		{give: "kept: é ✓", want: "kept: é ✓"},
		{give: long, want: long[:256] + "… (2744 more bytes not logged)"},
		// Cut between runes, never inside one.
		{give: strings.Repeat("x", 255) + "éé", want: strings.Repeat("x", 255) + "… (4 more bytes not logged)"},
	}
	for _, tt := range tests {
		require.Equal(t, tt.want, scrub(tt.give))
	}
}

// TestErrorLogCountsHandshakes writes what net/http writes for failed
// handshakes, and expects one count per interval instead of one line each.
func TestErrorLogCountsHandshakes(t *testing.T) {
	var b syncBuffer
	e := newErrorLog(&b, 50*time.Millisecond)
	l := e.logger()
	alpn := strings.Repeat("x", 250)
	for i := range 1000 {
		l.Printf("http: TLS handshake error from 203.0.113.%d:4%03d: tls: client requested unsupported application protocols ([%s %s])", i%250, i, alpn, alpn)
	}
	l.Printf("http: superfluous response.WriteHeader call from x")
	require.Eventually(t, func() bool { return strings.Contains(b.String(), "1000 TLS handshakes failed") }, 2*time.Second, 10*time.Millisecond)
	lines := strings.Split(strings.TrimSuffix(b.String(), "\n"), "\n")
	require.Len(t, lines, 2, b.String())
	require.Contains(t, lines[0], "superfluous")
	require.Regexp(t, `^\d{4}/\d\d/\d\d \d\d:\d\d:\d\d http: 1000 TLS handshakes failed in the last 50ms; the first: tls: client requested unsupported application protocols \(\[x+… \(\d+ more bytes not logged\)$`, lines[1])

	// The next failure starts a new interval; stopping writes its count.
	l.Printf("http: TLS handshake error from [2001:db8::1]:443: EOF")
	e.flush()
	require.Contains(t, b.String(), "http: 1 TLS handshake failed in the last 50ms; the first: EOF\n")
	require.NotContains(t, b.String(), "203.0.113")
	require.NotContains(t, b.String(), "2001:db8")
}

// syncBuffer is a log written by timers while a test reads it.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

func TestWriteDeadline(t *testing.T) {
	now := time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)
	lim := DefaultLimits()
	tests := []struct {
		give int64
		want time.Duration
	}{
		{give: 1, want: 30 * time.Second},
		{give: 16 << 10, want: 30*time.Second + 500*time.Millisecond},
		{give: 1 << 20, want: 30*time.Second + 32*time.Second},
		// app.wasm with Brotli, and with gzip: 46 and 63 seconds more at
		// 256 kbit/s.
		{give: 1501444, want: 30*time.Second + 45820*time.Millisecond},
		{give: 2060901, want: 30*time.Second + 62893*time.Millisecond},
	}
	for _, tt := range tests {
		require.WithinDuration(t, now.Add(tt.want), writeDeadline(now, tt.give, lim), time.Millisecond, tt.give)
	}
}

// TestMetaCSP checks that the meta policy is the header's without the one
// directive a meta tag cannot carry.
func TestMetaCSP(t *testing.T) {
	require.NotContains(t, MetaCSP, "frame-ancestors")
	require.Equal(t, CSP, MetaCSP+"; frame-ancestors 'none'")
	require.NotContainsf(t, MetaCSP, `"`, "a quote would end the content attribute")
}

// TestFirstScript checks that the policy allows the first script as the
// pages carry it, and nothing else inline, and that the script survives
// being compacted: a string over several lines would change once the
// comment lines and indentation are dropped, and a comment after code
// would stay in every page (the browser tests run the script itself).
func TestFirstScript(t *testing.T) {
	sum := sha256.Sum256([]byte(FirstScript))
	want := "'sha256-" + base64.StdEncoding.EncodeToString(sum[:]) + "'"
	require.Contains(t, CSP, "script-src 'self' "+want+" ")
	require.Equal(t, 1, strings.Count(CSP, "'sha256-"), "the policy allows one inline script")
	require.NotContains(t, FirstScript, "</", "the script would end its element early")
	require.NotContains(t, firstSource, "`", "a template string may span lines, which compacting would change")
	require.NotContains(t, firstSource, "/*", "a block comment would stay in every page")
	for i, line := range strings.Split(FirstScript, "\n") {
		require.NotRegexp(t, `[;,{}()]\s*//`, line, "line %d: a comment after code would stay in every page", i+1)
	}
	require.Less(t, len(FirstScript), len(firstSource)/2, "the comments and indentation are dropped")
}

// TestCompactScript covers what compacting keeps and drops.
func TestCompactScript(t *testing.T) {
	tests := []struct {
		name, give, want string
	}{
		{name: "comments and indentation go", give: "// why\n(() => {\n  // and why\n  run();\n})();\n", want: "(() => {\nrun();\n})();"},
		{name: "empty lines go", give: "a();\n\n\n  b();\n", want: "a();\nb();"},
		{name: "line breaks stay, for automatic semicolons", give: "const a = 1\nconst b = 2\n", want: "const a = 1\nconst b = 2"},
		{name: "a regular expression or URL is not a comment", give: "  x(/a\\/\\/b/, \"https://e\");\n", want: "x(/a\\/\\/b/, \"https://e\");"},
		{name: "nothing", give: "", want: ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			require.Equal(t, tt.want, compactScript(tt.give))
		})
	}
}
