package hosting

import (
	"net/http"
	"strconv"
	"time"
)

// slowClients gives a large response more time than lim.WriteTimeout.
//
// WriteTimeout alone would cut off anyone who cannot fetch the whole
// answer in 30 seconds: app.wasm is 1.5 MB even with Brotli, which needs
// 400 kbit/s, and a visitor on a weak mobile connection would never get
// the app (nor, since its precache is all-or-nothing, the offline copy).
// So a response whose length is known (Content-Length, which the file
// server also sends for its precompressed copies) gets WriteTimeout plus
// the time its body takes at lim.MinDownloadRate. A client slower than
// that is still cut off, so a deliberately slow reader holds a connection
// for minutes at most, never indefinitely.
func slowClients(next http.Handler, lim Limits) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		next.ServeHTTP(&deadlineWriter{ResponseWriter: w, lim: lim}, r)
	})
}

type deadlineWriter struct {
	http.ResponseWriter
	lim  Limits
	done bool
}

func (w *deadlineWriter) WriteHeader(code int) {
	if !w.done && code >= 200 {
		w.done = true
		size, err := strconv.ParseInt(w.Header().Get("Content-Length"), 10, 64)
		if err == nil && size > 0 {
			// Errors mean the connection cannot take a deadline; the
			// server's WriteTimeout then stays.
			_ = http.NewResponseController(w.ResponseWriter).SetWriteDeadline(writeDeadline(time.Now(), size, w.lim))
		}
	}
	w.ResponseWriter.WriteHeader(code)
}

func (w *deadlineWriter) Write(b []byte) (int, error) {
	if !w.done {
		w.WriteHeader(http.StatusOK)
	}
	return w.ResponseWriter.Write(b)
}

// Unwrap lets http.ResponseController reach the connection.
func (w *deadlineWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }

// writeDeadline is when sending size bytes from now must be done.
func writeDeadline(now time.Time, size int64, lim Limits) time.Time {
	rate := lim.MinDownloadRate
	body := time.Duration(size/rate)*time.Second + time.Duration(size%rate)*time.Second/time.Duration(rate)
	return now.Add(lim.WriteTimeout + body)
}
