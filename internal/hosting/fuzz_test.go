package hosting_test

import (
	"bufio"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"testing"

	"callprivacy/internal/hosting"
	"callprivacy/internal/staticsite"
)

// FuzzHandlerPath sends arbitrary request targets, parsed exactly as the
// server parses them, and checks that nothing panics, that the status is
// one the site can give, and that a 200 is always the content of a file
// inside the served folder (and never the hosts' configuration).
func FuzzHandlerPath(f *testing.F) {
	for _, seed := range []string{
		"/", "/metadata", "/web/icon.png", "/privacy/", "/privacy",
		"/../etc/passwd", "/../../../../etc/passwd", "/%2e%2e/x", "/%2E%2e/%2e%2E/secret.txt",
		"/web/..%2f..%2fgo.mod", "/web/%2e%2e%2f%2e%2e%2fgo.mod", `/..\secret.txt`, "/%5c..%5csecret.txt",
		"/....//....//secret.txt", "/.../secret.txt", "/..%00/secret.txt", "/%00", "/C:/secret.txt",
		"//etc/passwd", "/./././metadata", "/privacy/../secret.txt", "/privacy/%2e%2e/secret.txt",
		"/_headers", "/_hosting/nginx.conf", "/_HoStInG/Caddyfile", "/_headers.", "/%5fheaders",
		"*", "http://example.org/../secret.txt", "/web/site.css?x=../../secret.txt#frag",
		"/" + strings.Repeat("a/", 1100),
		// Dotfiles and symbolic links that makeSite leaves in the folder.
		"/.env", "/%2eenv", "/.git/config", "/%2Egit/config", "/web/.notes.txt", "/web/%2enotes.txt",
		"/.well-known/x", "/./.env", "/web/../.env", "/leak", "/leak.html", "/passwd.html",
		"/rootdir/etc/passwd", "/rootdir/", "/alias", "/webalias/site.css", "/privacy/.env", "/privacy/leak",
	} {
		f.Add(seed)
	}
	dir := makeSite(f)
	allowed := servable(f, dir)
	handlers := []http.Handler{
		hosting.Handler(staticsite.FileServer(dir, ""), false),
		hosting.Handler(staticsite.FileServer(dir, "/privacy"), true),
	}
	statuses := []int{200, 301, 400, 404, 405, 413, 414}

	f.Fuzz(func(t *testing.T, target string) {
		r, err := http.ReadRequest(bufio.NewReader(strings.NewReader("GET " + target + " HTTP/1.1\r\nHost: example.org\r\n\r\n")))
		if err != nil {
			return // the server would refuse it before any handler
		}
		for _, h := range handlers {
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, r)
			if !slices.Contains(statuses, rec.Code) {
				t.Fatalf("%q: status %d", target, rec.Code)
			}
			if rec.Code == http.StatusOK && !allowed[rec.Body.String()] {
				t.Fatalf("%q: 200 with a body that is no file of the site: %.80q", target, rec.Body.String())
			}
			if rec.Header().Get("Content-Security-Policy") != hosting.CSP {
				t.Fatalf("%q: no Content-Security-Policy", target)
			}
		}
	})
}
