package content

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"time"

	"go.yaml.in/yaml/v3"
)

// splitFrontMatter separates a page's YAML front matter from its Markdown
// body. The front matter must open the file with a line "---" and end with
// the next line "---". bodyLine is the file line the body starts on.
func splitFrontMatter(file []byte) (front []byte, body []byte, bodyLine int, err error) {
	file = bytes.ReplaceAll(file, []byte("\r\n"), []byte("\n"))
	lines := bytes.SplitAfter(file, []byte("\n"))
	if string(lines[0]) != "---\n" {
		return nil, nil, 0, errors.New(`missing front matter: the file must start with a line "---", then the fields (title: …), then a line "---"`)
	}
	off := len(lines[0])
	for i := 1; i < len(lines); i++ {
		if string(bytes.TrimRight(lines[i], " \t\n")) == "---" {
			// lines[i] is file line i+1, so the body starts on line i+2.
			return file[len(lines[0]):off], file[off+len(lines[i]):], i + 2, nil
		}
		off += len(lines[i])
	}
	return nil, nil, 0, errors.New(`front matter is not closed: add a line "---" after its last field`)
}

// yamlDoc is decoded YAML with the positions needed for messages.
type yamlDoc struct {
	root *yaml.Node
	// firstLine is the file line of the YAML's first line.
	firstLine int
}

var yamlLine = regexp.MustCompile(`line (\d+): `)

// decodeStrict decodes YAML into v, refusing unknown fields. Each problem
// comes back with its file line.
func decodeStrict(src []byte, firstLine int, v any) (yamlDoc, []problemAt) {
	doc := yamlDoc{firstLine: firstLine}
	var root yaml.Node
	if err := yaml.Unmarshal(src, &root); err != nil {
		return doc, yamlProblems(err, src, firstLine)
	}
	doc.root = &root
	if len(root.Content) == 0 || root.Content[0].Kind != wantKind(v) {
		return doc, []problemAt{{line: firstLine, msg: "expected " + kindWords(fmt.Sprintf("%T", v)) + " here"}}
	}
	dec := yaml.NewDecoder(bytes.NewReader(src))
	dec.KnownFields(true)
	if err := dec.Decode(v); err != nil && !errors.Is(err, io.EOF) {
		return doc, yamlProblems(err, src, firstLine)
	}
	return doc, nil
}

// wantKind is the YAML kind a value of v's type is decoded from.
func wantKind(v any) yaml.Kind {
	if reflect.TypeOf(v).Elem().Kind() == reflect.Slice {
		return yaml.SequenceNode
	}
	return yaml.MappingNode
}

type problemAt struct {
	line int
	msg  string
}

// yamlProblems turns a YAML error in src into one problem per line it
// names, in plain words, placed where the source shows the cause when it
// does (see fromSource).
func yamlProblems(err error, src []byte, firstLine int) []problemAt {
	var out []problemAt
	msg := strings.TrimPrefix(err.Error(), "yaml: ")
	msg = strings.TrimPrefix(msg, "unmarshal errors:\n")
	for _, m := range strings.Split(msg, "\n") {
		m = strings.TrimSpace(m)
		if m == "" {
			continue
		}
		line, n := firstLine, 0
		if loc := yamlLine.FindStringSubmatchIndex(m); loc != nil {
			n, _ = strconv.Atoi(m[loc[2]:loc[3]])
			// The YAML parser counts lines from 0 in its "did not find
			// expected …" errors and from 1 everywhere else.
			if strings.Contains(m, "did not find expected") {
				n++
			}
			line = firstLine + n - 1
			m = m[:loc[0]] + m[loc[1]:]
		}
		if p, ok := fromSource(src, n, m); ok {
			out = append(out, problemAt{line: firstLine + p.line - 1, msg: p.msg})
			continue
		}
		out = append(out, problemAt{line: line, msg: friendlyYAML(m)})
	}
	return out
}

var (
	unknownField = regexp.MustCompile(`^field (\S+) not found in type (\S+)$`)
	wrongKind    = regexp.MustCompile("^cannot unmarshal !!(\\w+) `?(.*?)`? into (\\S+)$")
)

// yamlPhrases translate the YAML parser's messages into the words of a
// person editing content, with the fix.
var yamlPhrases = []struct{ parser, plain string }{
	{"mapping values are not allowed in this context", "a colon followed by a space inside a value needs quotes around the whole value, like this: text: \"Note: …\""},
	{"did not find expected key", "the indentation is uneven here, or a quote or bracket is not closed"},
	{"did not find expected ',' or ']'", "a list in [brackets] is not closed, or one of its items needs quotes"},
	{"did not find expected ',' or '}'", "a group in {braces} is not closed, or one of its values needs quotes"},
	{"did not find expected '-' indicator", "a list item is indented differently from the items before it"},
	{"did not find expected node content", "a value is missing after a colon or a dash"},
	{"could not find expected ':'", "a line has no colon: write it as name: value"},
	{"found character that cannot start any token", "a value starts with a character such as @, ` or a tab: put the value in quotes, and indent with spaces"},
	{"found unexpected end of stream", "a quote is opened and never closed"},
	{"found a tab character", "indent with spaces, not tabs"},
	{"found undefined alias", "a value starts with *: put it in quotes"},
	{"found unknown escape character", "a backslash inside double quotes starts an unknown escape: use single quotes, or write \\\\"},
	{"control characters are not allowed", "the file holds an invisible control character: retype the line"},
	{"invalid leading UTF-8 octet", "the file is not saved as UTF-8 text"},
	{"invalid trailing UTF-8 octet", "the file is not saved as UTF-8 text"},
}

// friendlyYAML rewrites the YAML library's messages in the words of a
// person editing content.
func friendlyYAML(m string) string {
	if sm := unknownField.FindStringSubmatch(m); sm != nil {
		return fmt.Sprintf("unknown field %q (check its spelling; the fields are listed in README.md)", sm[1])
	}
	if sm := wrongKind.FindStringSubmatch(m); sm != nil {
		return "expected " + kindWords(sm[3]) + ", found " + kindWords("!!"+sm[1])
	}
	for _, p := range yamlPhrases {
		if strings.Contains(m, p.parser) {
			return p.plain
		}
	}
	return "this is not valid YAML (" + m + ")"
}

// kindWords names a YAML or Go kind the way a person editing content
// would.
func kindWords(kind string) string {
	kind = strings.TrimPrefix(kind, "*")
	switch {
	case kind == "!!seq" || strings.HasPrefix(kind, "[]"):
		return "a list (lines starting with \"- \", or [a, b])"
	case kind == "!!map" || strings.HasPrefix(kind, "map[") || strings.Contains(kind, "."):
		return "a group of \"name: value\" lines"
	case kind == "!!int" || kind == "int":
		return "a whole number"
	case kind == "!!bool" || kind == "bool":
		return "true or false"
	}
	return "a single value"
}

// lineAt returns the file line of the node at path: mapping keys (string)
// and sequence indexes (int), or of the deepest node found along it.
func (d yamlDoc) lineAt(path ...any) int {
	if d.root == nil || len(d.root.Content) == 0 {
		return d.firstLine
	}
	n := d.root.Content[0]
	line := n.Line
	for _, step := range path {
		var next *yaml.Node
		switch k := step.(type) {
		case string:
			for i := 0; n.Kind == yaml.MappingNode && i+1 < len(n.Content); i += 2 {
				if n.Content[i].Value == k {
					next = n.Content[i+1]
				}
			}
		case int:
			if n.Kind == yaml.SequenceNode && k < len(n.Content) {
				next = n.Content[k]
			}
		}
		if next == nil {
			break
		}
		n, line = next, next.Line
	}
	return d.firstLine + line - 1
}

// line returns the file line of the value at path (a list of mapping keys),
// or of the deepest mapping found along it.
func (d yamlDoc) line(path ...string) int {
	if d.root == nil || len(d.root.Content) == 0 {
		return d.firstLine
	}
	n := d.root.Content[0]
	line := n.Line
	for _, key := range path {
		next := (*yaml.Node)(nil)
		if n.Kind == yaml.MappingNode {
			for i := 0; i+1 < len(n.Content); i += 2 {
				if n.Content[i].Value == key {
					next = n.Content[i+1]
					line = n.Content[i].Line
					break
				}
			}
		}
		if next == nil {
			break
		}
		n = next
		line = n.Line
	}
	return d.firstLine + line - 1
}

// seqItemLine returns the file line of item i of the sequence at path.
func (d yamlDoc) seqItemLine(i int, path ...string) int {
	if d.root == nil || len(d.root.Content) == 0 {
		return d.firstLine
	}
	n := d.root.Content[0]
	for _, key := range path {
		var next *yaml.Node
		for j := 0; n.Kind == yaml.MappingNode && j+1 < len(n.Content); j += 2 {
			if n.Content[j].Value == key {
				next = n.Content[j+1]
			}
		}
		if next == nil {
			return d.line(path...)
		}
		n = next
	}
	if n.Kind != yaml.SequenceNode || i >= len(n.Content) {
		return d.line(path...)
	}
	return d.firstLine + n.Content[i].Line - 1
}

// mapKeys returns the keys of the mapping at path, with their file lines,
// in file order.
func (d yamlDoc) mapKeys(path ...string) []problemAt {
	if d.root == nil || len(d.root.Content) == 0 {
		return nil
	}
	n := d.root.Content[0]
	for _, key := range path {
		var next *yaml.Node
		for j := 0; n.Kind == yaml.MappingNode && j+1 < len(n.Content); j += 2 {
			if n.Content[j].Value == key {
				next = n.Content[j+1]
			}
		}
		if next == nil {
			return nil
		}
		n = next
	}
	var keys []problemAt
	for j := 0; n.Kind == yaml.MappingNode && j+1 < len(n.Content); j += 2 {
		keys = append(keys, problemAt{line: d.firstLine + n.Content[j].Line - 1, msg: n.Content[j].Value})
	}
	return keys
}

// validDate reports whether s is a calendar date written YYYY-MM-DD.
func validDate(s string) bool {
	_, err := parseDate(s)
	return err == nil
}

func parseDate(s string) (time.Time, error) { return time.Parse(time.DateOnly, s) }
