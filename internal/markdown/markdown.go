// Package markdown turns the practice's Markdown into the HTML the browser
// receives. It runs only at build time, natively: goldmark and chroma cost
// megabytes of wasm, so app.wasm never links this package.
//
// Site policy lives here, in one place:
//   - external links get rel="noopener noreferrer" and must use https;
//   - raw HTML is refused, so content can never load a script, style, font,
//     frame or image from another origin;
//   - images must be local;
//   - a level-1 heading is refused: the page title is the page's only h1;
//   - heading IDs must be unique within a page;
//   - the attribute syntax gives a heading an explicit id ({#my-id}) and
//     nothing else: no style, class or event handler reaches the HTML;
//   - block quotes, lists and emphasis nest at most 16 deep, refused
//     before parsing, as goldmark's time grows with the square of depth;
//   - fenced code is highlighted by chroma in class mode (see CSS), and an
//     unknown language falls back to an escaped <pre>.
package markdown

import (
	"bytes"
	"fmt"
	"html"
	"net/url"
	"regexp"
	"strings"

	"callprivacy/internal/readability"

	"github.com/alecthomas/chroma/v2"
	chromahtml "github.com/alecthomas/chroma/v2/formatters/html"

	"github.com/alecthomas/chroma/v2/lexers"
	"github.com/alecthomas/chroma/v2/styles"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// Heading is a heading found in a document.
type Heading struct {
	Level int
	ID    string
	Text  string
	Line  int
}

// Link is a link to a page of this site, to be checked once every page is
// known.
type Link struct {
	// Path is the root-relative path, or "" for a link within the page.
	Path string
	// Fragment is the anchor without '#', or "".
	Fragment string
	Line     int
}

// Problem is something in the Markdown that breaks site policy.
type Problem struct {
	Line int
	Msg  string
}

// Document is a rendered Markdown document.
type Document struct {
	// HTML has exactly one root element, <div class="prose">, because
	// go-app's app.Raw silently drops anything else.
	HTML     string
	Headings []Heading
	Links    []Link
	Problems []Problem
	// Passages are the blocks of text a reader meets, for measuring how
	// easy the page is to read: paragraphs, list items, headings and
	// table cells, as plain text, each with its line. Code is left out.
	Passages []readability.Passage
}

// md is built once and reused: goldmark's parsers and renderers are safe
// for concurrent use and expensive to assemble.
//
// It is GFM spelled out, to change one thing: a table column's alignment
// is not written at all. goldmark writes it as a style attribute, which
// the site's Content-Security-Policy (style-src 'self') ignores anyway,
// and the HTML then holds no style attribute for anyone to mistake for
// one the Markdown asked for.
var md = goldmark.New(
	goldmark.WithExtensions(
		extension.Linkify,
		extension.NewTable(extension.WithTableCellAlignMethod(extension.TableCellAlignNone)),
		extension.Strikethrough,
		extension.TaskList,
		extension.Typographer,
	),
	goldmark.WithParserOptions(
		parser.WithAttribute(),
		parser.WithASTTransformers(util.Prioritized(attributePolicy{}, 0)),
	),
	goldmark.WithRendererOptions(
		renderer.WithNodeRenderers(util.Prioritized(codeRenderer{}, 100)),
	),
)

// Render renders src. firstLine is the line number of src's first line in
// its file, so that lines in Problems, Headings and Links are file lines.
// codeLabel names a code block for screen readers in the practice's words
// (labels.yaml), given the language its fence names as written ("" for
// none).
func Render(src []byte, firstLine int, codeLabel func(language string) string) Document {
	if ps := checkNesting(src, firstLine); len(ps) > 0 {
		return Document{HTML: `<div class="prose"></div>`, Problems: ps}
	}
	pc := parser.NewContext()
	root := md.Parser().Parse(text.NewReader(src), parser.WithContext(pc))

	var doc Document
	lines := newLineIndex(src, firstLine)
	for _, r := range refusedAttributes(pc) {
		doc.Problems = append(doc.Problems, Problem{Line: lines.of(r.node), Msg: r.msg})
	}
	seen := map[string]int{}
	_ = ast.Walk(root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		line := lines.of(n)
		problem := func(format string, args ...any) {
			doc.Problems = append(doc.Problems, Problem{Line: line, Msg: fmt.Sprintf(format, args...)})
		}
		switch n := n.(type) {
		case *ast.Paragraph, *ast.TextBlock, *east.TableCell:
			doc.Passages = append(doc.Passages, readability.Passage{Line: line, Text: plainText(n, src)})
		case *ast.Heading:
			doc.Passages = append(doc.Passages, readability.Passage{Line: line, Text: plainText(n, src)})
			id, _ := n.AttributeString("id")
			h := Heading{Level: n.Level, ID: string(asBytes(id)), Text: plainText(n, src), Line: line}
			if n.Level == 1 {
				problem("level-1 heading %q: the page title comes from the front matter; start headings at ##", h.Text)
			}
			if first, dup := seen[h.ID]; dup && h.ID != "" {
				problem("duplicate heading ID %q (first used on line %d)", h.ID, first)
			} else {
				seen[h.ID] = line
			}
			doc.Headings = append(doc.Headings, h)
		case *ast.Link:
			doc.checkLink(n, string(n.Destination), line)
		case *ast.AutoLink:
			doc.checkAutoLink(n, src, line)
		case *ast.Image:
			dest := string(n.Destination)
			if u, err := url.Parse(dest); err != nil || u.Scheme != "" || u.Host != "" || !strings.HasPrefix(dest, "/web/") {
				problem("image %q: images must be files of this site under /web/ (loading one from another origin would tell that origin who reads this page)", dest)
			}
		case *ast.HTMLBlock, *ast.RawHTML:
			problem("raw HTML is not allowed (%s): write Markdown; HTML could load a script, style, font, frame or image from another origin", snippet(n, src))
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})

	var buf bytes.Buffer
	buf.WriteString(`<div class="prose">`)
	if err := md.Renderer().Render(&buf, src, root); err != nil {
		doc.Problems = append(doc.Problems, Problem{Line: firstLine, Msg: "rendering failed: " + err.Error()})
	}
	buf.WriteString(`</div>`)
	doc.HTML = codeLabels.ReplaceAllStringFunc(buf.String(), func(m string) string {
		lang := html.UnescapeString(codeLabels.FindStringSubmatch(m)[1])
		return `aria-label="` + html.EscapeString(codeLabel(lang)) + `"`
	})
	return doc
}

// The code renderer, shared by every page, marks where a code block's
// label goes; Render writes the page's own words there. The mark cannot
// come from Markdown: the renderer escapes text, and raw HTML is refused.
const codeLabelMark = "\x01code-label:"

var codeLabels = regexp.MustCompile(`aria-label="\x01code-label:([^"]*)"`)

// checkLink applies the link policy to one link and records internal links.
func (doc *Document) checkLink(n ast.Node, dest string, line int) {
	problem := func(format string, args ...any) {
		doc.Problems = append(doc.Problems, Problem{Line: line, Msg: fmt.Sprintf(format, args...)})
	}
	u, err := url.Parse(dest)
	if err != nil {
		problem("link %q is not a valid address: %v", dest, err)
		return
	}
	switch {
	case u.Scheme == "https":
		n.SetAttributeString("rel", []byte("noopener noreferrer"))
	case u.Scheme == "mailto":
		if !plainAddress(u.Opaque) || u.RawQuery != "" || u.Fragment != "" {
			problem("link %q: write a plain email address, such as mailto:name@example.org; a subject, a second address or other additions are not allowed, as they could send what the reader does not see to someone they do not know of", dest)
		}
	case u.Scheme == "tel":
	case u.Scheme == "http":
		problem("link %q: use https, so the reader's connection to it is encrypted", dest)
	case u.Scheme != "" || u.Host != "":
		problem("link %q: only https, mailto and tel links, or paths of this site such as /metadata, are allowed", dest)
	case u.Path == "" && u.Fragment != "":
		doc.Links = append(doc.Links, Link{Fragment: u.Fragment, Line: line})
	case strings.HasPrefix(u.Path, "/"):
		doc.Links = append(doc.Links, Link{Path: u.Path, Fragment: u.Fragment, Line: line})
	case plainAddress(dest):
		problem("link %q is an email address: write mailto: in front of it, as mailto:%s", dest, dest)
	default:
		problem("link %q: links to this site must start with / (for example /platforms/jitsi), so they work from every page and under any base path", dest)
	}
}

// CSS returns the stylesheet for highlighted code: a light style, and a
// dark one under prefers-color-scheme. It is written once per build.
func CSS() (string, error) {
	f := chromahtml.New(chromahtml.WithClasses(true))
	var buf bytes.Buffer
	buf.WriteString("/* Generated by callprivacy from chroma's styles; do not edit. */\n")
	if err := f.WriteCSS(&buf, styles.Get(lightStyle)); err != nil {
		return "", err
	}
	buf.WriteString("@media (prefers-color-scheme: dark) {\n")
	if err := f.WriteCSS(&buf, styles.Get(darkStyle)); err != nil {
		return "", err
	}
	buf.WriteString("}\n")
	return buf.String(), nil
}

// The chroma styles used for code; both meet WCAG AA contrast on their own
// backgrounds.
const (
	lightStyle = "github"
	darkStyle  = "github-dark"
)

// codeRenderer renders fenced code blocks with chroma in class mode.
type codeRenderer struct{}

func (codeRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(ast.KindFencedCodeBlock, renderFencedCode)
}

func renderFencedCode(w util.BufWriter, src []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	n := node.(*ast.FencedCodeBlock)
	var code bytes.Buffer
	for i := 0; i < n.Lines().Len(); i++ {
		seg := n.Lines().At(i)
		code.Write(seg.Value(src))
	}
	lang := string(n.Language(src))
	if lexer := lexerFor(lang); lexer != nil {
		it, err := lexer.Tokenise(nil, code.String())
		if err == nil {
			f := chromahtml.New(chromahtml.WithClasses(true), chromahtml.PreventSurroundingPre(false))
			var out bytes.Buffer
			if err := f.Format(&out, styles.Get(lightStyle), it); err == nil {
				// A labelled, focusable region: a keyboard user can scroll a
				// long line sideways.
				fmt.Fprintf(w, `<div class="code" role="region" aria-label="%s%s" tabindex="0">`, codeLabelMark, util.EscapeHTML([]byte(lang)))
				_, _ = w.Write(out.Bytes())
				_, _ = w.WriteString("</div>\n")
				return ast.WalkSkipChildren, nil
			}
		}
	}
	fmt.Fprintf(w, `<div class="code" role="region" aria-label="%s%s" tabindex="0"><pre><code>`, codeLabelMark, util.EscapeHTML([]byte(lang)))
	_, _ = w.Write(util.EscapeHTML(code.Bytes()))
	_, _ = w.WriteString("</code></pre></div>\n")
	return ast.WalkSkipChildren, nil
}

// maxLanguage is the longest language name looked up: chroma's names are
// far shorter, and its look-up takes time that grows with the name (an
// 8,000-letter one took 5 s), so a longer one is simply unknown.
const maxLanguage = 40

// lexerFor returns chroma's lexer for a fence's language, or nil for none
// or an unknown one.
func lexerFor(lang string) chroma.Lexer {
	if lang == "" || len(lang) > maxLanguage {
		return nil
	}
	return lexers.Get(lang)
}

// plainIDs generates goldmark's usual heading IDs but, unlike goldmark's
// own generator, does not add "-1" to a repeated one: Render reports the
// duplicate instead, because a silently renamed anchor breaks links. It
// is goldmark's parser.IDs, though only attributePolicy calls it.
type plainIDs struct{}

func (plainIDs) Generate(value []byte, kind ast.NodeKind) []byte {
	value = util.TrimRightSpace(util.TrimLeftSpace(value))
	var id []byte
	for i := 0; i < len(value); {
		v := value[i]
		l := util.UTF8Len(v)
		i += int(l)
		if l != 1 {
			continue
		}
		switch {
		case util.IsAlphaNumeric(v):
			if 'A' <= v && v <= 'Z' {
				v += 'a' - 'A'
			}
			id = append(id, v)
		case util.IsSpace(v) || v == '-' || v == '_':
			id = append(id, '-')
		}
	}
	if len(id) == 0 {
		return []byte("heading")
	}
	return id
}

func (plainIDs) Put([]byte) {}

func asBytes(v any) []byte {
	switch v := v.(type) {
	case []byte:
		return v
	case string:
		return []byte(v)
	}
	return nil
}

// plainText returns the text of an inline container, without markup.
func plainText(n ast.Node, src []byte) string {
	var b strings.Builder
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch c := c.(type) {
		case *ast.Text:
			b.Write(c.Segment.Value(src))
			if c.SoftLineBreak() {
				b.WriteByte(' ')
			}
		case *ast.String:
			// The typographer's quotes and dashes are HTML entities
			// ("&rsquo;"): plain text holds the characters.
			b.WriteString(html.UnescapeString(string(c.Value)))
		}
		return ast.WalkContinue, nil
	})
	return b.String()
}

// snippet returns the start of a raw HTML node's source, for messages.
func snippet(n ast.Node, src []byte) string {
	var raw []byte
	switch n := n.(type) {
	case *ast.HTMLBlock:
		for i := 0; i < n.Lines().Len(); i++ {
			seg := n.Lines().At(i)
			raw = append(raw, seg.Value(src)...)
		}
	case *ast.RawHTML:
		for i := 0; i < n.Segments.Len(); i++ {
			seg := n.Segments.At(i)
			raw = append(raw, seg.Value(src)...)
		}
	}
	s := strings.TrimSpace(string(raw))
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		s = s[:i]
	}
	if len(s) > 60 {
		s = s[:60] + "…"
	}
	return s
}

// lineIndex maps byte offsets of src to file line numbers.
type lineIndex struct {
	starts    []int
	firstLine int
}

func newLineIndex(src []byte, firstLine int) lineIndex {
	starts := []int{0}
	for i, c := range src {
		if c == '\n' {
			starts = append(starts, i+1)
		}
	}
	return lineIndex{starts: starts, firstLine: firstLine}
}

func (l lineIndex) line(offset int) int {
	lo, hi := 0, len(l.starts)
	for lo+1 < hi {
		mid := (lo + hi) / 2
		if l.starts[mid] <= offset {
			lo = mid
		} else {
			hi = mid
		}
	}
	return l.firstLine + lo
}

// of returns the line of n: its own position when it has one, else its
// first positioned descendant's, else its nearest positioned ancestor's.
func (l lineIndex) of(n ast.Node) int {
	if off, ok := offset(n); ok {
		return l.line(off)
	}
	for p := n.Parent(); p != nil; p = p.Parent() {
		if off, ok := offset(p); ok {
			return l.line(off)
		}
	}
	return l.firstLine
}

func offset(n ast.Node) (int, bool) {
	switch n := n.(type) {
	case *ast.Text:
		return n.Segment.Start, true
	case *ast.RawHTML:
		if n.Segments.Len() > 0 {
			return n.Segments.At(0).Start, true
		}
	}
	if n.Type() == ast.TypeBlock && n.Lines().Len() > 0 {
		return n.Lines().At(0).Start, true
	}
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		if off, ok := offset(c); ok {
			return off, true
		}
	}
	return 0, false
}
