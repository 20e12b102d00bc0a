package content

import (
	"io/fs"
	"slices"
	"strings"

	"callprivacy/internal/readability"
	"callprivacy/internal/site"
)

// The grade a page may read at (Flesch–Kincaid), and the questionnaire,
// which a client answers about themselves, often on a phone.
const (
	pageGrade          = 9.0
	questionnaireGrade = 7.0
	// hardestShown is how many of a page's hardest sentences a problem
	// names: enough to start with, not a wall of text.
	hardestShown = 3
)

// checkReadability measures every page, with its platform facts, and the
// questionnaire with its introduction, and reports the hardest sentences
// of any over its limit, where they are written.
func (l *loader) checkReadability(s *site.Site) {
	routes := make([]string, 0, len(l.docs))
	for r := range l.docs {
		routes = append(routes, r)
	}
	slices.Sort(routes)
	for _, route := range routes {
		rp := l.docs[route]
		ps := withFile(rp.file, rp.doc.Passages)
		limit, what := pageGrade, "the page"
		for _, p := range s.Platforms {
			if route == site.PlatformPath(p.Slug) {
				ps = append(ps, l.located(rp.file, p.Summary))
				for _, f := range p.Facts {
					ps = append(ps, l.located(rp.file, f.Explain))
				}
			}
		}
		if route == site.QuestionnairePath {
			limit, what = questionnaireGrade, "the questionnaire"
			ps = append(ps, l.questionnairePassages(s)...)
		}
		l.gradeAtMost(limit, what, rp.file, ps)
	}
}

// gradeAtMost reports the hardest sentences of ps if, together, they read
// above limit.
func (l *loader) gradeAtMost(limit float64, what, file string, ps []readability.Passage) {
	sc := readability.Measure(ps)
	if sc.Grade <= limit {
		return
	}
	for _, h := range sc.Hardest[:min(hardestShown, len(sc.Hardest))] {
		at := h.File
		if at == "" {
			at = file
		}
		l.problem(at, h.Line, "%s reads at grade %.1f, above %.0f: say this in shorter sentences or plainer words (it reads at grade %.1f): %q",
			what, sc.Grade, limit, h.Grade, h.Text)
	}
}

// questionnairePassages are every question, its options and why it is
// asked, and every sentence the result can show.
func (l *loader) questionnairePassages(s *site.Site) []readability.Passage {
	q := s.Questionnaire
	file := site.QuestionnaireFile
	var ps []readability.Passage
	for _, qu := range q.Questions {
		for _, t := range []string{qu.Prompt, qu.Hint, qu.Why} {
			ps = append(ps, l.located(file, t))
		}
		for _, o := range qu.Options {
			if o.Platform == "" { // platform names are not sentences
				ps = append(ps, l.located(file, o.Label))
			}
		}
	}
	for _, list := range [][]site.Statement{q.Reasons, q.Expect, q.Next, q.Notes, q.Checklist} {
		for _, st := range list {
			ps = append(ps, l.located(file, st.Text))
		}
	}
	return ps
}

// located is text with the line of file it is written on, found by its
// opening words ({placeholders} read as a short word).
func (l *loader) located(file, text string) readability.Passage {
	// A placeholder reads as a short word; which one it becomes is the
	// questionnaire's business at run time.
	p := readability.Passage{File: file, Text: site.Expand(text, func(string, string) (string, bool) { return "it", true })}
	if l.sources == nil {
		l.sources = map[string]string{}
	}
	src, ok := l.sources[file]
	if !ok {
		b, _ := fs.ReadFile(l.fsys, file) // read once; no line if unreadable
		src = string(b)
		l.sources[file] = src
	}
	if text == "" {
		return p
	}
	if i := strings.Index(src, text[:min(len(text), 40)]); i >= 0 {
		p.Line = 1 + strings.Count(src[:i], "\n")
	}
	return p
}

func withFile(file string, ps []readability.Passage) []readability.Passage {
	out := make([]readability.Passage, len(ps))
	for i, p := range ps {
		p.File = file
		out[i] = p
	}
	return out
}
