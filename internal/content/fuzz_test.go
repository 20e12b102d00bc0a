package content

import (
	"errors"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"
)

// FuzzLoad feeds arbitrary bytes to the loader as a page and as the
// settings: it must never panic, and any error must be a list of
// "file:line: message" problems.
func FuzzLoad(f *testing.F) {
	f.Add([]byte("---\ntitle: x\ndescription: y\nnav: z\n---\n## A\n"), false)
	f.Add([]byte("---\ntitle: [\n---\n"), false)
	f.Add([]byte("---\n---\n<script src=https://x>"), false)
	f.Add([]byte("practice: [a, b\n"), true)
	f.Add([]byte("\xff\xfe---\n"), false)
	// Values that reach attributes: quotes, brackets and line breaks.
	f.Add([]byte("---\ntitle: \"x\\\"><img src=x onerror=alert(1)>\"\ndescription: \"a\\nb&c'd\"\nnav: z\n---\n## A\n"), false)
	f.Add([]byte("practice: 'The \"Quiet\" Room <&>'\ncontact: x\npolicy_date: 2026-11-01\nlanguage: en-GB\noffered: [jitsi]\nquick_exit: 'https://example.org/\"onmouseover=alert(1)//'\n"), true)
	// Markdown the policy refuses or limits: attributes beyond a heading
	// id (one that is not a word made goldmark panic), deep nesting,
	// email addresses and IDs the page frame uses.
	page := "---\ntitle: x\ndescription: y\nnav: z\n---\n"
	for _, body := range []string{
		"## T {style=\"background:url(https://evil.example/t.png)\"}\n",
		"## T {#t .c onclick=\"alert(1)\" contenteditable=true}\n",
		"## T {id=5}\n",
		"## T {#page-title}\n\n## Step heading\n",
		strings.Repeat("> ", 40) + "x\n",
		strings.Repeat("- ", 40) + "x\n",
		strings.Repeat("*", 40) + "x" + strings.Repeat("*", 40) + "\n",
		"Write to someone@example.org or <someone@example.org> or [me](mailto:x@example.org).\n",
		"![i](/web/icon.svg) [m](x@example.org) www.example.org\n",
	} {
		f.Add([]byte(page+body), false)
	}
	problem := regexp.MustCompile(`^content/[^:]+(:\d+)?: .+`)
	f.Fuzz(func(t *testing.T, data []byte, settings bool) {
		fsys := validFS()
		name := "metadata.md"
		if settings {
			name = "site.yaml"
		}
		fsys[name] = &fstest.MapFile{Data: data}
		s, err := Load(fsys, "content")
		if err == nil {
			if s == nil {
				t.Fatal("no site and no error")
			}
			for _, p := range s.Pages {
				if strings.Contains(p.HTML, " style=") || strings.Contains(p.HTML, " onclick=") {
					t.Fatalf("%s: an attribute from the Markdown reached the page: %s", p.Path, p.HTML)
				}
			}
			if strings.ContainsFunc(s.Settings.QuickExit, notInAddress) {
				t.Fatalf("accepted quick_exit %q, which no address holds", s.Settings.QuickExit)
			}
			return
		}
		var ps Problems
		if !errors.As(err, &ps) || len(ps) == 0 {
			t.Fatalf("error is not a list of problems: %v", err)
		}
		for _, p := range ps {
			if !problem.MatchString(p.String()) {
				t.Fatalf("problem without file and line: %q", p.String())
			}
		}
	})
}
