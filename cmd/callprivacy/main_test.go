//go:build !wasm

package main

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"
)

// copyContent copies the shipped content to a temporary folder.
func copyContent(t *testing.T) string {
	t.Helper()
	dst := filepath.Join(t.TempDir(), "content")
	require.NoError(t, os.CopyFS(dst, os.DirFS("../../content")))
	return dst
}

func TestRun(t *testing.T) {
	tests := []struct {
		name       string
		give       []string
		edit       func(dir string)
		wantErr    string
		wantStdout string
		wantStderr string
	}{
		{name: "no command", give: nil, wantErr: "usage", wantStderr: "Usage:"},
		{name: "unknown command", give: []string{"publish"}, wantErr: "usage", wantStderr: `unknown command "publish"`},
		{name: "help", give: []string{"help"}, wantStdout: "Usage:"},
		{name: "unknown flag", give: []string{"check", "-colour"}, wantErr: "usage", wantStderr: "flag provided but not defined"},
		{name: "check the shipped content", give: []string{"check"}, wantStdout: "no problems"},
		{
			name: "check reports file and line",
			give: []string{"check"},
			edit: func(dir string) {
				p := filepath.Join(dir, "platforms", "zoom.md")
				b, err := os.ReadFile(p)
				require.NoError(t, err)
				b = bytes.Replace(b, []byte("stance: not-used"), []byte("stance: sometimes"), 1)
				require.NoError(t, os.WriteFile(p, b, 0o644))
			},
			wantErr: `platforms/zoom.md:6: stance "sometimes" is not one of`,
		},
		{name: "bad base path", give: []string{"build", "-base", "/a/../b"}, wantErr: "plain path"},
		// serve refuses bad TLS settings before it builds anything.
		{name: "certificate without key", give: []string{"serve", "-tls-cert", "cert.pem"}, wantErr: "-tls-cert and -tls-key go together"},
		{name: "key without certificate", give: []string{"serve", "-tls-key", "key.pem"}, wantErr: "-tls-cert and -tls-key go together"},
		{name: "redirect without TLS", give: []string{"serve", "-redirect-http", "127.0.0.1:0"}, wantErr: "-redirect-http redirects to HTTPS"},
		{
			name:    "unreadable certificate",
			give:    []string{"serve", "-addr", "127.0.0.1:0", "-tls-cert", "missing-cert.pem", "-tls-key", "missing-key.pem"},
			wantErr: "TLS certificate",
		},
		{name: "serve: bad base path", give: []string{"serve", "-base", "/a/../b"}, wantErr: "plain path"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			args := tt.give
			if len(args) > 0 && (args[0] == "check" || args[0] == "build") {
				dir := copyContent(t)
				if tt.edit != nil {
					tt.edit(dir)
				}
				args = append(args, "-content", dir)
			}
			var stdout, stderr bytes.Buffer
			err := run(args, &stdout, &stderr)
			if tt.wantErr != "" {
				require.ErrorContains(t, err, tt.wantErr)
			} else {
				require.NoError(t, err)
			}
			require.Contains(t, stdout.String(), tt.wantStdout)
			require.Contains(t, stderr.String(), tt.wantStderr)
		})
	}
}

// TestServeKeepsABuildForAnotherBase builds the site for /privacy/, as
// for upload under a sub-path, then runs serve as the README says: serve
// refuses to replace that build with one for the root and says what to
// run, and -dir serves it as it was built.
func TestServeKeepsABuildForAnotherBase(t *testing.T) {
	dist := filepath.Join(t.TempDir(), "dist")
	contentDir := copyContent(t)
	// build compiles the app from the module, as make does from its root.
	t.Chdir(filepath.Join("..", ".."))
	var stdout, stderr bytes.Buffer
	require.NoError(t, run([]string{"build", "-content", contentDir, "-out", dist, "-base", "/privacy/"}, &stdout, &stderr))
	manifest, err := os.ReadFile(filepath.Join(dist, "manifest.webmanifest"))
	require.NoError(t, err)
	empty := t.TempDir()

	tests := []struct {
		name    string
		give    []string
		wantErr []string
	}{
		{name: "serve for the root refuses", give: []string{"serve", "-out", dist},
			wantErr: []string{
				dist + " holds a build for /privacy/, and serving would replace it with a build for /. Nothing was changed.",
				`make serve ARGS="-dir ` + dist + `"`,
				`make serve ARGS="-base /privacy/ -out ` + dist + `"`,
				`make build ARGS="-out ` + dist + `", then make serve ARGS="-out ` + dist + `"`,
			}},
		{name: "serve for another sub-path refuses", give: []string{"serve", "-out", dist, "-base", "/other/"},
			wantErr: []string{"holds a build for /privacy/, and serving would replace it with a build for /other/"}},
		{name: "-dir with another -base refuses", give: []string{"serve", "-dir", dist, "-base", "/"},
			wantErr: []string{dist + " was built for /privacy/, not /: leave out -base"}},
		{name: "-dir with -out refuses", give: []string{"serve", "-dir", dist, "-out", dist},
			wantErr: []string{"give one of them"}},
		{name: "-dir of a folder without a build refuses", give: []string{"serve", "-dir", empty},
			wantErr: []string{empty + " holds no build to serve"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			err := run(append(tt.give, "-addr", "127.0.0.1:0"), &stdout, &stderr)
			for _, w := range tt.wantErr {
				require.ErrorContains(t, err, w)
			}
			after, err := os.ReadFile(filepath.Join(dist, "manifest.webmanifest"))
			require.NoError(t, err)
			require.Equal(t, manifest, after, "the build is untouched")
		})
	}

	t.Run("-dir serves the build for the base it was made for", func(t *testing.T) {
		for _, tt := range []struct {
			base  string
			given bool
		}{{base: "/"}, {base: "/privacy/", given: true}} {
			plan, err := planServe(dist, "dist", tt.base, map[string]bool{"base": tt.given})
			require.NoError(t, err)
			require.Equal(t, servePlan{dir: dist, base: "/privacy"}, plan)
		}
	})
	t.Run("serve builds for the base the build was made for", func(t *testing.T) {
		plan, err := planServe("", dist, "/privacy/", map[string]bool{"base": true, "out": true})
		require.NoError(t, err)
		require.Equal(t, servePlan{dir: dist, base: "/privacy", build: true}, plan)
	})
}

func TestPreviewRefusesATakenAddress(t *testing.T) {
	var stdout, stderr bytes.Buffer
	err := run([]string{"preview", "-addr", "256.0.0.1:1"}, &stdout, &stderr)
	require.ErrorContains(t, err, "callprivacy preview: listen tcp")
	require.Empty(t, stdout.String(), "nothing is built")
}
