package staticsite

import (
	"net/http"
	"os"
	"path"
	"path/filepath"
	"strings"
)

// FileServer serves a built site from dir the way common static hosts do
// (GitHub Pages, Netlify, Cloudflare Pages, nginx with
// "try_files $uri $uri.html $uri/ =404"): /metadata is answered with
// metadata.html, and an unknown path with 404.html and status 404. The
// site lives under base ("" or "/privacy"); anything outside it is not
// found.
//
// Like hosts that serve precompressed files (nginx gzip_static and
// brotli_static, Caddy's precompressed), it answers with the .br or .gz
// sibling the build wrote when the browser accepts it.
//
// It is what `callprivacy serve` and the browser tests use, so that both
// see the site exactly as a plain static host would serve it.
func FileServer(dir, base string) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodGet && r.Method != http.MethodHead {
			w.Header().Set("Allow", "GET, HEAD")
			http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
			return
		}
		p := path.Clean("/" + r.URL.Path)
		if base != "" && r.URL.Path == base {
			http.Redirect(w, r, base+"/", http.StatusMovedPermanently)
			return
		}
		rel, ok := strings.CutPrefix(p, base)
		if base != "" && (!ok || (rel != "" && rel[0] != '/')) {
			notFound(w, dir)
			return
		}
		if rel == "" || rel == "/" {
			rel = "/index.html"
		}
		name, ok := resolve(dir, rel)
		if !ok {
			notFound(w, dir)
			return
		}
		file := name
		if compressible[path.Ext(name)] {
			w.Header().Add("Vary", "Accept-Encoding")
			if sibling, coding := acceptedSibling(dir, name, r.Header.Get("Accept-Encoding")); sibling != "" {
				file = sibling
				w.Header().Set("Content-Encoding", coding)
			}
		}
		f, err := os.Open(filepath.Join(dir, filepath.FromSlash(file)))
		if err != nil {
			notFound(w, dir)
			return
		}
		defer f.Close()
		fi, err := f.Stat()
		if err != nil {
			notFound(w, dir)
			return
		}
		// HTML and the service worker must be revalidated, or a visitor
		// could be stuck on an old version.
		if strings.HasSuffix(name, ".html") || name == "/app-worker.js" || name == "/manifest.webmanifest" {
			w.Header().Set("Cache-Control", "no-cache")
		}
		if strings.HasSuffix(name, ".webmanifest") {
			w.Header().Set("Content-Type", "application/manifest+json")
		}
		// The type comes from the page's own name, not the sibling's.
		http.ServeContent(w, r, name, fi.ModTime(), f)
	})
}

// resolve maps a request path to a file of dir: the file itself, or the
// same path with .html added.
func resolve(dir, rel string) (string, bool) {
	for _, candidate := range []string{rel, rel + ".html"} {
		fi, err := os.Stat(filepath.Join(dir, filepath.FromSlash(candidate)))
		if err == nil && !fi.IsDir() {
			return candidate, true
		}
	}
	return "", false
}

func notFound(w http.ResponseWriter, dir string) {
	b, err := os.ReadFile(filepath.Join(dir, "404.html"))
	if err != nil {
		http.NotFound(w, nil)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Cache-Control", "no-cache")
	w.WriteHeader(http.StatusNotFound)
	_, _ = w.Write(b)
}
