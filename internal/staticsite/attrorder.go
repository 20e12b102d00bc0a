package staticsite

import (
	"bytes"
	"regexp"
	"sort"
)

// go-app v10 writes a prerendered element's attributes in Go's map order,
// which changes from one build to the next. Two builds of the same content
// then differ byte for byte: the service worker's file hashes change, so a
// returning visitor is offered "a new version" after any upload, even one
// that changed nothing, and no compressed page can be reused. The build
// sorts every start tag's attributes by name; their order means nothing
// to a browser.
var (
	startTag  = regexp.MustCompile(`<([a-zA-Z][a-zA-Z0-9-]*)((?:\s+[^\s"'<>/=]+(?:="[^"]*")?)+)(\s*/?)>`)
	attribute = regexp.MustCompile(`[^\s"'<>/=]+(?:="[^"]*")?`)
)

// sortAttributes returns page with the attributes of every start tag in
// name order, each separated by one space.
func sortAttributes(page []byte) []byte {
	return startTag.ReplaceAllFunc(page, func(tag []byte) []byte {
		m := startTag.FindSubmatch(tag)
		attrs := attribute.FindAll(m[2], -1)
		name := func(attr []byte) string {
			n, _, _ := bytes.Cut(attr, []byte("="))
			return string(n)
		}
		sort.SliceStable(attrs, func(i, j int) bool { return name(attrs[i]) < name(attrs[j]) })
		out := append([]byte{'<'}, m[1]...)
		for _, a := range attrs {
			out = append(append(out, ' '), a...)
		}
		return append(append(out, m[3]...), '>')
	})
}

// sortPageAttributes sorts the attributes of every prerendered page in dir.
func sortPageAttributes(dir string) error {
	return walkPages(dir, func(_, _ string, b []byte) ([]byte, error) { return sortAttributes(b), nil })
}
