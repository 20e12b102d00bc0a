package staticsite

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"

	"callprivacy/internal/content"
)

// TestBuildRefusesLinksAndDotfiles gives the build a web/ folder with what
// must never be published, and expects a refusal naming it before anything
// is built.
func TestBuildRefusesLinksAndDotfiles(t *testing.T) {
	mod, err := filepath.Abs(filepath.Join("..", ".."))
	require.NoError(t, err)
	s, err := content.Load(os.DirFS(filepath.Join(mod, "content")), "content")
	require.NoError(t, err)
	outside := filepath.Join(t.TempDir(), "secret.txt")
	require.NoError(t, os.WriteFile(outside, []byte("secret"), 0o644))

	tests := []struct {
		name    string
		give    func(t *testing.T, web string)
		want    string
		wantErr string
	}{
		{
			name:    "dotfile",
			give:    func(t *testing.T, web string) { writeFile(t, filepath.Join(web, ".notes.txt"), "private") },
			want:    ".notes.txt",
			wantErr: "starts with a dot",
		},
		{
			name:    "dot folder",
			give:    func(t *testing.T, web string) { writeFile(t, filepath.Join(web, ".git", "config"), "[core]") },
			want:    ".git",
			wantErr: "starts with a dot",
		},
		{
			name:    "dotfile deeper",
			give:    func(t *testing.T, web string) { writeFile(t, filepath.Join(web, "fonts", ".DS_Store"), "x") },
			want:    filepath.Join("fonts", ".DS_Store"),
			wantErr: "starts with a dot",
		},
		{
			name: "link to a file outside",
			give: func(t *testing.T, web string) {
				require.NoError(t, os.Symlink(outside, filepath.Join(web, "leak.txt")))
			},
			want:    "leak.txt",
			wantErr: "symbolic link",
		},
		{
			name:    "link to the root",
			give:    func(t *testing.T, web string) { require.NoError(t, os.Symlink("/", filepath.Join(web, "rootdir"))) },
			want:    "rootdir",
			wantErr: "symbolic link",
		},
		{
			name: "link inside",
			give: func(t *testing.T, web string) {
				require.NoError(t, os.Symlink("site.css", filepath.Join(web, "style.css")))
			},
			want:    "style.css",
			wantErr: "symbolic link",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			web := filepath.Join(t.TempDir(), "web")
			writeFile(t, filepath.Join(web, "site.css"), "body{}")
			tt.give(t, web)
			out := filepath.Join(t.TempDir(), "dist")
			_, err := Build(s, Options{
				ModuleDir: mod,
				WebDir:    web,
				WasmExec:  filepath.Join(mod, "wasm_exec", "wasm_exec.js"),
				Out:       out,
			})
			require.ErrorContains(t, err, filepath.Join(web, tt.want))
			require.ErrorContains(t, err, tt.wantErr)
			// Refused before anything was written.
			_, err = os.Stat(out)
			require.ErrorIs(t, err, os.ErrNotExist)
		})
	}
}

func writeFile(t *testing.T, name, body string) {
	t.Helper()
	require.NoError(t, os.MkdirAll(filepath.Dir(name), 0o755))
	require.NoError(t, os.WriteFile(name, []byte(body), 0o644))
}
