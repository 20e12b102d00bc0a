package markdown

import (
	"fmt"
	"net/mail"

	"github.com/yuin/goldmark/ast"
)

// checkAutoLink applies the link policy to an address written out in the
// text, which GFM turns into a link by itself. The author wrote no link,
// so the messages speak of the address as written.
func (doc *Document) checkAutoLink(n *ast.AutoLink, src []byte, line int) {
	written := string(n.Label(src))
	switch {
	case n.AutoLinkType == ast.AutoLinkEmail:
		// name@example.org, bare or in <>: goldmark links it as
		// mailto:name@example.org, a plain address by construction.
	case n.Protocol != nil:
		// www.example.org: goldmark makes it an http:// link.
		doc.Problems = append(doc.Problems, Problem{Line: line, Msg: fmt.Sprintf("the address %q becomes a link, but an unencrypted (http) one: write it with https:// in front, as https://%s", written, written)})
	default:
		doc.checkLink(n, string(n.URL(src)), line)
	}
}

// plainAddress reports whether s is one email address and nothing else,
// such as name@example.org: no display name, no second address.
func plainAddress(s string) bool {
	a, err := mail.ParseAddress(s)
	return err == nil && a.Name == "" && a.Address == s
}
