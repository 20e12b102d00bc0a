//go:build !wasm

package main

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"callprivacy/internal/content"
	"callprivacy/internal/site"
)

// copyContent copies the shipped content to a temporary folder.
func copyContent(t *testing.T) string {
	t.Helper()
	dst := filepath.Join(t.TempDir(), "content")
	require.NoError(t, os.CopyFS(dst, os.DirFS("../../content")))
	return dst
}

// setURL returns an edit that gives the content's site.yaml the url u.
func setURL(t *testing.T, u string) func(dir string) {
	return func(dir string) {
		p := filepath.Join(dir, "site.yaml")
		b, err := os.ReadFile(p)
		require.NoError(t, err)
		// On the first line, so that messages about it name line 1
		// however the rest of the shipped file changes.
		b = append([]byte("url: "+u+"\n"), b...)
		require.NoError(t, os.WriteFile(p, b, 0o644))
	}
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
		{
			name: "links for the configured address",
			give: []string{"links"},
			edit: setURL(t, "https://example.org/privacy/"),
			wantStdout: "Before our first session, you may like to read how I keep our video sessions private. Everything is on my website; these links go straight to the parts that matter most.\n" +
				"\nWhich platforms I use for video sessions, and why: https://example.org/privacy/\n" +
				"\nJitsi Meet, which I offer for sessions: https://example.org/privacy/platforms/jitsi\n" +
				"\nSignal, which I offer for sessions: https://example.org/privacy/platforms/signal\n" +
				"\nHow to join a session: https://example.org/privacy/joining\n" +
				"\nA short questionnaire that helps you choose the platform that suits you: https://example.org/privacy/questionnaire\n",
		},
		{name: "links need the address", give: []string{"links"}, wantErr: "site.yaml has no url: add the address the site is published at"},
		{
			name:    "a url that is not https",
			give:    []string{"links"},
			edit:    setURL(t, "http://example.org/privacy/"),
			wantErr: `site.yaml:1: url "http://example.org/privacy/" must be the full https address`,
		},
		{
			name:    "-base that disagrees with the url",
			give:    []string{"build", "-base", "/other/"},
			edit:    setURL(t, "https://example.org/privacy/"),
			wantErr: "-base /other/ disagrees with the url in site.yaml, https://example.org/privacy/, which puts the site under /privacy/",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			args := tt.give
			if len(args) > 0 && args[0] != "help" {
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

// TestLinksFollowThePages checks that the intake links name only pages
// the site has: a page on joining a session, once the content has one
// (another issue adds it), comes before the questionnaire.
func TestLinksFollowThePages(t *testing.T) {
	dir := copyContent(t)
	setURL(t, "https://privacy.example.org")(dir)
	s, err := content.Load(os.DirFS(dir), "content")
	require.NoError(t, err)
	require.Equal(t, "https://privacy.example.org/", s.Settings.URL)

	tests := []struct {
		name      string
		givePages []site.Page
		wantJoin  bool
		wantQuest bool
	}{
		{name: "the shipped pages", givePages: s.Pages, wantJoin: true, wantQuest: true},
		{name: "without a page on joining", givePages: slices.DeleteFunc(slices.Clone(s.Pages), func(p site.Page) bool { return p.Path == site.JoiningPath }), wantQuest: true},
		{name: "without a questionnaire", givePages: slices.DeleteFunc(slices.Clone(s.Pages), func(p site.Page) bool { return p.Path == site.QuestionnairePath }), wantJoin: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			give := *s
			give.Pages = tt.givePages
			var out bytes.Buffer
			require.NoError(t, writeLinks(&out, &give, dir))
			text := out.String()
			join := "\nHow to join a session: https://privacy.example.org/joining\n"
			quest := "\nA short questionnaire that helps you choose the platform that suits you: https://privacy.example.org/questionnaire\n"
			require.Equal(t, tt.wantJoin, strings.Contains(text, join), text)
			require.Equal(t, tt.wantQuest, strings.Contains(text, quest), text)
			if tt.wantJoin && tt.wantQuest {
				require.Less(t, strings.Index(text, join), strings.Index(text, quest))
			}
			require.Contains(t, text, "\nJitsi Meet, which I offer for sessions: https://privacy.example.org/platforms/jitsi\n")
			require.NotContains(t, text, "/platforms/zoom", "only the platforms offered")
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
