package content

import (
	"testing"

	"github.com/stretchr/testify/require"
)

// TestYAMLMistakesInPlainWords decodes the mistakes people make when they
// edit YAML by hand and checks each is named where it was made, with the
// fix, not by the parser's symptom.
func TestYAMLMistakesInPlainWords(t *testing.T) {
	type fields struct {
		Title   string   `yaml:"title"`
		Nav     string   `yaml:"nav"`
		Offered []string `yaml:"offered"`
		Facts   map[string]struct {
			Value string `yaml:"value"`
		} `yaml:"facts"`
	}
	tests := []struct {
		name     string
		give     string
		wantLine int
		want     string
	}{
		{name: "tab indenting a nested field", give: "title: x\nfacts:\n  e2ee:\n\tvalue: y\n",
			wantLine: 4, want: "this line is indented with a tab: indent with spaces only"},
		{name: "tab before a top-level field", give: "title: x\n\tnav: y\n",
			wantLine: 2, want: "this line is indented with a tab: indent with spaces only"},
		{name: "unclosed double quote", give: "title: \"Video calls\nnav: y\noffered: [jitsi]\n",
			wantLine: 1, want: `a quote (") opened on this line is never closed`},
		{name: "unclosed single quote", give: "nav: y\ntitle: 'Video calls\noffered: [jitsi]\n",
			wantLine: 2, want: `a quote (') opened on this line is never closed`},
		{name: "quote inside quotes", give: "nav: y\ntitle: \"The \"offline\" copy\"\n",
			wantLine: 2, want: `the value goes on after its closing quote ("): a value that contains " needs ' around it instead`},
		{name: "list item without a dash", give: "title: x\noffered:\n  - jitsi\n  signal\n",
			wantLine: 4, want: `this line is in a list but does not start with "- ": write it like the items above it, as - signal`},
		{name: "a line without a colon stays that", give: "title: x\nnav y\n",
			wantLine: 2, want: "a line has no colon: write it as name: value"},
		{name: "a list in brackets not closed", give: "title: x\noffered: [jitsi, signal\nnav: y\n",
			wantLine: 2, want: "a list in [brackets] is not closed"},
		{name: "colon inside a value", give: "title: Note: this\n",
			wantLine: 1, want: "a colon followed by a space inside a value needs quotes"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var v fields
			_, ps := decodeStrict([]byte(tt.give), 1, &v)
			require.NotEmpty(t, ps)
			require.Equal(t, tt.wantLine, ps[0].line, ps[0].msg)
			require.Contains(t, ps[0].msg, tt.want)
		})
	}
}
