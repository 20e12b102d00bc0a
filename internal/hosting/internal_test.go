package hosting

import (
	"bytes"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

func TestScrubber(t *testing.T) {
	tests := []struct {
		give string
		want string
	}{
		{
			give: "http: TLS handshake error from 203.0.113.7:51234: tls: client offered only unsupported versions: [301]\n",
			want: "http: TLS handshake error from [client]: tls: client offered only unsupported versions: [301]\n",
		},
		{
			give: "http2: server: error reading preface from client [2001:db8::1]:443: timeout\n",
			want: "http2: server: error reading preface from client [client]: timeout\n",
		},
		{give: "from [fe80::1%eth0]:80 and 10.0.0.1\n", want: "from [client] and [client]\n"},
		{give: "http: superfluous response.WriteHeader call\n", want: "http: superfluous response.WriteHeader call\n"},
	}
	for _, tt := range tests {
		var b bytes.Buffer
		n, err := scrubber{&b}.Write([]byte(tt.give))
		require.NoError(t, err)
		require.Equal(t, len(tt.give), n)
		require.Equal(t, tt.want, b.String())
	}
}

func TestWriteDeadline(t *testing.T) {
	now := time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)
	tests := []struct {
		give int64
		want time.Duration
	}{
		{give: 1, want: WriteTimeout},
		{give: 10 << 10, want: WriteTimeout},
		{give: 1 << 20, want: WriteTimeout + 32*time.Second},
		// app.wasm: about four minutes more at 256 kbit/s.
		{give: 7844143, want: WriteTimeout + 239*time.Second},
	}
	for _, tt := range tests {
		require.Equal(t, now.Add(tt.want), writeDeadline(now, tt.give), tt.give)
	}
}

// TestMetaCSP checks that the meta policy is the header's without the one
// directive a meta tag cannot carry.
func TestMetaCSP(t *testing.T) {
	require.NotContains(t, MetaCSP, "frame-ancestors")
	require.Equal(t, CSP, MetaCSP+"; frame-ancestors 'none'")
	require.NotContainsf(t, MetaCSP, `"`, "a quote would end the content attribute")
}
