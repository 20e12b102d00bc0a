package questionnaire

import (
	"slices"

	"callprivacy/internal/site"
)

// fill fills the placeholders a statement about p can hold; {answer…}
// stays for quote.
//
// fill and quote are not inlined: each call site would otherwise carry its
// own copy of the closure, about 2 KB of app.wasm apiece.
//
//go:noinline
func (q *Questionnaire) fill(t string, p *site.Platform, declined string) string {
	return site.Expand(t, func(name, arg string) (string, bool) {
		switch name {
		case "name":
			return p.Name, true
		case "practice":
			return q.site.Settings.Practice, true
		case "declined":
			return declined, declined != ""
		case "fact":
			f, _ := p.Fact(arg)
			return f.Explain, true
		case "phrase":
			f, _ := p.Fact(arg)
			c, _ := q.site.Criterion(arg)
			v, _ := c.Value(f.Value)
			return v.Phrase, true
		}
		return "", false
	})
}

// quote fills {answer} and {answer:question} with how the client answered:
// the echo of the first option they chose among those st's If lists.
//
//go:noinline
func quote(t string, st *site.Statement, qs []site.Question, a Answers) string {
	return site.Expand(t, func(name, arg string) (string, bool) {
		if name != "answer" {
			return "", false
		}
		qid := arg
		if qid == "" {
			for id := range st.If { // the loader allows {answer} only with one question
				qid = id
			}
		}
		for _, question := range qs {
			if question.ID != qid {
				continue
			}
			for _, id := range a[qid] {
				if o, ok := question.Option(id); ok && slices.Contains(st.If[qid], id) {
					return o.Echo, true
				}
			}
		}
		return "", true
	})
}
