//go:build !wasm

package bench

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"
)

func TestStripScripts(t *testing.T) {
	tests := []struct {
		name      string
		give      string
		want      string
		wantCount int
	}{
		{
			name:      "go-app's head, one script a line",
			give:      "<head>\n    <link rel=\"stylesheet\" href=\"/app.css\">\n    <script defer src=\"/wasm_exec.js\"></script>\n    <script src=\"/app.js\" defer></script>\n    <script src=\"/web/site.js\"></script>\n  </head>\n",
			want:      "<head>\n    <link rel=\"stylesheet\" href=\"/app.css\">\n  </head>\n",
			wantCount: 3,
		},
		{
			name:      "inline script with markup inside, over several lines",
			give:      "<p>a</p>\n<script>\n  if (a < b) { document.write(\"<p>x</p>\"); }\n</script>\n<p>b</p>\n",
			want:      "<p>a</p>\n<p>b</p>\n",
			wantCount: 1,
		},
		{
			name:      "script inside a line keeps the line",
			give:      "<p>one<script src=\"/x.js\"></script> two</p>\n",
			want:      "<p>one two</p>\n",
			wantCount: 1,
		},
		{
			name:      "upper case and attributes",
			give:      "<SCRIPT type=\"module\" src=\"/m.js\"></SCRIPT >\n<main></main>\n",
			want:      "<main></main>\n",
			wantCount: 1,
		},
		{
			name:      "noscript and words that start like script stay",
			give:      "<noscript>on</noscript><scripted>x</scripted>\n",
			want:      "<noscript>on</noscript><scripted>x</scripted>\n",
			wantCount: 0,
		},
		{
			name:      "nothing to strip",
			give:      "<p>plain</p>",
			want:      "<p>plain</p>",
			wantCount: 0,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, n := StripScripts([]byte(tt.give))
			require.Equal(t, tt.want, string(got))
			require.Equal(t, tt.wantCount, n)
		})
	}
}

func TestCopyStripped(t *testing.T) {
	src, dst := t.TempDir(), filepath.Join(t.TempDir(), "static")
	page := "<head>\n<script src=\"/app.js\"></script>\n</head>\n<body><p>text</p></body>\n"
	files := map[string]string{
		"index.html":               page,
		"platforms/jitsi.html":     page,
		"app.js":                   "console.log('<script></script>')",
		"web/site.css":             "p{}",
		"web/icon.svg":             "<svg/>",
		"questionnaire.html.gz":    "stale",
		"web/notes/readme.txt.tmp": "x",
	}
	for name, body := range files {
		require.NoError(t, os.MkdirAll(filepath.Dir(filepath.Join(src, name)), 0o755))
		require.NoError(t, os.WriteFile(filepath.Join(src, name), []byte(body), 0o644))
	}
	n, err := CopyStripped(src, dst)
	require.NoError(t, err)
	require.Equal(t, 2, n)

	tests := []struct {
		give string
		want string
	}{
		{give: "index.html", want: "<head>\n</head>\n<body><p>text</p></body>\n"},
		{give: "platforms/jitsi.html", want: "<head>\n</head>\n<body><p>text</p></body>\n"},
		{give: "app.js", want: files["app.js"]},
		{give: "web/site.css", want: "p{}"},
		{give: "web/notes/readme.txt.tmp", want: "x"},
	}
	for _, tt := range tests {
		t.Run(tt.give, func(t *testing.T) {
			got, err := os.ReadFile(filepath.Join(dst, tt.give))
			require.NoError(t, err)
			require.Equal(t, tt.want, string(got))
		})
	}
	// A compressed page without its page is not copied: it would hold the
	// scripts.
	_, err = os.Stat(filepath.Join(dst, "questionnaire.html.gz"))
	require.ErrorIs(t, err, os.ErrNotExist)
}

func TestCopyStrippedRewritesCompressedPages(t *testing.T) {
	src, dst := t.TempDir(), filepath.Join(t.TempDir(), "static")
	page := "<head>\n<script src=\"/app.js\"></script>\n</head>\n"
	require.NoError(t, os.WriteFile(filepath.Join(src, "index.html"), []byte(page), 0o644))
	gz, err := gzipBytes([]byte(page))
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(filepath.Join(src, "index.html.gz"), gz, 0o644))

	_, err = CopyStripped(src, dst)
	require.NoError(t, err)
	got, err := os.ReadFile(filepath.Join(dst, "index.html.gz"))
	require.NoError(t, err)
	want, err := gzipBytes([]byte("<head>\n</head>\n"))
	require.NoError(t, err)
	require.Equal(t, want, got)
}
