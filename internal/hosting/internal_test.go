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
