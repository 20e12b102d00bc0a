//go:build unix

package hosting_test

import (
	"bufio"
	"context"
	"crypto/rand"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"callprivacy/internal/hosting"
	"callprivacy/internal/staticsite"
)

// throttled reads at most perTick bytes every tick from r: a slow line.
type throttled struct {
	r       io.Reader
	perTick int
	tick    time.Duration
	next    time.Time
	left    int
}

func (t *throttled) Read(p []byte) (int, error) {
	if t.left == 0 {
		time.Sleep(time.Until(t.next))
		t.next = time.Now().Add(t.tick)
		t.left = t.perTick
	}
	if len(p) > t.left {
		p = p[:t.left]
	}
	n, err := t.r.Read(p)
	t.left -= n
	return n, err
}

// smallBuffer sets a socket's send and receive buffers to 4 KiB (the
// kernel doubles that), so that the server feels a slow reader at once
// rather than after the megabytes loopback would otherwise buffer.
func smallBuffer(_, _ string, c syscall.RawConn) error {
	var sockErr error
	err := c.Control(func(fd uintptr) {
		for _, opt := range []int{syscall.SO_SNDBUF, syscall.SO_RCVBUF} {
			if err := syscall.SetsockoptInt(int(fd), syscall.SOL_SOCKET, opt, 4<<10); err != nil {
				sockErr = err
			}
		}
	})
	if err != nil {
		return err
	}
	return sockErr
}

// TestSlowClientGetsTheWholeApp fetches a precompressed app.wasm at about
// 200 kbit/s, below the server's minimum rate but within the head start
// it gives every answer, and expects all of it.
//
// The server's limits are scaled down (a half-second WriteTimeout, a
// minimum rate of 20,000 bytes a second) and the file to 80,000 bytes, so
// that the transfer (3.2 s) takes six times the WriteTimeout a response of
// unknown length gets: the Brotli and gzip copies used to be sent without
// Content-Length, so their deadline was WriteTimeout alone, and they were
// cut off (in production at 30 s: 1,245,184 of 1,501,444 bytes).
func TestSlowClientGetsTheWholeApp(t *testing.T) {
	const (
		size    = 80_000
		perTick = 2_500 // 25,000 bytes a second: 200 kbit/s
		tick    = 100 * time.Millisecond
	)
	lim := hosting.Limits{WriteTimeout: 500 * time.Millisecond, MinDownloadRate: 20_000}
	dir := makeSite(t)
	want := map[string][]byte{}
	for _, ext := range []string{".br", ".gz"} {
		b := make([]byte, size)
		_, _ = rand.Read(b)
		want[ext] = b
		require.NoError(t, os.WriteFile(filepath.Join(dir, "web", "app.wasm"+ext), b, 0o644))
	}
	l, _ := start(t, &hosting.Server{
		Addr:         "127.0.0.1:0",
		Site:         staticsite.FileServer(dir, ""),
		Limits:       lim,
		ListenConfig: net.ListenConfig{Control: smallBuffer},
	})

	tests := []struct {
		give string // Accept-Encoding
		want string // the file sent
	}{
		{give: "br", want: ".br"},
		{give: "gzip", want: ".gz"},
	}
	for _, tt := range tests {
		t.Run(tt.give, func(t *testing.T) {
			t.Parallel()
			dialer := net.Dialer{Timeout: 2 * time.Second, Control: smallBuffer}
			conn, err := dialer.DialContext(context.Background(), "tcp", l.Addr().String())
			require.NoError(t, err)
			defer conn.Close()
			require.NoError(t, conn.SetDeadline(time.Now().Add(20*time.Second)))
			_, err = io.WriteString(conn, "GET /web/app.wasm HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept-Encoding: "+tt.give+"\r\nConnection: close\r\n\r\n")
			require.NoError(t, err)

			began := time.Now()
			res, err := http.ReadResponse(bufio.NewReaderSize(&throttled{r: conn, perTick: perTick, tick: tick}, 512), nil)
			require.NoError(t, err)
			defer res.Body.Close()
			require.Equal(t, http.StatusOK, res.StatusCode)
			require.Equal(t, tt.give, res.Header.Get("Content-Encoding"))
			require.Equal(t, strconv.Itoa(size), res.Header.Get("Content-Length"))
			got, err := io.ReadAll(res.Body)
			require.NoError(t, err, "after %d of %d bytes, %s", len(got), size, time.Since(began))
			require.Equal(t, want[tt.want], got)
			// It really was slow: far longer than the WriteTimeout alone.
			require.Greater(t, time.Since(began), 4*lim.WriteTimeout)
		})
	}
}
