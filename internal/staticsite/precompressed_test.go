package staticsite

import (
	"net/http/httptest"
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/stretchr/testify/require"
)

// TestFileServerPrecompressed asks for app.wasm, which the build writes
// with a Brotli and a gzip copy, with the Accept-Encoding headers browsers
// and odd clients send, and checks which file comes back and that its
// Content-Length is that of the file sent.
func TestFileServerPrecompressed(t *testing.T) {
	root := t.TempDir()
	dir := filepath.Join(root, "site")
	bodies := map[string]string{"": "RAW WASM, LONGER THAN ITS COPIES", "br": "BROTLI", "gzip": "GZIP BYTES"}
	for name, body := range map[string]string{
		"404.html":         "not found page",
		"web/app.wasm":     bodies[""],
		"web/app.wasm.br":  bodies["br"],
		"web/app.wasm.gz":  bodies["gzip"],
		"web/site.css":     "body{}",
		"../secret.css.br": secretOutside,
	} {
		p := filepath.Join(dir, filepath.FromSlash(name))
		require.NoError(t, os.MkdirAll(filepath.Dir(p), 0o755))
		require.NoError(t, os.WriteFile(p, []byte(body), 0o644))
	}
	// A copy that is a link is no copy.
	require.NoError(t, os.Symlink(filepath.Join(root, "secret.css.br"), filepath.Join(dir, "web", "site.css.br")))

	tests := []struct {
		give string // Accept-Encoding
		want string // the coding sent
	}{
		{give: "", want: ""},
		{give: "br", want: "br"},
		{give: "gzip", want: "gzip"},
		{give: "gzip, deflate, br, zstd", want: "br"},
		{give: "gzip, br", want: "br"},
		{give: "br;q=0, gzip", want: "gzip"},
		{give: "br;q=0", want: ""},
		{give: "gzip;q=0", want: ""},
		{give: "br;q=0.0, gzip;q=0.000", want: ""},
		{give: "BR;Q=0, GZIP", want: "gzip"},
		{give: "br ; q=0 , gzip", want: "gzip"},
		{give: "br;q=0.5, gzip;q=1", want: "gzip"},
		{give: "br;q=0.001", want: "br"},
		{give: "*", want: "br"},
		{give: "*;q=0", want: ""},
		{give: "gzip, *;q=0", want: "gzip"},
		{give: "br;q=0, *", want: "gzip"},
		{give: "br;q=abc, gzip", want: "gzip"},
		{give: "br;q=2", want: ""},
		{give: "identity", want: ""},
		{give: "deflate", want: ""},
	}
	for _, tt := range tests {
		t.Run(tt.give, func(t *testing.T) {
			for _, method := range []string{"GET", "HEAD"} {
				rec := httptest.NewRecorder()
				req := httptest.NewRequest(method, "http://example.org/web/app.wasm", nil)
				req.Header.Set("Accept-Encoding", tt.give)
				FileServer(dir, "").ServeHTTP(rec, req)
				require.Equal(t, 200, rec.Code)
				require.Equal(t, tt.want, rec.Header().Get("Content-Encoding"))
				require.Equal(t, "application/wasm", rec.Header().Get("Content-Type"))
				require.Equal(t, "Accept-Encoding", rec.Header().Get("Vary"))
				require.Equal(t, strconv.Itoa(len(bodies[tt.want])), rec.Header().Get("Content-Length"))
				if method == "GET" {
					require.Equal(t, bodies[tt.want], rec.Body.String())
				}
			}
		})
	}

	t.Run("range of a copy", func(t *testing.T) {
		rec := httptest.NewRecorder()
		req := httptest.NewRequest("GET", "http://example.org/web/app.wasm", nil)
		req.Header.Set("Accept-Encoding", "br")
		req.Header.Set("Range", "bytes=1-3")
		FileServer(dir, "").ServeHTTP(rec, req)
		require.Equal(t, 206, rec.Code)
		require.Equal(t, "3", rec.Header().Get("Content-Length"))
		require.Equal(t, "ROT", rec.Body.String())
	})

	t.Run("a linked copy is not sent", func(t *testing.T) {
		rec := httptest.NewRecorder()
		req := httptest.NewRequest("GET", "http://example.org/web/site.css", nil)
		req.Header.Set("Accept-Encoding", "br")
		FileServer(dir, "").ServeHTTP(rec, req)
		require.Equal(t, 200, rec.Code)
		require.Empty(t, rec.Header().Get("Content-Encoding"))
		require.Equal(t, "body{}", rec.Body.String())
	})
}
