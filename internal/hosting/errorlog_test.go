package hosting_test

import (
	"crypto/tls"
	"fmt"
	"io"
	"net"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"callprivacy/internal/hosting"
	"callprivacy/internal/staticsite"
)

// TestServerHandshakeFloodLog fails TLS handshakes on purpose, as a
// scanner or an attacker would: each offers 60 KB of made-up application
// protocols (ALPN), which net/http quotes in its error line, and others
// connect and send nothing. The log must stay a few hundred bytes: one
// count, no client text beyond one capped reason.
func TestServerHandshakeFloodLog(t *testing.T) {
	const (
		floods = 40
		idle   = 10
	)
	dir := makeSite(t)
	certFile, keyFile, _, _ := writeCert(t, t.TempDir(), "site")
	var log syncBuffer
	l, stop := start(t, &hosting.Server{
		Addr:     "127.0.0.1:0",
		Site:     staticsite.FileServer(dir, ""),
		CertFile: certFile,
		KeyFile:  keyFile,
		Log:      &log,
		// An idle connection's handshake times out within a second; the
		// count is written when the server stops, within the minute. Not
		// sooner: on a busy machine the flood's own handshakes would then
		// time out too, before their protocols are refused.
		Limits: hosting.Limits{ReadHeaderTimeout: time.Second},
	})

	protos := make([]string, 240)
	for i := range protos {
		protos[i] = fmt.Sprintf("%03d%s\n%s", i, strings.Repeat("A", 200), strings.Repeat("B", 46))
	}
	var wg sync.WaitGroup
	for range floods {
		wg.Go(func() {
			conn, err := tls.DialWithDialer(&net.Dialer{Timeout: 2 * time.Second}, "tcp", l.Addr().String(), &tls.Config{
				InsecureSkipVerify: true, // the handshake fails before the certificate matters
				NextProtos:         protos,
			})
			if err == nil {
				conn.Close()
			}
			require.ErrorContains(t, err, "no application protocol")
		})
	}
	for range idle {
		wg.Go(func() {
			conn, err := net.DialTimeout("tcp", l.Addr().String(), 2*time.Second)
			require.NoError(t, err)
			defer conn.Close()
			require.NoError(t, conn.SetDeadline(time.Now().Add(5*time.Second)))
			// The server gives up on the handshake and hangs up.
			_, err = io.Copy(io.Discard, conn)
			require.NoError(t, err)
		})
	}
	wg.Wait()
	require.NoError(t, stop())

	got := log.String()
	require.Less(t, len(got), 600, got)
	require.Regexp(t, regexp.MustCompile(fmt.Sprintf(
		`^\d{4}/\d\d/\d\d \d\d:\d\d:\d\d http: %d TLS handshakes failed in the last minute; the first: [^\n]+\n$`, floods+idle)), got)
	require.NotContains(t, got, "127.0.0.1")
	require.NotContains(t, got, "BBBB")
}
