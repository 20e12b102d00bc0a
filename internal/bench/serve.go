//go:build !wasm

package bench

import (
	"net"
	"net/http"
	"path"
	"strings"
	"sync"
	"time"

	"callprivacy/internal/staticsite"
)

// Kind is what a response carries, for counting bytes.
type Kind string

// The kinds of response the report tells apart.
const (
	KindHTML  Kind = "html"
	KindCSS   Kind = "css"
	KindJS    Kind = "js"
	KindWasm  Kind = "wasm"
	KindJSON  Kind = "json"
	KindImage Kind = "image"
	KindOther Kind = "other"
)

// Kinds lists every Kind in report order.
var Kinds = []Kind{KindHTML, KindCSS, KindJS, KindWasm, KindJSON, KindImage, KindOther}

// KindOf classifies a request path and the response's Content-Type (which
// may be empty).
func KindOf(urlPath, contentType string) Kind {
	ct := strings.ToLower(contentType)
	switch {
	case strings.HasPrefix(ct, "text/html"):
		return KindHTML
	case strings.HasPrefix(ct, "text/css"):
		return KindCSS
	case strings.HasPrefix(ct, "application/wasm"):
		return KindWasm
	case strings.Contains(ct, "javascript"):
		return KindJS
	case strings.Contains(ct, "json"):
		return KindJSON
	case strings.HasPrefix(ct, "image/"):
		return KindImage
	}
	p := strings.TrimSuffix(strings.TrimSuffix(urlPath, ".br"), ".gz")
	switch path.Ext(p) {
	case ".html", "":
		return KindHTML
	case ".css":
		return KindCSS
	case ".js":
		return KindJS
	case ".wasm":
		return KindWasm
	case ".json", ".webmanifest":
		return KindJSON
	case ".png", ".svg", ".ico", ".jpg", ".webp":
		return KindImage
	}
	return KindOther
}

// Traffic is bytes by kind.
type Traffic map[Kind]float64

// Total is the sum over every kind.
func (t Traffic) Total() float64 {
	var n float64
	for _, v := range t {
		n += v
	}
	return n
}

// Served is one response the server wrote.
type Served struct {
	Path  string
	Kind  Kind
	Bytes int64
	// Reload is set for requests that bypass the HTTP cache
	// (Cache-Control: no-cache), as a service worker's precache does.
	Reload bool
	At     time.Time
}

// Server serves one built site on a loopback port with
// staticsite.FileServer, and records every response body it writes: the
// ground truth of what went over the network, whoever asked (the page or
// its service worker).
type Server struct {
	URL string
	srv *http.Server

	mu     sync.Mutex
	served []Served
}

// Serve starts serving dir at the root of a new loopback port.
func Serve(dir string) (*Server, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, err
	}
	s := &Server{URL: "http://" + ln.Addr().String()}
	files := staticsite.FileServer(dir, "")
	s.srv = &http.Server{
		Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			cw := &countingWriter{ResponseWriter: w}
			files.ServeHTTP(cw, r)
			s.mu.Lock()
			s.served = append(s.served, Served{
				Path:   r.URL.Path,
				Kind:   KindOf(r.URL.Path, w.Header().Get("Content-Type")),
				Bytes:  cw.n,
				Reload: strings.Contains(r.Header.Get("Cache-Control"), "no-cache"),
				At:     time.Now(),
			})
			s.mu.Unlock()
		}),
		ReadHeaderTimeout: 10 * time.Second,
	}
	go func() { _ = s.srv.Serve(ln) }()
	return s, nil
}

// Close stops the server.
func (s *Server) Close() error { return s.srv.Close() }

// Take returns what was served since the last Take, and forgets it.
func (s *Server) Take() []Served {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := s.served
	s.served = nil
	return out
}

// TrafficOf sums served responses by kind.
func TrafficOf(served []Served) Traffic {
	t := Traffic{}
	for _, r := range served {
		t[r.Kind] += float64(r.Bytes)
	}
	return t
}

type countingWriter struct {
	http.ResponseWriter
	n int64
}

func (w *countingWriter) Write(b []byte) (int, error) {
	n, err := w.ResponseWriter.Write(b)
	w.n += int64(n)
	return n, err
}
