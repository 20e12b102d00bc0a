package hosting

import (
	"fmt"
	"io"
	"net/http"
	"sync"
	"time"
)

// maxLoggedPath is how much of a path a log line keeps; longer ones (up to
// the 414 limit and beyond) are cut.
const maxLoggedPath = 256

// LogRequests writes one line per request to w:
//
//	2026-03-02T09:14:05Z GET /platforms/jitsi 200 14330 1.2ms
//
// the time (UTC, to the second), the method, the path, the status, the
// bytes of the body written (fewer, even 0, when the client hangs up before
// the server hears that its last bytes arrived) and how long the answer
// took. That is all it ever writes.
//
// It never writes the visitor's address, User-Agent or Referer, nor the
// query string (or a fragment): the site exists to explain why such
// metadata matters, and a log of who read which page of a psychotherapy
// practice, from where and on which device, is exactly what it says not to
// keep. The path is written percent-encoded, so a crafted path cannot forge
// a line.
//
// Lines are written whole, one Write each, safe for concurrent requests.
func LogRequests(next http.Handler, w io.Writer) http.Handler {
	lw := &lockedWriter{w: w}
	return http.HandlerFunc(func(rw http.ResponseWriter, r *http.Request) {
		start := time.Now()
		sw := &statusWriter{ResponseWriter: rw}
		next.ServeHTTP(sw, r)
		if sw.status == 0 {
			sw.status = http.StatusOK
		}
		p := r.URL.EscapedPath()
		if len(p) > maxLoggedPath {
			p = p[:maxLoggedPath] + "..."
		}
		fmt.Fprintf(lw, "%s %s %s %d %d %s\n",
			start.UTC().Format(time.RFC3339), r.Method, p, sw.status, sw.bytes,
			time.Since(start).Round(100*time.Microsecond))
	})
}

// statusWriter remembers the status and counts the body's bytes.
type statusWriter struct {
	http.ResponseWriter
	status int
	bytes  int64
}

func (w *statusWriter) WriteHeader(code int) {
	if w.status == 0 && code >= 200 {
		w.status = code
	}
	w.ResponseWriter.WriteHeader(code)
}

func (w *statusWriter) Write(b []byte) (int, error) {
	if w.status == 0 {
		w.status = http.StatusOK
	}
	n, err := w.ResponseWriter.Write(b)
	w.bytes += int64(n)
	return n, err
}

// Unwrap lets http.ResponseController reach the connection.
func (w *statusWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }

// lockedWriter serialises writes to w.
type lockedWriter struct {
	mu sync.Mutex
	w  io.Writer
}

func (l *lockedWriter) Write(b []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.w.Write(b)
}
