package markdown

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

func TestRenderPolicy(t *testing.T) {
	tests := []struct {
		name string
		give string
		// wantHTML must appear in the HTML; wantProblem in a problem, at
		// wantLine (the source starts at line 10).
		wantHTML    []string
		wantProblem string
		wantLine    int
	}{
		{
			name:     "external link gets noopener noreferrer",
			give:     "See [Signal](https://signal.org/).",
			wantHTML: []string{`<a href="https://signal.org/" rel="noopener noreferrer">Signal</a>`},
		},
		{
			name:     "internal link is left root-relative",
			give:     "See [metadata](/metadata#known-associates).",
			wantHTML: []string{`<a href="/metadata#known-associates">metadata</a>`},
		},
		{
			name:     "mailto link is allowed",
			give:     "[Email](mailto:a@example.org)",
			wantHTML: []string{`href="mailto:a@example.org"`},
		},
		{
			name:     "a bare email address is a mailto link",
			give:     "Write to someone@example.org today.",
			wantHTML: []string{`<a href="mailto:someone@example.org">someone@example.org</a>`},
		},
		{
			name:     "an email address in angle brackets is a mailto link",
			give:     "Write to <someone@example.org>.",
			wantHTML: []string{`<a href="mailto:someone@example.org">someone@example.org</a>`},
		},
		{
			name:        "a mailto link with a hidden copy",
			give:        "[write](mailto:x@example.org?bcc=y@example.net)",
			wantProblem: `link "mailto:x@example.org?bcc=y@example.net": write a plain email address, such as mailto:name@example.org`,
			wantLine:    10,
		},
		{
			name:        "a mailto link to two people",
			give:        "[write](mailto:x@example.org,y@example.net)",
			wantProblem: "write a plain email address",
			wantLine:    10,
		},
		{
			name:        "an email address without mailto",
			give:        "[write](x@example.org)",
			wantProblem: `link "x@example.org" is an email address: write mailto: in front of it, as mailto:x@example.org`,
			wantLine:    10,
		},
		{
			name:        "a bare www address",
			give:        "See www.example.org.",
			wantProblem: `the address "www.example.org" becomes a link, but an unencrypted (http) one: write it with https:// in front, as https://www.example.org`,
			wantLine:    10,
		},
		{
			name:     "a bare https address",
			give:     "See https://signal.org/.",
			wantHTML: []string{`<a href="https://signal.org/" rel="noopener noreferrer">https://signal.org/</a>`},
		},
		{
			name:     "an overlong language is not looked up",
			give:     "```" + strings.Repeat("a", 8000) + "\nx\n```",
			wantHTML: []string{"<pre><code>x\n</code></pre>"},
		},
		{
			name:     "GFM table",
			give:     "| a | b |\n|---|---|\n| 1 | 2 |",
			wantHTML: []string{"<table>", "<td>1</td>"},
		},
		{
			name:     "typographer",
			give:     `"Quoted" -- text`,
			wantHTML: []string{"&ldquo;Quoted&rdquo; &ndash; text"},
		},
		{
			name:     "heading IDs",
			give:     "## Known associates\n\ntext",
			wantHTML: []string{`<h2 id="known-associates">Known associates</h2>`},
		},
		{
			name:     "known language is highlighted with classes",
			give:     "```nginx\nssl_protocols TLSv1.3;\n```",
			wantHTML: []string{`<pre class="chroma">`, `class="k"`, `aria-label="Code in nginx"`},
		},
		{
			name:     "unknown language falls back to an escaped pre",
			give:     "```nosuchlanguage\n<b>&\n```",
			wantHTML: []string{"<pre><code>&lt;b&gt;&amp;\n</code></pre>", `aria-label="Code in nosuchlanguage"`},
		},
		{
			name:     "a code block without a language has the plain label",
			give:     "```\nx\n```",
			wantHTML: []string{`aria-label="Code"`},
		},
		{
			name:     "a language with a quote cannot break out of the label",
			give:     "```a\"onfocus=x\nx\n```",
			wantHTML: []string{`aria-label="Code in a&#34;onfocus=x"`},
		},
		{
			name:     "code without a language is escaped",
			give:     "```\n<script>\n```",
			wantHTML: []string{"&lt;script&gt;"},
		},
		{
			name:        "level-1 heading",
			give:        "text\n\n# Title",
			wantProblem: "level-1 heading",
			wantLine:    12,
		},
		{
			name:        "duplicate heading ID",
			give:        "## Why\n\na\n\n## Why\n",
			wantProblem: `duplicate heading ID "why" (first used on line 10)`,
			wantLine:    14,
		},
		{
			name:        "duplicate explicit heading ID",
			give:        "## One {#same}\n\n## Two {#same}\n",
			wantProblem: `duplicate heading ID "same"`,
			wantLine:    12,
		},
		{
			name:        "external image",
			give:        "a\n\n![logo](https://cdn.example.com/logo.png)",
			wantProblem: "image \"https://cdn.example.com/logo.png\"",
			wantLine:    12,
		},
		{
			name:        "protocol-relative image",
			give:        "![x](//cdn.example.com/x.png)",
			wantProblem: "image",
			wantLine:    10,
		},
		{
			name:        "script from another origin",
			give:        "text\n\n<script src=\"https://cdn.example.com/x.js\"></script>\n",
			wantProblem: "raw HTML is not allowed (<script src=",
			wantLine:    12,
		},
		{
			name:        "iframe",
			give:        "<iframe src=\"https://video.example.com/\"></iframe>\n",
			wantProblem: "raw HTML is not allowed (<iframe",
			wantLine:    10,
		},
		{
			name:        "style with a web font",
			give:        "<style>@font-face{src:url(https://fonts.example.com/f.woff2)}</style>\n",
			wantProblem: "raw HTML is not allowed (<style>",
			wantLine:    10,
		},
		{
			name:        "stylesheet link",
			give:        "a\nb <link rel=\"stylesheet\" href=\"https://cdn.example.com/a.css\"> c",
			wantProblem: "raw HTML is not allowed (<link",
			wantLine:    11,
		},
		{
			name:        "inline image tag",
			give:        "see <img src=\"https://tracker.example.com/p.gif\">",
			wantProblem: "raw HTML is not allowed (<img",
			wantLine:    10,
		},
		{
			name:        "plain http link",
			give:        "[x](http://example.org/)",
			wantProblem: "use https",
			wantLine:    10,
		},
		{
			name:        "javascript link",
			give:        "[x](javascript:alert(1))",
			wantProblem: "only https, mailto and tel links",
			wantLine:    10,
		},
		{
			name:        "relative link",
			give:        "[x](metadata)",
			wantProblem: "must start with /",
			wantLine:    10,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := Render([]byte(tt.give), 10, testCodeLabel)
			require.True(t, strings.HasPrefix(doc.HTML, `<div class="prose">`) && strings.HasSuffix(doc.HTML, `</div>`), "one root element for app.Raw")
			for _, want := range tt.wantHTML {
				require.Contains(t, doc.HTML, want)
			}
			if tt.wantProblem == "" {
				require.Empty(t, doc.Problems)
				return
			}
			require.Len(t, doc.Problems, 1, "%v", doc.Problems)
			require.Contains(t, doc.Problems[0].Msg, tt.wantProblem)
			require.Equal(t, tt.wantLine, doc.Problems[0].Line)
		})
	}
}

func TestRenderCollectsHeadingsAndLinks(t *testing.T) {
	doc := Render([]byte("## First *part*\n\nSee [a](/security#tls-13) and [b](#first-part).\n\n### Sub\n"), 5, testCodeLabel)
	require.Empty(t, doc.Problems)
	require.Equal(t, []Heading{
		{Level: 2, ID: "first-part", Text: "First part", Line: 5},
		{Level: 3, ID: "sub", Text: "Sub", Line: 9},
	}, doc.Headings)
	require.Equal(t, []Link{
		{Path: "/security", Fragment: "tls-13", Line: 7},
		{Fragment: "first-part", Line: 7},
	}, doc.Links)
}

// TestHeadingTextIsPlainText: the typographer's curly quotes and dashes
// reach a heading's text (the table of contents) as characters, not as the
// entities the HTML holds, which the page would show literally.
func TestHeadingTextIsPlainText(t *testing.T) {
	doc := Render([]byte("## Why I don't say \"nothing to hide\" -- ever\n"), 1, testCodeLabel)
	require.Empty(t, doc.Problems)
	require.Equal(t, "Why I don’t say “nothing to hide” – ever", doc.Headings[0].Text)
}

func TestCSSHasBothSchemes(t *testing.T) {
	css, err := CSS()
	require.NoError(t, err)
	require.Contains(t, css, ".chroma")
	require.Contains(t, css, "@media (prefers-color-scheme: dark)")
	require.NotContains(t, css, "http", "the code stylesheet must not load anything")
}

// testCodeLabel stands in for the practice's words in labels.yaml.
func testCodeLabel(language string) string {
	if language == "" {
		return "Code"
	}
	return "Code in " + language
}
