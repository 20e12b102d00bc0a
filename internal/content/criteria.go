package content

import (
	"io/fs"
	"regexp"
	"strings"

	"callprivacy/internal/site"
)

// yamlFile reads and strictly decodes one of the practice's YAML files into
// v, reporting every problem at its line. ok is false when v could not be
// filled.
func (l *loader) yamlFile(file string, v any) (yamlDoc, bool) {
	src, err := fs.ReadFile(l.fsys, file)
	if err != nil {
		l.problem(file, 0, "missing: this file belongs in the content folder (see README.md)")
		return yamlDoc{}, false
	}
	doc, ps := decodeStrict(src, 1, v)
	for _, p := range ps {
		l.problem(file, p.line, "%s", p.msg)
	}
	return doc, len(ps) == 0
}

var criterionKey = regexp.MustCompile(`^[a-z][a-z0-9_]*$`)

// criteria reads criteria.yaml: the questions every platform page answers.
func (l *loader) criteria(s *site.Site) bool {
	file := site.CriteriaFile
	var cs []site.Criterion
	doc, ok := l.yamlFile(file, &cs)
	if !ok {
		return false
	}
	before := len(l.problems)
	if len(cs) == 0 {
		l.problem(file, 1, "list at least one criterion")
	}
	seen := map[string]bool{}
	for i, c := range cs {
		line := doc.lineAt(i)
		for _, r := range []struct{ key, val string }{{"key", c.Key}, {"label", c.Label}, {"explained", c.Explained}} {
			if strings.TrimSpace(r.val) == "" {
				l.problem(file, line, "criterion %d: missing required field %q", i+1, r.key)
			}
		}
		if c.Key != "" && !criterionKey.MatchString(c.Key) {
			l.problem(file, doc.lineAt(i, "key"), "key %q: use lower-case letters, digits and _ (platform pages name it under facts)", c.Key)
		}
		if seen[c.Key] {
			l.problem(file, doc.lineAt(i, "key"), "key %q is listed twice", c.Key)
		}
		seen[c.Key] = true
		values := map[string]bool{}
		for j, v := range c.Values {
			vline := doc.lineAt(i, "values", j)
			if strings.TrimSpace(v.Key) == "" || strings.TrimSpace(v.Label) == "" {
				l.problem(file, vline, "%s: each value needs a key and a label", c.Key)
			}
			if values[v.Key] {
				l.problem(file, vline, "%s: value %q is listed twice", c.Key, v.Key)
			}
			values[v.Key] = true
		}
	}
	if len(l.problems) > before {
		return false
	}
	s.Criteria = cs
	l.criteriaDoc = doc
	return true
}
