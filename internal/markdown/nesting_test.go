package markdown

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// TestNesting checks that nesting deeper than maxDepth is refused before
// goldmark parses it (which would take minutes at 40,000 levels), and that
// ordinary Markdown that only looks deep is not.
func TestNesting(t *testing.T) {
	nestedList := func(levels int) string {
		var b strings.Builder
		for i := range levels {
			b.WriteString(strings.Repeat("  ", i) + "- item\n")
		}
		return b.String()
	}
	tests := []struct {
		name string
		give string
		// wantProblem is the one problem, at wantLine (the source starts at
		// line 10), or "" for none.
		wantProblem string
		wantLine    int
	}{
		{name: "16 block quotes", give: strings.Repeat(">", 16) + " x"},
		{
			name:        "17 block quotes",
			give:        "a\n\n" + strings.Repeat("> ", 17) + "x",
			wantProblem: "block quotes and lists are nested 17 deep here; at most 16 levels are allowed",
			wantLine:    12,
		},
		{
			name:        "40,000 block quotes",
			give:        strings.Repeat(">", 40000) + " x",
			wantProblem: "nested 40000 deep",
			wantLine:    10,
		},
		{
			name:        "40,000 list items on one line",
			give:        strings.Repeat("- ", 40000) + "x",
			wantProblem: "nested 40000 deep",
			wantLine:    10,
		},
		{
			name:        "40,000 numbered items on one line",
			give:        strings.Repeat("1. ", 40000) + "x",
			wantProblem: "nested 40000 deep",
			wantLine:    10,
		},
		{
			name:        "quotes and lists mixed",
			give:        strings.Repeat("> - ", 9) + "x",
			wantProblem: "nested 18 deep",
			wantLine:    10,
		},
		{name: "16 lists by indentation", give: nestedList(16)},
		{
			name:        "17 lists by indentation",
			give:        nestedList(17),
			wantProblem: "nested 17 deep",
			wantLine:    26,
		},
		{
			name: "lists indented inside a quote",
			give: "> - a\n>   - b\n>     - c\n",
		},
		{
			name: "a list ends at a paragraph after a blank line",
			give: strings.Repeat(nestedList(10)+"\ntext\n\n", 3),
		},
		{
			name: "a list goes on after a lazy line",
			give: nestedList(10) + "lazy text\n" + strings.Repeat(" ", 20) + "- eleven\n",
		},
		{name: "a thematic break of many stars", give: "a\n\n" + strings.Repeat("* ", 40) + "\n"},
		{name: "a thematic break of dashes", give: "a\n\n" + strings.Repeat("-", 80) + "\n"},
		{
			name: "deep quotes in a fenced code block",
			give: "```\n" + strings.Repeat(">", 40) + "\n" + strings.Repeat("- ", 40) + "\n```\n",
		},
		{
			name:        "a fence in a list item does not hide what follows it",
			give:        "- a\n  ```\n" + strings.Repeat(">", 40) + "\n",
			wantProblem: "block quotes and lists are nested",
			wantLine:    12,
		},
		{name: "32 stars of emphasis", give: strings.Repeat("*", 32) + "x" + strings.Repeat("*", 32)},
		{
			name:        "40,000 stars of emphasis",
			give:        "a\n" + strings.Repeat("*", 40000) + "x" + strings.Repeat("*", 40000),
			wantProblem: "a run of 40000 * or _ marks emphasis nested deeper than the 16 levels allowed",
			wantLine:    11,
		},
		{
			name:        "underscores",
			give:        "a " + strings.Repeat("_", 40) + "x" + strings.Repeat("_", 40),
			wantProblem: "a run of 40 * or _",
			wantLine:    10,
		},
		{name: "stars in a code span", give: "a `" + strings.Repeat("*", 40) + "` b"},
		{name: "escaped stars", give: strings.Repeat(`\*`, 40)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := Render([]byte(tt.give), 10, testCodeLabel)
			if tt.wantProblem == "" {
				require.Empty(t, doc.Problems)
				return
			}
			require.Len(t, doc.Problems, 1, "%v", doc.Problems)
			require.Contains(t, doc.Problems[0].Msg, tt.wantProblem)
			require.Equal(t, tt.wantLine, doc.Problems[0].Line)
			require.Equal(t, `<div class="prose"></div>`, doc.HTML)
		})
	}
}
