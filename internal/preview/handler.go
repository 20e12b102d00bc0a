package preview

import (
	"bytes"
	"embed"
	"encoding/json"
	"fmt"
	"html/template"
	"net/http"
	"strconv"
	"strings"

	"callprivacy/internal/hosting"
	"callprivacy/internal/staticsite"
)

//go:embed assets
var assets embed.FS

// Handler serves the last build that worked, as `serve` would (the same
// file server and security headers, the same Content-Security-Policy),
// with these differences, all for a live preview:
//
//   - every HTML page gets /__preview/reload.js, which reloads it after a
//     rebuild and shows the problems that stop one over the page;
//   - /__preview/status says which build is served and what stops the
//     next;
//   - the service worker is one that keeps no offline copy (see
//     assets/app-worker.js), so no page is ever an old copy;
//   - nothing is cached, and nothing is sent compressed: the .br and .gz
//     copies are not even written.
//
// Before the first build that works, every page is a list of the
// problems, which reloads itself once they are fixed.
func (p *Preview) Handler() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /__preview/status", p.status)
	mux.Handle("GET /__preview/reload.js", asset("assets/reload.js", "text/javascript; charset=utf-8"))
	mux.Handle("GET /__preview/preview.css", asset("assets/preview.css", "text/css; charset=utf-8"))
	mux.Handle("GET /app-worker.js", asset("assets/app-worker.js", "text/javascript; charset=utf-8"))
	mux.HandleFunc("/", p.site)
	secured := hosting.Handler(mux, false)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		// Always the whole file, fresh: no 304, no compressed copy (the
		// page is rewritten below).
		for _, h := range []string{"Accept-Encoding", "If-Modified-Since", "If-None-Match", "If-Range", "Range"} {
			r.Header.Del(h)
		}
		secured.ServeHTTP(&noStoreWriter{ResponseWriter: w}, r)
	})
}

// site answers with the served build, or the problems before there is one.
func (p *Preview) site(w http.ResponseWriter, r *http.Request) {
	dir, version, problems := p.state()
	iw := &injectWriter{ResponseWriter: w, tags: tags(version)}
	defer iw.finish(r.Method == http.MethodHead)
	if dir == "" {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		iw.WriteHeader(http.StatusServiceUnavailable)
		_ = errorPage.Execute(iw, problems)
		return
	}
	staticsite.FileServer(dir, "").ServeHTTP(iw, r)
}

// status tells the page which build is served and what stops the next.
func (p *Preview) status(w http.ResponseWriter, _ *http.Request) {
	_, version, problems := p.state()
	w.Header().Set("Content-Type", "application/json")
	_ = json.NewEncoder(w).Encode(struct {
		Version  int      `json:"version"`
		Problems []string `json:"problems"`
	}{version, problems})
}

func asset(name, contentType string) http.Handler {
	b, err := assets.ReadFile(name)
	if err != nil {
		panic(err) // embedded above: a missing file is a build mistake
	}
	return http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", contentType)
		_, _ = w.Write(b)
	})
}

// tags are what every served page gets before its </head>.
func tags(version int) string {
	return `<link rel="stylesheet" href="/__preview/preview.css">` +
		`<script src="/__preview/reload.js?v=` + strconv.Itoa(version) + `" defer></script>`
}

// inject puts tags before the page's </head>, or first if it has none.
func inject(page []byte, tags string) []byte {
	i := bytes.Index(page, []byte("</head>"))
	if i < 0 {
		i = 0
	}
	out := make([]byte, 0, len(page)+len(tags))
	out = append(out, page[:i]...)
	out = append(out, tags...)
	return append(out, page[i:]...)
}

var errorPage = template.Must(template.New("").Parse(`<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Preview: problems to fix</title></head>
<body class="callprivacy-preview-error">
<h1>The preview has nothing to show yet</h1>
<p>{{len .}} problem(s) in the content stop the site from being built. Fix them and save: this page updates by itself.</p>
<ul>{{range .}}<li>{{.}}</li>{{end}}</ul>
</body></html>
`))

// injectWriter holds back an HTML answer to add the preview's tags to it,
// and passes every other answer through as it comes.
type injectWriter struct {
	http.ResponseWriter
	tags  string
	code  int
	page  *bytes.Buffer // an HTML answer, held back
	wrote bool
}

func (w *injectWriter) WriteHeader(code int) {
	if w.wrote {
		return
	}
	w.wrote = true
	if strings.HasPrefix(w.Header().Get("Content-Type"), "text/html") {
		w.code, w.page = code, &bytes.Buffer{}
		return
	}
	w.ResponseWriter.WriteHeader(code)
}

func (w *injectWriter) Write(b []byte) (int, error) {
	if !w.wrote {
		w.WriteHeader(http.StatusOK)
	}
	if w.page != nil {
		return w.page.Write(b)
	}
	return w.ResponseWriter.Write(b)
}

// finish sends a held-back page with the tags added.
func (w *injectWriter) finish(head bool) {
	if w.page == nil {
		return
	}
	page := inject(w.page.Bytes(), w.tags)
	if head {
		w.Header().Del("Content-Length")
	} else {
		w.Header().Set("Content-Length", fmt.Sprint(len(page)))
	}
	w.ResponseWriter.WriteHeader(w.code)
	if !head {
		_, _ = w.ResponseWriter.Write(page)
	}
}

// noStoreWriter keeps every answer out of the browser's cache, whatever
// the site's own Cache-Control says: a preview is for seeing the latest.
type noStoreWriter struct {
	http.ResponseWriter
	wrote bool
}

func (w *noStoreWriter) WriteHeader(code int) {
	if !w.wrote {
		w.wrote = true
		w.Header().Set("Cache-Control", "no-store")
	}
	w.ResponseWriter.WriteHeader(code)
}

func (w *noStoreWriter) Write(b []byte) (int, error) {
	if !w.wrote {
		w.WriteHeader(http.StatusOK)
	}
	return w.ResponseWriter.Write(b)
}
