package content

import (
	"errors"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/stretchr/testify/require"

	"callprivacy/internal/site"
)

func TestChangesPage(t *testing.T) {
	s, err := Load(validFS(), "content")
	require.NoError(t, err)
	p, ok := s.Page(site.ChangesPath)
	require.True(t, ok)
	require.Empty(t, p.Nav, "the change log is not in the menu")
	first := strings.Index(p.HTML, `<time datetime="2026-11-25">`)
	second := strings.Index(p.HTML, `<time datetime="2026-10-01">`)
	require.True(t, first > 0 && second > first, "entries newest first: %s", p.HTML)
	require.Contains(t, p.HTML, "Said more about logs.")
	require.Contains(t, p.HTML, s.Labels.Changes.Why+"</strong> A reader asked.")
}

func TestChangesProblems(t *testing.T) {
	tests := []struct {
		name string
		give func(string) string // edits validChanges
		site func(string) string // edits validSettings
		want string
	}{
		{name: "the policy date has no entry",
			site: func(s string) string {
				return strings.Replace(s, "policy_date: 2026-11-25", "policy_date: 2026-11-30", 1)
			},
			want: "content/site.yaml:3: policy_date 2026-11-30 has no entry in changes.md: add what changed that day and why"},
		{name: "oldest first",
			give: func(s string) string { return strings.Replace(s, "date: 2026-10-01", "date: 2026-12-01", 1) },
			want: "content/changes.md:8: changes 2: 2026-12-01 is newer than the entry above it: put the newest change first"},
		{name: "a change without its reason",
			give: func(s string) string { return strings.Replace(s, "    why: A reader asked.\n", "", 1) },
			want: `content/changes.md:5: changes 1: missing required field "why"`},
		{name: "a date that is not one",
			give: func(s string) string { return strings.Replace(s, "date: 2026-10-01", "date: last autumn", 1) },
			want: `content/changes.md:8: changes 2: date "last autumn" is not a date`},
		{name: "no changes",
			give: func(string) string { return "---\ntitle: Changes\ndescription: What changed.\n---\nNothing yet.\n" },
			want: `content/changes.md:2: missing required field "changes"`},
		{name: "in the menu",
			give: func(s string) string {
				return strings.Replace(s, "title: Changes\n", "title: Changes\nnav: Changes\n", 1)
			},
			want: "content/changes.md:3: nav: this page is linked from the footer's policy date, not the menu; remove the field"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fsys := validFS()
			if tt.give != nil {
				fsys["changes.md"] = &fstest.MapFile{Data: []byte(tt.give(validChanges))}
			}
			if tt.site != nil {
				fsys["site.yaml"] = &fstest.MapFile{Data: []byte(tt.site(validSettings))}
			}
			_, err := Load(fsys, "content")
			var ps Problems
			require.True(t, errors.As(err, &ps), "error is %T: %v", err, err)
			require.Contains(t, err.Error(), tt.want)
		})
	}
}
