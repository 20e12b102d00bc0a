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
