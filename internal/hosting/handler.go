package hosting

import (
	"net/http"
	"strings"
)

// MaxURILength is the longest request URI (path and query) [Handler]
// accepts. The site's longest address is a few dozen bytes, and a resumable
// questionnaire link keeps its answers after the #, which never reaches the
// server.
const MaxURILength = 2048

// hiddenNames are files the build writes for the host, not for visitors:
// _headers (Netlify, Cloudflare Pages) and the _hosting folder (nginx and
// Caddy snippets). They are answered 404 wherever they appear in a path.
var hiddenNames = []string{"_headers", "_hosting"}

// Handler wraps next, a file server such as staticsite.FileServer, with the
// site's hosting rules:
//
//   - every response, including 404s and errors, carries [Headers] (HSTS
//     only when tls is true) and a Cache-Control: [CacheControl] for a
//     successful response, no-cache for any other;
//   - only GET and HEAD are allowed (405 otherwise), because a static site
//     has nothing to receive;
//   - a request URI longer than [MaxURILength] is refused (414), and so is
//     any request with a body (413);
//   - a path that, decoded, has a ".." segment, a backslash, a NUL or a
//     colon is refused (400) before next sees it: those are attempts to
//     leave the folder (backslash and colon on Windows: "..\", "C:",
//     "file::$DATA"), never addresses of the site;
//   - _headers and _hosting/ are answered 404: they configure the host;
//   - so is any path with an element starting with a dot ("/.env",
//     "/.git/config", "/web/.notes.txt", also "%2e"-encoded): the build
//     never publishes such a file, and one in the folder is a deploy's
//     leftover, often a secret.
//
// The checks come before next, so a file server can only ever be asked for
// a plain path inside its folder.
func Handler(next http.Handler, tls bool) http.Handler {
	security := Headers(tls)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hw := &headerWriter{ResponseWriter: w, security: security, cache: CacheControl(r.URL.Path)}
		// Set now as well as at WriteHeader, so that they are there even
		// for a handler that only looks at them.
		hw.setSecurity()
		switch {
		case len(r.RequestURI) > MaxURILength:
			plainError(hw, http.StatusRequestURITooLong)
		case r.Method != http.MethodGet && r.Method != http.MethodHead:
			hw.Header().Set("Allow", "GET, HEAD")
			plainError(hw, http.StatusMethodNotAllowed)
		case r.ContentLength != 0:
			// A length of -1 is a body of unknown length (chunked).
			plainError(hw, http.StatusRequestEntityTooLarge)
		case !cleanPath(r.URL.Path):
			plainError(hw, http.StatusBadRequest)
		case hidden(r.URL.Path):
			plainError(hw, http.StatusNotFound)
		default:
			next.ServeHTTP(hw, r)
		}
	})
}

// plainError answers with code and its text.
func plainError(w http.ResponseWriter, code int) {
	http.Error(w, http.StatusText(code), code)
}

// cleanPath reports whether the decoded URL path p is free of everything
// that could name a file outside the served folder.
func cleanPath(p string) bool {
	if strings.ContainsAny(p, "\\\x00:") {
		return false
	}
	for seg := range strings.SplitSeq(p, "/") {
		// "..", and on Windows also "...", ".. " and the like, which it
		// trims to "..".
		if len(seg) >= 2 && strings.TrimRight(seg, ". ") == "" {
			return false
		}
	}
	return true
}

// hidden reports whether p has an element starting with a dot, or names
// one of hiddenNames, in any case (macOS and Windows file systems ignore
// case) and with any trailing dots or spaces (Windows ignores those).
func hidden(p string) bool {
	for seg := range strings.SplitSeq(p, "/") {
		if strings.HasPrefix(seg, ".") {
			return true
		}
		seg = strings.TrimRight(seg, ". ")
		for _, name := range hiddenNames {
			if strings.EqualFold(seg, name) {
				return true
			}
		}
	}
	return false
}

// headerWriter makes sure the security headers and the right Cache-Control
// are on the response when its status is written, whatever the wrapped
// handler did to the header map before (http.ServeContent, for one, removes
// Cache-Control from its error responses).
type headerWriter struct {
	http.ResponseWriter
	security http.Header
	cache    string
	wrote    bool
}

func (w *headerWriter) setSecurity() {
	h := w.ResponseWriter.Header()
	for name, values := range w.security {
		h.Set(name, values[0])
	}
}

func (w *headerWriter) WriteHeader(code int) {
	if !w.wrote && code >= 200 {
		w.wrote = true
		w.setSecurity()
		cache := CacheRevalidate
		if code < 300 || code == http.StatusNotModified {
			cache = w.cache
		}
		w.ResponseWriter.Header().Set("Cache-Control", cache)
	}
	w.ResponseWriter.WriteHeader(code)
}

func (w *headerWriter) Write(b []byte) (int, error) {
	if !w.wrote {
		w.WriteHeader(http.StatusOK)
	}
	return w.ResponseWriter.Write(b)
}

// Unwrap lets http.ResponseController reach the connection.
func (w *headerWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }
