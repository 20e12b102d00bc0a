package staticsite

import (
	"io"
	"net/http"
	"os"
	"path"
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
// It serves plain files only, through os.Root: no symbolic link, no file
// or folder whose name starts with a dot (see [plainFile]), nothing
// outside dir.
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
		// Opened per request, not once: the folder can be rebuilt (emptied
		// and written again) while the handler exists, and `serve` makes
		// the handler before it builds.
		root, err := os.OpenRoot(dir)
		if err != nil {
			http.NotFound(w, r)
			return
		}
		defer root.Close()

		if base != "" && r.URL.Path == base {
			http.Redirect(w, r, base+"/", http.StatusMovedPermanently)
			return
		}
		name, ok := locate(root, base, r.URL.Path)
		if !ok {
			notFound(w, root)
			return
		}
		file, coding := name, ""
		if compressible[path.Ext(name)] {
			w.Header().Add("Vary", "Accept-Encoding")
			file, coding = acceptedSibling(root, name, r.Header.Get("Accept-Encoding"))
			if file == "" {
				file = name
			}
		}
		f, fi, ok := openPlain(root, strings.TrimPrefix(file, "/"))
		if !ok {
			notFound(w, root)
			return
		}
		defer f.Close()
		if coding != "" {
			w.Header().Set("Content-Encoding", coding)
			w = &lengthWriter{ResponseWriter: w, size: fi.Size()}
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

// locate maps the path of a request to the file of root that answers it,
// under base: the base itself and base/ are index.html. The build uses it
// too, to hash the file each precached address is answered with.
func locate(root *os.Root, base, urlPath string) (string, bool) {
	p := path.Clean("/" + urlPath)
	rel, ok := strings.CutPrefix(p, base)
	if base != "" && (!ok || (rel != "" && rel[0] != '/')) {
		return "", false
	}
	if rel == "" || rel == "/" {
		rel = "/index.html"
	}
	return resolve(root, rel)
}

// resolve maps a request path to a plain file of root (see [plainFile]):
// the file itself, or the same path with .html added.
func resolve(root *os.Root, rel string) (string, bool) {
	for _, candidate := range []string{rel, rel + ".html"} {
		if _, ok := plainFile(root, strings.TrimPrefix(candidate, "/")); ok {
			return candidate, true
		}
	}
	return "", false
}

// notFound answers 404 with the site's own 404 page.
func notFound(w http.ResponseWriter, root *os.Root) {
	f, _, ok := openPlain(root, "404.html")
	if !ok {
		http.NotFound(w, nil)
		return
	}
	defer f.Close()
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Cache-Control", "no-cache")
	w.WriteHeader(http.StatusNotFound)
	_, _ = io.Copy(w, f)
}
