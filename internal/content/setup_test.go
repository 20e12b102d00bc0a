package content

import (
	"errors"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/stretchr/testify/require"
)

// withSetup is the fixture's site.yaml with one setup item, "logs", which
// how-i-work.md quotes.
func withSetup(fsys fstest.MapFS, items string) {
	fsys["site.yaml"] = &fstest.MapFile{Data: []byte(validSettings + "setup:\n  items:\n" + items)}
	hiw := string(fsys["how-i-work.md"].Data)
	fsys["how-i-work.md"] = &fstest.MapFile{Data: []byte(strings.Replace(hiw, "Boundaries.", "Boundaries. {setup:logs}", 1))}
}

const logsItem = "    logs:\n      says: My server keeps logs for 7 days.\n      confirmed: 2026-11-01\n"

func TestSetupIsQuoted(t *testing.T) {
	fsys := validFS()
	withSetup(fsys, logsItem)
	s, warnings, err := LoadAt(fsys, "content", time.Date(2026, 12, 4, 0, 0, 0, 0, time.UTC))
	require.NoError(t, err)
	require.Empty(t, warnings)
	p, _ := s.Page("/how-i-work")
	require.Contains(t, p.HTML, "Boundaries. My server keeps logs for 7 days.")
	require.NotContains(t, p.HTML, "{setup:")
}

// TestSetupIsPlainText: an item's words read as written in Markdown, and
// go into a fact as they are (its HTML is escaped when written).
func TestSetupIsPlainText(t *testing.T) {
	fsys := validFS()
	withSetup(fsys, "    logs:\n      says: \"Logs <b>kept</b> *7* days & [no](/x) more\\n  \n than that.\"\n      confirmed: 2026-11-01\n")
	s, _, err := LoadAt(fsys, "content", time.Date(2026, 12, 4, 0, 0, 0, 0, time.UTC))
	require.NoError(t, err)
	p, _ := s.Page("/how-i-work")
	require.Contains(t, p.HTML, "Boundaries. Logs &lt;b&gt;kept&lt;/b&gt; *7* days &amp; [no](/x) more than that.")
}

func TestSetupProblems(t *testing.T) {
	tests := []struct {
		name  string
		items string
		edit  func(fstest.MapFS)
		want  string
	}{
		{name: "a page quotes an item that does not exist",
			items: logsItem,
			edit: func(fsys fstest.MapFS) {
				fsys["metadata.md"] = &fstest.MapFile{Data: []byte(validPage("Metadata", "Metadata", "## Who talks to whom\n\nPatterns.\n\nSee {setup:stunn}.\n"))}
			},
			want: `content/metadata.md:10: {setup:stunn}: no such item under setup in site.yaml (items: logs)`},
		{name: "an item nobody confirmed",
			items: logsItem + "    stun:\n      says: My own STUN server.\n",
			want:  `content/site.yaml:13: setup.items.stun: not confirmed: check it against your server or devices, then add confirmed: YYYY-MM-DD`},
		{name: "a confirmation that is not a date",
			items: "    logs:\n      says: Logs.\n      confirmed: last spring\n",
			want:  `content/site.yaml:11: setup.items.logs: confirmed "last spring" is not a date`},
		{name: "an item no page quotes",
			items: logsItem + "    stun:\n      says: My own STUN server.\n      confirmed: 2026-11-01\n",
			want:  `content/site.yaml:13: setup.items.stun: no page quotes it: quote it with {setup:stun}, or remove it`},
		{name: "an item that would break out of its sentence",
			items: "    logs:\n      says: \"Logs {setup:logs}\"\n      confirmed: 2026-11-01\n",
			want:  `content/site.yaml:10: setup.items.logs: says is plain sentences, without { or }`},
		{name: "a fact about the practice's setup that does not quote it",
			items: logsItem,
			edit: func(fsys fstest.MapFS) {
				a := string(fsys["platforms/alpha.md"].Data)
				a = strings.Replace(a, "    explain: Plain words.\n    source: doc\n", "    explain: My server keeps logs.\n    source: practice\n", 1)
				fsys["platforms/alpha.md"] = &fstest.MapFile{Data: []byte(a)}
			},
			want: `content/platforms/alpha.md:12: facts.e2ee: this fact rests on your own setup (source: practice), so its explain quotes it from site.yaml, e.g. {setup:logs}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fsys := validFS()
			withSetup(fsys, tt.items)
			if tt.edit != nil {
				tt.edit(fsys)
			}
			_, _, err := LoadAt(fsys, "content", time.Date(2026, 12, 4, 0, 0, 0, 0, time.UTC))
			var ps Problems
			require.True(t, errors.As(err, &ps), "error is %T: %v", err, err)
			require.Contains(t, err.Error(), tt.want)
		})
	}
}

// TestReminders: old confirmations and reviews, and the shipped example,
// are reminders that never stop the build.
func TestReminders(t *testing.T) {
	tests := []struct {
		name string
		now  time.Time
		give string // site.yaml's setup items
		want []string
	}{
		{name: "all fresh", now: time.Date(2026, 12, 4, 0, 0, 0, 0, time.UTC), give: logsItem},
		{name: "a confirmation over a year old", now: time.Date(2027, 11, 2, 0, 0, 0, 0, time.UTC), give: logsItem,
			want: []string{
				"content/platforms/alpha.md:8: reviewed 2026-11-20, more than 6 months ago",
				"content/platforms/beta.md:8: reviewed 2026-11-20, more than 6 months ago",
				"content/site.yaml:8: setup: confirmed more than 12 months ago, so check again that these are still true: logs (confirmed 2026-11-01)",
			}},
		{name: "a review over six months old", now: time.Date(2027, 5, 21, 0, 0, 0, 0, time.UTC), give: logsItem,
			want: []string{
				"content/platforms/alpha.md:8: reviewed 2026-11-20, more than 6 months ago: check the facts and sources of this page against the platform's own pages again, then update reviewed",
				"content/platforms/beta.md:8: reviewed 2026-11-20, more than 6 months ago",
			}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fsys := validFS()
			withSetup(fsys, tt.give)
			s, warnings, err := LoadAt(fsys, "content", tt.now)
			require.NoError(t, err)
			require.NotNil(t, s)
			require.Len(t, warnings, len(tt.want), "%v", warnings)
			for i, w := range tt.want {
				require.Contains(t, warnings[i].String(), w)
			}
		})
	}
}

// TestShippedSetupIsMarkedAsAnExample: until the practice replaces the
// example setup, every check says so.
func TestShippedSetupIsMarkedAsAnExample(t *testing.T) {
	fsys := validFS()
	fsys["site.yaml"] = &fstest.MapFile{Data: []byte(validSettings + "setup:\n  example: true\n  items:\n" + logsItem)}
	withSetup(fsys, logsItem)
	fsys["site.yaml"] = &fstest.MapFile{Data: []byte(validSettings + "setup:\n  example: true\n  items:\n" + logsItem)}
	_, warnings, err := LoadAt(fsys, "content", time.Date(2026, 12, 4, 0, 0, 0, 0, time.UTC))
	require.NoError(t, err)
	require.Len(t, warnings, 1)
	require.Equal(t, "content/site.yaml:8: setup: these are the example values shipped with callprivacy; check each item against your own server, rewrite it, confirm it, then set example: false", warnings[0].String())
}
