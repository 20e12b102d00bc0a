package markdown

import (
	"bytes"
	"fmt"
)

// maxDepth is how deeply block quotes and lists may sit inside each other,
// and emphasis inside emphasis. goldmark takes time quadratic in the depth
// (40,000 nested list items took 108 s to check), and no reader can follow
// a page nested even half this deep.
const maxDepth = 16

// checkNesting scans src once, in time linear in its length, and reports
// the first line nested deeper than maxDepth, so that Render can refuse the
// page before goldmark parses it. It follows the Markdown rules only as far
// as depth needs: a count it gets wrong errs towards deeper, never towards
// letting a deep page through to the parser.
func checkNesting(src []byte, firstLine int) []Problem {
	var (
		// lists holds the column where the text of each open list item
		// starts, outermost first: a later line whose marker starts at or
		// after that column is inside the item.
		lists     []int
		prevBlank = true
		fence     []byte // the opening fence while in a top-level fenced code block
	)
	for n, line := range bytes.Split(src, []byte("\n")) {
		line = bytes.TrimSuffix(line, []byte("\r"))
		if fence != nil {
			if closesFence(line, fence) {
				fence = nil
			}
			continue
		}
		if len(bytes.TrimSpace(line)) == 0 {
			prevBlank = true
			continue
		}

		quotes, markers := 0, 0
		col, i := 0, 0
		tail := breakTail(line)
		for {
			for i < len(line) && (line[i] == ' ' || line[i] == '\t') {
				if line[i] == '\t' {
					col += 4 - col%4
				} else {
					col++
				}
				i++
			}
			if i < len(line) && line[i] == '>' {
				quotes++
				i, col = i+1, col+1
				continue
			}
			width := listMarker(line[i:])
			if width == 0 || (i >= tail && thematicBreak(line[i:])) {
				break
			}
			lists = closeLists(lists, col)
			i, col = i+width, col+width
			lists = append(lists, col+1)
			markers++
		}
		if quotes == 0 && markers == 0 {
			// A fence is never a lazy continuation, so it closes every
			// item it is not indented into; only a fence outside every
			// list is skipped as code, so that no list line hides in one.
			if f := opensFence(line[i:]); f != nil {
				if lists = closeLists(lists, col); len(lists) == 0 {
					fence, prevBlank = f, false
					continue
				}
			}
			// Text after a blank line also ends every item it is not
			// indented into; right after other text it may be a lazy
			// continuation, which keeps them open.
			if prevBlank {
				lists = closeLists(lists, col)
			}
		}
		prevBlank = false

		at := firstLine + n
		if depth := quotes + len(lists); depth > maxDepth {
			return []Problem{{Line: at, Msg: fmt.Sprintf("block quotes and lists are nested %d deep here; at most %d levels are allowed, as deeper nesting cannot be followed by a reader and makes the check very slow", depth, maxDepth)}}
		}
		if rest := line[i:]; i < tail || !thematicBreak(rest) {
			if run := longestEmphasisRun(rest); run > 2*maxDepth {
				return []Problem{{Line: at, Msg: fmt.Sprintf("a run of %d * or _ marks emphasis nested deeper than the %d levels allowed; to show the marks themselves, put a \\ before each one or write them as `code`", run, maxDepth)}}
			}
		}
	}
	return nil
}

// closeLists drops the list items a block starting at col is not inside.
func closeLists(lists []int, col int) []int {
	for len(lists) > 0 && lists[len(lists)-1] > col {
		lists = lists[:len(lists)-1]
	}
	return lists
}

// listMarker returns the width of the list item marker b starts with
// ("-", "+", "*", "1." or "1)"), or 0 if it starts with none.
func listMarker(b []byte) int {
	n := 0
	switch {
	case len(b) > 0 && (b[0] == '-' || b[0] == '+' || b[0] == '*'):
		n = 1
	default:
		for n < len(b) && n < 9 && '0' <= b[n] && b[n] <= '9' {
			n++
		}
		if n == 0 || n == len(b) || (b[n] != '.' && b[n] != ')') {
			return 0
		}
		n++
	}
	if n < len(b) && b[n] != ' ' && b[n] != '\t' {
		return 0
	}
	return n
}

// thematicBreak reports whether b is a line such as "---" or "* * *".
func thematicBreak(b []byte) bool {
	b = bytes.TrimSpace(b)
	if len(b) < 3 || (b[0] != '-' && b[0] != '*' && b[0] != '_') {
		return false
	}
	count := 0
	for _, c := range b {
		switch c {
		case b[0]:
			count++
		case ' ', '\t':
		default:
			return false
		}
	}
	return count >= 3
}

// breakTail returns where the tail of line that could be a thematic break
// starts: the part made only of its last mark (-, * or _) and spaces. No
// text before it can start a thematic break, so checking only there keeps
// the scan of a line such as "- - - … x" linear.
func breakTail(line []byte) int {
	end := len(bytes.TrimRight(line, " \t"))
	if end == 0 {
		return len(line)
	}
	c := line[end-1]
	if c != '-' && c != '*' && c != '_' {
		return len(line)
	}
	i := end
	for i > 0 && (line[i-1] == c || line[i-1] == ' ' || line[i-1] == '\t') {
		i--
	}
	return i
}

// opensFence returns the fence b opens a fenced code block with ("```",
// "~~~~"), or nil.
func opensFence(b []byte) []byte {
	if len(b) == 0 || (b[0] != '`' && b[0] != '~') {
		return nil
	}
	n := 0
	for n < len(b) && b[n] == b[0] {
		n++
	}
	if n < 3 || (b[0] == '`' && bytes.IndexByte(b[n:], '`') >= 0) {
		return nil
	}
	return b[:n]
}

// closesFence reports whether line ends the fenced code block fence opened.
func closesFence(line, fence []byte) bool {
	b := bytes.TrimLeft(line, " ")
	if len(line)-len(b) > 3 {
		return false
	}
	n := 0
	for n < len(b) && b[n] == fence[0] {
		n++
	}
	return n >= len(fence) && len(bytes.TrimSpace(b[n:])) == 0
}

// longestEmphasisRun returns the length of the longest run of * or _ in
// the text b, outside code spans and not escaped: a run of n marks can
// open or close n/2 levels of emphasis.
func longestEmphasisRun(b []byte) int {
	code := codeSpans(b)
	longest := 0
	for i := 0; i < len(b); {
		switch c := b[i]; {
		case code[i] > 0:
			i = code[i]
		case c == '\\':
			i += 2
		case c == '*' || c == '_':
			j := i
			for j < len(b) && b[j] == c {
				j++
			}
			longest = max(longest, j-i)
			i = j
		default:
			i++
		}
	}
	return longest
}

// codeSpans maps the start of each code span in b to the index after its
// end (0 elsewhere). A span runs from a run of backticks to the next run
// of the same length; finding each one's partner from the right keeps
// this linear.
func codeSpans(b []byte) []int {
	type run struct{ start, end int }
	var runs []run
	for i := 0; i < len(b); {
		if b[i] != '`' || (i > 0 && b[i-1] == '\\') {
			i++
			continue
		}
		j := i
		for j < len(b) && b[j] == '`' {
			j++
		}
		runs = append(runs, run{i, j})
		i = j
	}
	next := make([]int, len(runs)) // index of the next run of the same length, or -1
	seen := map[int]int{}
	for k := len(runs) - 1; k >= 0; k-- {
		length := runs[k].end - runs[k].start
		next[k] = -1
		if m, ok := seen[length]; ok {
			next[k] = m
		}
		seen[length] = k
	}
	spans := make([]int, len(b))
	for k := 0; k < len(runs); {
		if m := next[k]; m >= 0 {
			spans[runs[k].start] = runs[m].end
			k = m + 1
			continue
		}
		k++
	}
	return spans
}
