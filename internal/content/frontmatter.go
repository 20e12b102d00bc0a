package content

import (
	"bytes"
	"errors"
	"fmt"
	"io"
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
		return doc, yamlProblems(err, firstLine)
	}
	doc.root = &root
	if len(root.Content) == 0 || root.Content[0].Kind != yaml.MappingNode {
		return doc, []problemAt{{line: firstLine, msg: "front matter must be a list of \"key: value\" lines"}}
	}
	dec := yaml.NewDecoder(bytes.NewReader(src))
	dec.KnownFields(true)
	if err := dec.Decode(v); err != nil && !errors.Is(err, io.EOF) {
		return doc, yamlProblems(err, firstLine)
	}
	return doc, nil
}

type problemAt struct {
	line int
	msg  string
}

// yamlProblems turns a YAML error into one problem per line it names.
func yamlProblems(err error, firstLine int) []problemAt {
	var out []problemAt
	msg := strings.TrimPrefix(err.Error(), "yaml: ")
	msg = strings.TrimPrefix(msg, "unmarshal errors:\n")
	for _, m := range strings.Split(msg, "\n") {
		m = strings.TrimSpace(m)
		if m == "" {
			continue
		}
		line := firstLine
		if loc := yamlLine.FindStringSubmatchIndex(m); loc != nil {
			n, _ := strconv.Atoi(m[loc[2]:loc[3]])
			// The YAML parser counts lines from 0 in its "did not find
			// expected …" errors and from 1 everywhere else.
			if strings.Contains(m, "did not find expected") {
				n++
			}
			line = firstLine + n - 1
			m = m[:loc[0]] + m[loc[1]:]
		}
		out = append(out, problemAt{line: line, msg: friendlyYAML(m)})
	}
	return out
}

var unknownField = regexp.MustCompile(`^field (\S+) not found in type (\S+)$`)

// friendlyYAML rewrites the YAML library's messages in the words of a
// person editing content.
func friendlyYAML(m string) string {
	if sm := unknownField.FindStringSubmatch(m); sm != nil {
		return fmt.Sprintf("unknown field %q (check its spelling; allowed fields are listed in README.md)", sm[1])
	}
	return "front matter is not valid YAML: " + m
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
