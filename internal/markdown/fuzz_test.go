package markdown

import (
	"regexp"
	"strings"
	"testing"
)

// FuzzRender feeds arbitrary Markdown to Render: it must never panic, the
// HTML must keep its one root element, and no element may carry an
// attribute the policy does not write itself, whatever the Markdown asked
// for.
func FuzzRender(f *testing.F) {
	for _, seed := range []string{
		"## Known associates {#associates}\n\nSee [them](#associates).",
		"## T {style=\"background:url(https://evil.example/t.png)\"}",
		"## T {.warning #x onclick=\"alert(1)\" contenteditable=true autofocus=\"\"}",
		"T {class=\"a\"}\n===",
		"## T {id=5}\n\n## U {id=true}\n\n## V {id=[1, 2]}\n\n## W {id={}}",
		"[x](/a){style=\"color:red\"} ![i](/web/i.png){.big}",
		"| a | b |\n|:--|--:|\n| 1 | 2 |",
		"Write to someone@example.org, <someone@example.org> or [me](mailto:x@example.org?bcc=y@example.net).",
		"www.example.org and https://signal.org/ and <https://signal.org/>",
		strings.Repeat(">", 40) + " x",
		strings.Repeat("- ", 40) + "x",
		strings.Repeat("> 1. ", 10) + "x",
		strings.Repeat("*", 40) + "x" + strings.Repeat("*", 40),
		strings.Repeat("[", 40) + "x" + strings.Repeat("](/a)", 40),
		"```" + strings.Repeat("a", 100) + "\nx\n```",
		"- a\n  ```\n" + strings.Repeat(">", 20) + "\n",
		"<div style=\"x\">raw</div>\n\n<span onclick=x>",
		"- [x] done\n- [ ] not yet",
	} {
		f.Add(seed)
	}
	tag := regexp.MustCompile(`<([a-zA-Z][a-zA-Z0-9]*)((?:\s+[^\s=>/]+(?:="[^"]*")?)*)\s*/?>`)
	attr := regexp.MustCompile(`([^\s=>/]+)(?:="([^"]*)")?`)
	f.Fuzz(func(t *testing.T, src string) {
		doc := Render([]byte(src), 1, func(string) string { return "Code" })
		if !strings.HasPrefix(doc.HTML, `<div class="prose">`) || !strings.HasSuffix(doc.HTML, `</div>`) {
			t.Fatalf("not one root element: %q", doc.HTML)
		}
		for _, m := range tag.FindAllStringSubmatch(doc.HTML, -1) {
			name := strings.ToLower(m[1])
			for _, a := range attr.FindAllStringSubmatch(m[2], -1) {
				if !allowedAttribute(name, strings.ToLower(a[1]), a[2]) {
					t.Fatalf("<%s> has the attribute %s=%q, which the policy never writes:\n%s", name, a[1], a[2], doc.HTML)
				}
			}
		}
	})
}

// allowedAttribute reports whether Render itself writes attribute name on
// element el: everything else could only have come from the Markdown.
func allowedAttribute(el, name, value string) bool {
	switch el + " " + name {
	case "h1 id", "h2 id", "h3 id", "h4 id", "h5 id", "h6 id",
		"a href", "a rel", "a title",
		"img src", "img alt", "img title",
		"div role", "div aria-label", "div tabindex",
		"pre class", "pre tabindex", "code class", "span class",
		"ol start", "input checked", "input disabled", "input type":
		return true
	case "div class":
		return value == "prose" || value == "code"
	}
	return false
}
