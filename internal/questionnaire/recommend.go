package questionnaire

import (
	"sort"

	"callprivacy/internal/site"
)

// Said is one statement as the result shows it.
type Said struct {
	_ [0]func() // not comparable: app.wasm carries no equality function
	// From is the statement it was made from; nil for the default reason.
	From      *site.Statement
	Text      string
	Criterion string
	Score     int
}

// Ranked is one offered platform with what the answers say about it.
type Ranked struct {
	Platform site.Platform
	Score    int
	// For are the reasons that speak for it, Against the points to bear in
	// mind, each in the order the practice wrote them.
	For, Against []Said
	// Expect says what a call on it will be like, Next what to do before
	// the first session.
	Expect, Next []Said
}

// Declined explains a platform the client would prefer but the practice
// does not use, and names the offered platform most like it.
type Declined struct {
	Platform site.Platform
	Text     string
	Closest  string
}

// Result is the questionnaire's outcome.
type Result struct {
	// Ranked lists the offered platforms, best first; never a platform the
	// practice does not use.
	Ranked []Ranked
	// Tie, when set, says that the first platforms fit equally well and
	// why the practice's order decided.
	Tie       string
	Declined  []Declined
	Notes     []Said
	Checklist []Said
}

// Recommend ranks the platforms the practice offers for the answers. It is
// deterministic: ties keep the practice's own order of preference.
func (q *Questionnaire) Recommend(a Answers) Result {
	qs := &q.site.Questionnaire
	var res Result
	for _, b := range q.offered {
		r := Ranked{Platform: b.platform}
		for _, bs := range b.reasons {
			if bs.st.Holds(a) {
				r.add(q.say(bs, a))
			}
		}
		r.Expect = q.sayAll(b.expect, a)
		r.Next = q.sayAll(b.nxt, a)
		res.Ranked = append(res.Ranked, r)
	}
	q.preferences(a, &res)
	sort.SliceStable(res.Ranked, func(i, j int) bool { return res.Ranked[i].Score > res.Ranked[j].Score })

	if len(res.Ranked) == 0 {
		return res
	}
	top := &res.Ranked[0]
	if len(top.For) == 0 {
		top.For = append(top.For, Said{Text: q.fill(qs.Default, &top.Platform, "")})
	}
	var tied []string
	for _, r := range res.Ranked[1:] {
		if r.Score == top.Score {
			tied = append(tied, r.Platform.Name)
		}
	}
	if len(tied) > 0 {
		res.Tie = site.Fill(qs.Tie, "name", top.Platform.Name, "others", q.site.Labels.Frame.List(tied))
	}

	for i := range qs.Notes {
		st := &qs.Notes[i]
		if st.Holds(a) && q.offers(st) {
			res.Notes = append(res.Notes, Said{From: st, Text: quote(q.fill(st.Text, &site.Platform{}, ""), st, q.questions, a)})
		}
	}
	for i := range qs.Checklist {
		st := &qs.Checklist[i]
		if st.Holds(a) && (!about(st) || st.Selects(&top.Platform)) {
			res.Checklist = append(res.Checklist, Said{From: st, Text: quote(q.fill(st.Text, &top.Platform, ""), st, q.questions, a)})
		}
	}
	return res
}

// preferences adds what the client's preferred platforms say: a reason for
// an offered one, and for one the practice does not use, an explanation
// and a reason for the offered platform most like it.
func (q *Questionnaire) preferences(a Answers, res *Result) {
	qs := &q.site.Questionnaire
	for _, question := range q.questions {
		for _, id := range a[question.ID] {
			o, ok := question.Option(id)
			if !ok || o.Platform == "" {
				continue
			}
			p, _ := q.site.Platform(o.Platform)
			if p.Offered() {
				for i := range res.Ranked {
					if res.Ranked[i].Platform.Slug == p.Slug {
						res.Ranked[i].add(Said{From: &qs.Preferred, Text: q.fill(qs.Preferred.Text, &p, ""), Score: qs.Preferred.Score})
					}
				}
				continue
			}
			d := Declined{Platform: p, Text: site.Fill(q.fill(qs.Declined.Text, &p, ""), "summary", p.Summary)}
			if i, ok := q.closest[p.Slug]; ok && i >= 0 {
				closest := &res.Ranked[i]
				d.Closest = q.fill(qs.Declined.Closest, &closest.Platform, p.Name)
				closest.add(Said{From: &qs.Closest, Text: q.fill(qs.Closest.Text, &closest.Platform, p.Name), Criterion: qs.Closest.Criterion, Score: qs.Closest.Score})
			}
			res.Declined = append(res.Declined, d)
		}
	}
}

// say makes a bound statement into what the result shows.
func (q *Questionnaire) say(b bound, a Answers) Said {
	return Said{From: b.st, Text: quote(b.text, b.st, q.questions, a), Criterion: b.st.Criterion, Score: b.st.Score}
}

// sayAll returns the bound statements whose presuppositions hold.
func (q *Questionnaire) sayAll(bs []bound, a Answers) []Said {
	var out []Said
	for _, b := range bs {
		if b.st.Holds(a) {
			out = append(out, q.say(b, a))
		}
	}
	return out
}

// add files s as a reason for or against r. It is not inlined: each of its
// call sites would otherwise carry its own copy of both appends.
//
//go:noinline
func (r *Ranked) add(s Said) {
	if s.Score < 0 {
		r.Against = append(r.Against, s)
	} else {
		r.For = append(r.For, s)
	}
	r.Score += s.Score
}

// about reports whether st selects platforms at all.
func about(st *site.Statement) bool { return st.Platform != "" || len(st.Where) > 0 }

// offers reports whether the practice offers a platform st is about, or
// st is about none.
func (q *Questionnaire) offers(st *site.Statement) bool {
	if !about(st) {
		return true
	}
	for _, b := range q.offered {
		if st.Selects(&b.platform) {
			return true
		}
	}
	return false
}
