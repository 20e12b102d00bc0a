package staticsite

import (
	"net/http/httptest"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"
)

// Secrets the file server must never send: outside the folder, or in it
// but hidden (a dotfile, a symbolic link).
const (
	secretOutside = "SECRET-OUTSIDE-THE-SITE"
	secretDotfile = "SECRET-IN-A-DOTFILE"
)

// TestFileServerRefusesLinksAndDotfiles puts what a careless deploy leaves
// in the output folder (a .env, a .git folder, symbolic links to a file
// outside, to the file system's root and to a dotfile inside) and asks for
// each, plainly and encoded.
func TestFileServerRefusesLinksAndDotfiles(t *testing.T) {
	root := t.TempDir()
	dir := filepath.Join(root, "site")
	outside := filepath.Join(root, "secret.txt")
	write := func(name, body string) {
		p := filepath.Join(dir, filepath.FromSlash(name))
		require.NoError(t, os.MkdirAll(filepath.Dir(p), 0o755))
		require.NoError(t, os.WriteFile(p, []byte(body), 0o644))
	}
	link := func(target, name string) {
		require.NoError(t, os.Symlink(target, filepath.Join(dir, filepath.FromSlash(name))))
	}
	require.NoError(t, os.WriteFile(outside, []byte(secretOutside), 0o644))
	write("index.html", "home")
	write("404.html", "not found page")
	write("web/site.css", "css")
	write(".env", secretDotfile)
	write(".git/config", secretDotfile)
	write("web/.notes.txt", secretDotfile)
	write(".hidden/page.html", secretDotfile)
	link(outside, "leak.html")
	link("/", "rootdir")
	link(root, "parentdir")
	link(".env", "alias.html")
	link("web", "webalias")
	link("site.css", "web/style.css")

	tests := []struct {
		give string
		want int
	}{
		{give: "/leak", want: 404},
		{give: "/leak.html", want: 404},
		{give: "/rootdir" + outside, want: 404},
		{give: "/rootdir/etc/passwd", want: 404},
		{give: "/parentdir/secret.txt", want: 404},
		{give: "/alias", want: 404},
		{give: "/alias.html", want: 404},
		{give: "/webalias/site.css", want: 404},
		{give: "/web/style.css", want: 404},
		{give: "/.env", want: 404},
		{give: "/%2eenv", want: 404},
		{give: "/%2Eenv", want: 404},
		{give: "/.git/config", want: 404},
		{give: "/%2egit/config", want: 404},
		{give: "/web/.notes.txt", want: 404},
		{give: "/web/%2enotes.txt", want: 404},
		{give: "/.hidden/page", want: 404},
		{give: "/web/../.env", want: 404},
		{give: "/web/%2e%2e/.env", want: 404},
		{give: "/../secret.txt", want: 404},
		{give: "/%2e%2e/secret.txt", want: 404},
		// The plain files next to them are served.
		{give: "/", want: 200},
		{give: "/web/site.css", want: 200},
	}
	for _, tt := range tests {
		t.Run(tt.give, func(t *testing.T) {
			for _, enc := range []string{"", "br, gzip"} {
				rec := httptest.NewRecorder()
				req := httptest.NewRequest("GET", "http://example.org"+tt.give, nil)
				req.Header.Set("Accept-Encoding", enc)
				FileServer(dir, "").ServeHTTP(rec, req)
				require.Equal(t, tt.want, rec.Code)
				for _, secret := range []string{secretOutside, secretDotfile, "root:"} {
					require.NotContains(t, rec.Body.String(), secret)
				}
			}
		})
	}
}
