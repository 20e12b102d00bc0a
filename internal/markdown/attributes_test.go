package markdown

import (
	"testing"

	"github.com/stretchr/testify/require"
)

// TestAttributePolicy checks that the attribute syntax gives a heading an
// id and nothing else, and that what it refuses never reaches the HTML.
func TestAttributePolicy(t *testing.T) {
	tests := []struct {
		name string
		give string
		// wantHTML must appear in the HTML; wantProblem is the one problem,
		// at line 11 (the source starts at line 10), or "" for none.
		wantHTML    string
		wantProblem string
	}{
		{
			name:     "explicit id",
			give:     "a\n## Known associates {#associates}",
			wantHTML: `<h2 id="associates">Known associates</h2>`,
		},
		{
			name:     "explicit id as id=",
			give:     "a\n## Known associates {id=\"associates\"}",
			wantHTML: `<h2 id="associates">Known associates</h2>`,
		},
		{
			name:        "style loading another origin",
			give:        "a\n## T {style=\"background:url(https://evil.example/t.png)\"}",
			wantHTML:    `<h2 id="t">T</h2>`,
			wantProblem: `the heading attribute style="background:url(https://evil.example/t.png)" is not allowed; only an id like {#my-id} is`,
		},
		{
			name:        "class shorthand",
			give:        "a\n## T {.warning}",
			wantHTML:    `<h2 id="t">T</h2>`,
			wantProblem: `the heading attribute class="warning" is not allowed`,
		},
		{
			name:        "event handler beside an id",
			give:        "a\n## T {#t onclick=\"alert(1)\"}",
			wantHTML:    `<h2 id="t">T</h2>`,
			wantProblem: `the heading attribute onclick="alert(1)" is not allowed`,
		},
		{
			name:        "contenteditable",
			give:        "a\n## T {contenteditable=true}",
			wantHTML:    `<h2 id="t">T</h2>`,
			wantProblem: `the heading attribute contenteditable is not allowed`,
		},
		{
			name:        "autofocus",
			give:        "a\n## T {autofocus=\"\"}",
			wantHTML:    `<h2 id="t">T</h2>`,
			wantProblem: `the heading attribute autofocus is not allowed`,
		},
		{
			name:        "setext heading",
			give:        "\nT {style=\"color:red\"}\n---",
			wantHTML:    `<h2 id="t">T</h2>`,
			wantProblem: `the heading attribute style="color:red" is not allowed`,
		},
		{
			name:        "id with a space",
			give:        "a\n## T {id=\"a b\"}",
			wantHTML:    `<h2 id="t">T</h2>`,
			wantProblem: `the heading id "a b" cannot be linked to as it is`,
		},
		{
			name:        "id that is a number",
			give:        "a\n## T {id=5}",
			wantHTML:    `<h2 id="t">T</h2>`,
			wantProblem: `the heading id "5" cannot be linked to`,
		},
		{
			name:     "table alignment writes no style",
			give:     "| a | b |\n|:--|--:|\n| 1 | 2 |",
			wantHTML: `<th>a</th>`,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := Render([]byte(tt.give), 10, testCodeLabel)
			require.Contains(t, doc.HTML, tt.wantHTML)
			for _, refused := range []string{"style=", "class=\"warning", "onclick", "contenteditable", "autofocus"} {
				require.NotContains(t, doc.HTML, refused)
			}
			if tt.wantProblem == "" {
				require.Empty(t, doc.Problems)
				return
			}
			require.Len(t, doc.Problems, 1, "%v", doc.Problems)
			require.Contains(t, doc.Problems[0].Msg, tt.wantProblem)
			require.Equal(t, 11, doc.Problems[0].Line)
		})
	}
}
