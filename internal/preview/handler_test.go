package preview

import (
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"callprivacy/internal/hosting"
)

func TestInject(t *testing.T) {
	tests := []struct {
		name, give, want string
	}{
		{name: "before the end of the head", give: "<html><head><title>x</title></head><body>y</body></html>",
			want: "<html><head><title>x</title>TAGS</head><body>y</body></html>"},
		{name: "only the first end of a head", give: "<head></head><p>&lt;/head&gt;</head>", want: "<head>TAGS</head><p>&lt;/head&gt;</head>"},
		{name: "no head", give: "<p>x</p>", want: "TAGS<p>x</p>"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			require.Equal(t, tt.want, string(inject([]byte(tt.give), "TAGS")))
		})
	}
}

// TestHandler asks the preview's handler what a browser would, with a
// served folder and a problem set by hand (the browser test drives real
// builds).
func TestHandler(t *testing.T) {
	dir := t.TempDir()
	require.NoError(t, os.WriteFile(filepath.Join(dir, "index.html"), []byte("<!DOCTYPE html><html><head><title>Home</title></head><body>Hello</body></html>"), 0o644))
	require.NoError(t, os.WriteFile(filepath.Join(dir, "app-worker.js"), []byte("// the site's real worker, with its precache\n"), 0o644))
	require.NoError(t, os.WriteFile(filepath.Join(dir, "site.css"), []byte("body{}"), 0o644))

	tests := []struct {
		name       string
		dir        string
		version    int
		problems   []string
		path       string
		wantCode   int
		wantType   string
		wantBody   []string
		wantAbsent string
	}{
		{name: "a page gets the reload script of its version", dir: dir, version: 3, path: "/",
			wantCode: 200, wantType: "text/html",
			wantBody: []string{`<title>Home</title><link rel="stylesheet" href="/__preview/preview.css"><script src="/__preview/reload.js?v=3" defer></script></head>`}},
		{name: "other files pass unchanged", dir: dir, version: 3, path: "/site.css",
			wantCode: 200, wantType: "text/css", wantBody: []string{"body{}"}, wantAbsent: "reload.js"},
		{name: "the worker keeps no offline copy", dir: dir, version: 3, path: "/app-worker.js",
			wantCode: 200, wantType: "text/javascript", wantBody: []string{"skipWaiting", "caches.delete"}, wantAbsent: `addEventListener("fetch"`},
		{name: "the status names the version and the problems", dir: dir, version: 3, problems: []string{"content/index.md:9: link to /no-such-page: no such page"}, path: "/__preview/status",
			wantCode: 200, wantType: "application/json", wantBody: []string{`{"version":3,"problems":["content/index.md:9: link to /no-such-page: no such page"]}`}},
		{name: "before a build works, every page lists the problems", problems: []string{`content/site.yaml:5: offered: no platform "jitsi" <b>`}, path: "/how-i-work",
			wantCode: 503, wantType: "text/html",
			wantBody: []string{`<li>content/site.yaml:5: offered: no platform &#34;jitsi&#34; &lt;b&gt;</li>`, `reload.js?v=0`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := &Preview{dir: tt.dir, version: tt.version, problems: tt.problems}
			rec := httptest.NewRecorder()
			p.Handler().ServeHTTP(rec, httptest.NewRequest(http.MethodGet, tt.path, nil))
			require.Equal(t, tt.wantCode, rec.Code)
			require.True(t, strings.HasPrefix(rec.Header().Get("Content-Type"), tt.wantType), rec.Header().Get("Content-Type"))
			require.Equal(t, "no-store", rec.Header().Get("Cache-Control"))
			require.Equal(t, hosting.CSP, rec.Header().Get("Content-Security-Policy"))
			for _, w := range tt.wantBody {
				require.Contains(t, rec.Body.String(), w)
			}
			if tt.wantAbsent != "" {
				require.NotContains(t, rec.Body.String(), tt.wantAbsent)
			}
			if cl := rec.Header().Get("Content-Length"); cl != "" {
				require.Equal(t, cl, strconv.Itoa(rec.Body.Len()))
			}
		})
	}
}
