package staticsite

import (
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

func sri(body string) string {
	sum := sha256.Sum256([]byte(body))
	return "sha256-" + base64.StdEncoding.EncodeToString(sum[:])
}

func TestIntegrity(t *testing.T) {
	// A built site: pages, files, and compressed copies whose bytes must
	// not be what is hashed.
	files := map[string]string{
		"index.html":          "<h1>Home</h1>",
		"metadata.html":       "<h1>Metadata</h1>",
		"metadata.html.br":    "compressed",
		"platforms/zoom.html": "<h1>Zoom</h1>",
		"404.html":            "<h1>Not found</h1>",
		"app.js":              "app();",
		"web/app.wasm":        "\x00asm",
		"web/site.json":       "{}",
	}
	tests := []struct {
		name    string
		base    string
		urls    []string
		want    map[string]string
		wantErr string
	}{
		{
			name: "at the root",
			urls: []string{"/", "/metadata", "/platforms/zoom", "/404", "/app.js", "/web/app.wasm"},
			want: map[string]string{
				"/":               sri(files["index.html"]),
				"/metadata":       sri(files["metadata.html"]),
				"/platforms/zoom": sri(files["platforms/zoom.html"]),
				"/404":            sri(files["404.html"]),
				"/app.js":         sri(files["app.js"]),
				"/web/app.wasm":   sri(files["web/app.wasm"]),
			},
		},
		{
			name: "under a sub-path, the base with and without its slash",
			base: "/privacy",
			urls: []string{"/privacy", "/privacy/", "/privacy/metadata", "/privacy/web/site.json"},
			want: map[string]string{
				"/privacy":               sri(files["index.html"]),
				"/privacy/":              sri(files["index.html"]),
				"/privacy/metadata":      sri(files["metadata.html"]),
				"/privacy/web/site.json": sri(files["web/site.json"]),
			},
		},
		{name: "no list, no hashes", urls: nil, want: map[string]string{}},
		{name: "a page the build did not write", urls: []string{"/compare"}, wantErr: "no file of"},
		{name: "outside the sub-path", base: "/privacy", urls: []string{"/metadata"}, wantErr: "no file of"},
		{name: "another origin", urls: []string{"https://raw.githubusercontent.com/icon.png"}, wantErr: "not a file of this site"},
		{name: "another origin without a scheme", urls: []string{"//example.org/x.js"}, wantErr: "not a file of this site"},
		{name: "a query", urls: []string{"/app.js?v=2"}, wantErr: "not a file of this site"},
	}
	dir := t.TempDir()
	for name, body := range files {
		writeFile(t, filepath.Join(dir, name), body)
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := integrity(dir, tt.base, tt.urls)
			if tt.wantErr != "" {
				require.ErrorContains(t, err, tt.wantErr)
				return
			}
			require.NoError(t, err)
			require.Equal(t, tt.want, got)
		})
	}
}

func TestEmbedIntegrity(t *testing.T) {
	const template = "const cacheName = \"callprivacy-v1-" + precacheIDMark + "\";\n" +
		"const resources = [\"/\",\"/app.js\"];\n" +
		"const integrity = " + integrityMark + ";\n"
	tests := []struct {
		name    string
		worker  string
		app     string
		wantErr string
	}{
		{name: "fills in both", worker: template, app: "app();"},
		{name: "another app.js, another cache", worker: template, app: "app(2);"},
		{name: "no resources line", worker: strings.Replace(template, "const resources", "let resources", 1), app: "x", wantErr: "no list of precached files"},
		{name: "a mark twice", worker: template + "// " + integrityMark + "\n", app: "x", wantErr: "appears 2 times"},
		{name: "a file missing", worker: strings.Replace(template, `"/app.js"`, `"/gone.js"`, 1), app: "x", wantErr: "no file of"},
	}
	ids := map[string]bool{}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			writeFile(t, filepath.Join(dir, "index.html"), "<h1>Home</h1>")
			writeFile(t, filepath.Join(dir, "app.js"), tt.app)
			writeFile(t, filepath.Join(dir, "app-worker.js"), tt.worker)
			err := embedIntegrity(dir, "")
			if tt.wantErr != "" {
				require.ErrorContains(t, err, tt.wantErr)
				return
			}
			require.NoError(t, err)
			b, err := os.ReadFile(filepath.Join(dir, "app-worker.js"))
			require.NoError(t, err)
			worker := string(b)
			require.NotContains(t, worker, integrityMark)
			require.NotContains(t, worker, precacheIDMark)

			m := regexp.MustCompile(`(?m)^const integrity = (.*);$`).FindStringSubmatch(worker)
			require.NotNil(t, m, worker)
			var got map[string]string
			require.NoError(t, json.Unmarshal([]byte(m[1]), &got))
			require.Equal(t, map[string]string{"/": sri("<h1>Home</h1>"), "/app.js": sri(tt.app)}, got)

			id := regexp.MustCompile(`"callprivacy-v1-([0-9a-f]{16})"`).FindStringSubmatch(worker)
			require.NotNil(t, id, worker)
			require.False(t, ids[id[1]], "two sets of files share the cache name %s", id[1])
			ids[id[1]] = true
		})
	}
}
