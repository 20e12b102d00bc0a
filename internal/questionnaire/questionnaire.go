// Package questionnaire is the engine of the platform questionnaire: it
// reads the questions and statements the practice wrote (site.Questionnaire,
// from content/questionnaire.yaml) and turns a client's answers into a
// ranked, explained suggestion among the platforms the practice offers, a
// first-session checklist, a summary in the client's voice and the compact
// form answers take in a resumable link.
//
// It holds no words, platform or criterion of its own: every sentence, and
// what each takes for granted, is content. It is pure: no go-app, no I/O,
// deterministic. The browser app calls it; its tests call it natively, over
// every combination of answers.
package questionnaire

import (
	"slices"

	"callprivacy/internal/site"
)

// Answers maps a question ID to the chosen option IDs. A question that is
// not in the map was skipped.
type Answers map[string][]string

// Has reports whether option opt was chosen for question q.
func (a Answers) Has(q, opt string) bool { return slices.Contains(a[q], opt) }

// Answered reports whether question q was answered.
func (a Answers) Answered(q string) bool { return len(a[q]) > 0 }

// Clone returns a copy that shares nothing with a.
func (a Answers) Clone() Answers {
	c := make(Answers, len(a))
	for q, opts := range a {
		c[q] = slices.Clone(opts)
	}
	return c
}

// Questionnaire is the questionnaire for one site, with its statements
// bound to the platforms the practice offers. Build it once with New.
type Questionnaire struct {
	site      *site.Site
	questions []site.Question
	offered   []boundPlatform
	// closest maps a platform the practice does not use to the offered
	// platform most like it.
	closest map[string]int
}

// boundPlatform is an offered platform with the statements about it, their
// platform placeholders filled in.
type boundPlatform struct {
	platform             site.Platform
	reasons, expect, nxt []bound
}

// bound is a statement with every placeholder but the client's answers
// filled in.
type bound struct {
	st   *site.Statement
	text string
}

// New prepares the questionnaire for s: the questions that make sense for
// the platforms the practice offers, and the statements bound to them.
func New(s *site.Site) *Questionnaire {
	q := &Questionnaire{site: s, closest: map[string]int{}}
	for _, question := range s.Questionnaire.Questions {
		if question.Requires != "" && !slices.Contains(s.Settings.Offered, question.Requires) {
			continue
		}
		q.questions = append(q.questions, question)
	}
	qs := &s.Questionnaire
	for _, slug := range s.Settings.Offered {
		p, ok := s.Platform(slug)
		if !ok || !p.Offered() {
			continue
		}
		q.offered = append(q.offered, boundPlatform{
			platform: p,
			reasons:  q.bind(qs.Reasons, &p),
			expect:   q.bind(qs.Expect, &p),
			nxt:      q.bind(qs.Next, &p),
		})
	}
	for _, p := range s.Platforms {
		if !p.Offered() {
			q.closest[p.Slug] = q.mostAlike(p)
		}
	}
	return q
}

// bind returns the statements about p, with p's placeholders filled in.
func (q *Questionnaire) bind(sts []site.Statement, p *site.Platform) []bound {
	var out []bound
	for i := range sts {
		if sts[i].Selects(p) {
			out = append(out, bound{st: &sts[i], text: q.fill(sts[i].Text, p, "")})
		}
	}
	return out
}

// mostAlike returns the index in q.offered of the offered platform that
// shares the most enumerated facts with p; ties keep the practice's order.
func (q *Questionnaire) mostAlike(p site.Platform) int {
	best, bestScore := -1, -1
	for i, b := range q.offered {
		score := 0
		for _, c := range q.site.Criteria {
			if len(c.Values) == 0 {
				continue
			}
			mine, ok1 := p.Fact(c.Key)
			theirs, ok2 := b.platform.Fact(c.Key)
			if ok1 && ok2 && mine.Value == theirs.Value {
				score++
			}
		}
		if score > bestScore {
			best, bestScore = i, score
		}
	}
	return best
}

// Questions returns the questions in order.
func (q *Questionnaire) Questions() []site.Question { return q.questions }

// Site returns the site the questionnaire is for.
func (q *Questionnaire) Site() *site.Site { return q.site }

// Question returns the question with the given ID, if it is asked.
func (q *Questionnaire) Question(id string) (site.Question, bool) {
	for _, question := range q.questions {
		if question.ID == id {
			return question, true
		}
	}
	return site.Question{}, false
}
