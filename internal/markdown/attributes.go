package markdown

import (
	"fmt"
	"strings"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// Markdown's attribute syntax ({#id .class key=value} after a heading)
// would let a page carry style, class, event handlers or contenteditable,
// and a style can load an image from another origin. The syntax stays for
// one thing only: an explicit heading ID ({#my-id}), which keeps a link to
// a section working when its heading is reworded.

// attributePolicy removes, while the document is parsed, every attribute
// the Markdown gave a node except a heading's id, and notes each one it
// removed for Render to report. Being part of the parser rather than of
// Render's checks, it holds for anything the parser parses: no other
// attribute can reach the HTML, whether or not anyone reads the problems.
//
// It also gives every heading without an explicit id its usual one
// (plainIDs), in place of goldmark's WithAutoHeadingID: that option
// panics on an id that is not a word, such as {id=5}.
type attributePolicy struct{}

// refusedKey holds, in a parser.Context, the attributes attributePolicy
// removed from one document. A context key is goldmark's way to hand
// per-document results from a shared parser to its caller.
var refusedKey = parser.NewContextKey()

// refusedAttribute is an attribute the Markdown asked for and did not get,
// and why, in the author's words.
type refusedAttribute struct {
	node ast.Node
	msg  string
}

func (attributePolicy) Transform(doc *ast.Document, reader text.Reader, pc parser.Context) {
	var refused []refusedAttribute
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering || n.Attributes() == nil {
			return ast.WalkContinue, nil
		}
		_, heading := n.(*ast.Heading)
		var keep []ast.Attribute
		for _, a := range n.Attributes() {
			name, value := string(a.Name), attributeText(a.Value)
			switch {
			case heading && name == "id" && validID(a.Value):
				keep = append(keep, a)
			case heading && name == "id":
				refused = append(refused, refusedAttribute{node: n, msg: fmt.Sprintf("the heading id %q cannot be linked to as it is: use only letters, digits, - and _, like {#my-id}", value)})
			default:
				what := "the attribute"
				if heading {
					what = "the heading attribute"
				}
				if value != "" {
					name += `="` + value + `"`
				}
				refused = append(refused, refusedAttribute{node: n, msg: fmt.Sprintf("%s %s is not allowed; only an id like {#my-id} is, after a heading", what, name)})
			}
		}
		n.RemoveAttributes()
		for _, a := range keep {
			n.SetAttribute(a.Name, a.Value)
		}
		return ast.WalkContinue, nil
	})
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if h, ok := n.(*ast.Heading); ok && entering {
			if _, ok := h.AttributeString("id"); !ok {
				h.SetAttributeString("id", autoID(h, reader.Source()))
			}
		}
		return ast.WalkContinue, nil
	})
	pc.Set(refusedKey, refused)
}

// autoID is the ID goldmark's WithAutoHeadingID would give h: made from
// its last source line, without the attributes.
func autoID(h *ast.Heading, src []byte) []byte {
	var line []byte
	if n := h.Lines().Len(); n > 0 {
		last := h.Lines().At(n - 1)
		line = last.Value(src)
	}
	return plainIDs{}.Generate(line, ast.KindHeading)
}

// refusedAttributes returns what attributePolicy removed while pc's
// document was parsed.
func refusedAttributes(pc parser.Context) []refusedAttribute {
	refused, _ := pc.Get(refusedKey).([]refusedAttribute)
	return refused
}

// attributeText is an attribute value as the author wrote it, shortened
// for a message.
func attributeText(v any) string {
	var s string
	switch v := v.(type) {
	case []byte:
		s = string(v)
	case string:
		s = v
	case bool:
		if v {
			return ""
		}
		s = "false"
	default:
		s = fmt.Sprint(v)
	}
	s = strings.ReplaceAll(s, "\n", " ")
	if r := []rune(s); len(r) > 60 {
		s = string(r[:60]) + "…"
	}
	return s
}

// validID reports whether a heading ID can be linked to as it is: letters,
// digits, '-' and '_'. goldmark's own IDs always are; an explicit one with
// a space, quote or '#', or a number rather than a word, would not be the
// address a link to it uses.
func validID(v any) bool {
	id, ok := v.([]byte)
	if !ok || len(id) == 0 {
		return false
	}
	for _, c := range id {
		switch {
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9', c == '-', c == '_':
		default:
			return false
		}
	}
	return true
}
