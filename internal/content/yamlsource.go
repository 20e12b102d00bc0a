package content

import "strings"

// The YAML parser often names a mistake by its symptom, far from its cause:
// an unclosed quote is "found unexpected end of stream" at the end of the
// file, a tab is "found character that cannot start any token", a list
// item without "- " is "could not find expected ':'". fromSource looks at
// the text itself to say what a person editing it did, and where.

// fromSource returns a plainer problem for the parser message m, which
// names relative line n of src (1-based; 0 when it names none), when the
// source shows its cause. Its line is relative to src too.
func fromSource(src []byte, n int, m string) (problemAt, bool) {
	lines := strings.Split(strings.ReplaceAll(string(src), "\r\n", "\n"), "\n")
	line := func(i int) string {
		if i < 1 || i > len(lines) {
			return ""
		}
		return lines[i-1]
	}
	switch {
	case strings.Contains(m, "found a tab character") || strings.Contains(m, "cannot start any token"):
		if i := tabIndented(lines); i > 0 {
			return problemAt{line: i, msg: "this line is indented with a tab: indent with spaces only (YAML does not accept tabs)"}, true
		}
	case strings.Contains(m, "could not find expected ':'"):
		if prev := previousSibling(lines, n); prev > 0 && isListItem(line(prev)) && !isListItem(line(n)) {
			return problemAt{line: n, msg: `this line is in a list but does not start with "- ": write it like the items above it, as - ` + strings.TrimSpace(line(n))}, true
		}
	}
	if strings.Contains(m, "found unexpected end of stream") || strings.Contains(m, "did not find expected") || strings.Contains(m, "could not find expected") {
		if p, ok := quoteTrouble(lines); ok {
			return p, true
		}
	}
	return problemAt{}, false
}

// tabIndented returns the first line whose indentation holds a tab, or 0.
func tabIndented(lines []string) int {
	for i, l := range lines {
		indent := l[:len(l)-len(strings.TrimLeft(l, " \t"))]
		if strings.Contains(indent, "\t") && strings.TrimSpace(l) != "" {
			return i + 1
		}
	}
	return 0
}

// previousSibling returns the line before line n with the same
// indentation, skipping blank lines and comments, or 0.
func previousSibling(lines []string, n int) int {
	if n < 2 || n > len(lines) {
		return 0
	}
	want := indentOf(lines[n-1])
	for i := n - 1; i >= 1; i-- {
		l := lines[i-1]
		t := strings.TrimSpace(l)
		if t == "" || strings.HasPrefix(t, "#") {
			continue
		}
		if indentOf(l) == want {
			return i
		}
		if indentOf(l) < want {
			return 0
		}
	}
	return 0
}

func indentOf(l string) int { return len(l) - len(strings.TrimLeft(l, " ")) }

func isListItem(l string) bool {
	t := strings.TrimSpace(l)
	return t == "-" || strings.HasPrefix(t, "- ")
}

// quoteTrouble finds the first line whose value is a quoted text that is
// not closed on that line, or that goes on after its closing quote (a
// quote inside quotes).
func quoteTrouble(lines []string) (problemAt, bool) {
	for i, l := range lines {
		v := lineValue(l)
		if v == "" || (v[0] != '"' && v[0] != '\'') {
			continue
		}
		q := v[0]
		end := closingQuote(v)
		if end < 0 {
			return problemAt{line: i + 1, msg: "a quote (" + string(q) + ") opened on this line is never closed: end the value with the same quote on this line"}, true
		}
		rest := strings.TrimSpace(v[end+1:])
		if rest != "" && !strings.HasPrefix(rest, "#") && !strings.HasPrefix(rest, ",") && !strings.HasPrefix(rest, "}") && !strings.HasPrefix(rest, "]") {
			other := "'"
			if q == '\'' {
				other = `"`
			}
			return problemAt{line: i + 1, msg: "the value goes on after its closing quote (" + string(q) + "): a value that contains " + string(q) + " needs " + other + " around it instead"}, true
		}
	}
	return problemAt{}, false
}

// lineValue returns what follows "name: " or "- " on a YAML line, or "".
func lineValue(l string) string {
	t := strings.TrimSpace(l)
	if strings.HasPrefix(t, "#") {
		return ""
	}
	t = strings.TrimSpace(strings.TrimPrefix(t, "- "))
	if t != "" && (t[0] == '"' || t[0] == '\'') {
		return t // a quoted list item
	}
	if i := strings.Index(t, ": "); i >= 0 && !strings.ContainsAny(t[:i], `"'{[`) {
		return strings.TrimSpace(t[i+2:])
	}
	return ""
}

// closingQuote returns the index in v of the quote that closes the one v
// starts with, or -1: a double quote may be escaped with a backslash, a
// single one by doubling it.
func closingQuote(v string) int {
	q := v[0]
	for i := 1; i < len(v); i++ {
		switch {
		case q == '"' && v[i] == '\\':
			i++
		case v[i] == q && q == '\'' && i+1 < len(v) && v[i+1] == '\'':
			i++
		case v[i] == q:
			return i
		}
	}
	return -1
}
