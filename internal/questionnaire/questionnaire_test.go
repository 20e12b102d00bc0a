package questionnaire_test

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"testing/fstest"

	"github.com/stretchr/testify/require"

	"callprivacy/internal/content"
	"callprivacy/internal/questionnaire"
	"callprivacy/internal/site"
)

type Answers = questionnaire.Answers

// shipped loads the practice's real content: the advice must make sense
// for the words and facts the site actually shows.
func shipped(t testing.TB) *site.Site {
	t.Helper()
	s, err := content.Load(os.DirFS(filepath.Join("..", "..", "content")), "content")
	require.NoError(t, err)
	return s
}

// withOffered loads the shipped content as a practice that offers these
// platforms, in this order, would have it: site.yaml names them, and
// each platform page states its stance, and questionnaire.yaml gains the next step the build requires for each
// platform the shipped content has none for. Going through the loader
// keeps the variant to what a practice could really publish.
func withOffered(t testing.TB, slugs ...string) *site.Site {
	t.Helper()
	dir := filepath.Join("..", "..", "content")
	files := fstest.MapFS{}
	require.NoError(t, fs.WalkDir(os.DirFS(dir), ".", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(filepath.Join(dir, path))
		files[path] = &fstest.MapFile{Data: b}
		return err
	}))
	settings := regexp.MustCompile(`(?m)^offered: .*$`)
	files["site.yaml"].Data = settings.ReplaceAll(files["site.yaml"].Data, []byte("offered: ["+strings.Join(slugs, ", ")+"]"))
	stance := regexp.MustCompile(`(?m)^stance: .*$`)
	for path, f := range files {
		slug, ok := strings.CutSuffix(strings.TrimPrefix(path, "platforms/"), ".md")
		if !ok || !strings.HasPrefix(path, "platforms/") {
			continue
		}
		want := site.StanceNotUsed
		switch {
		case slug == slugs[0]:
			want = site.StancePreferred
		case slices.Contains(slugs, slug):
			want = site.StanceOffered
		}
		f.Data = stance.ReplaceAll(f.Data, []byte("stance: "+want))
	}
	q := string(files["questionnaire.yaml"].Data)
	for _, slug := range slugs {
		if !strings.Contains(q, "\n  - platform: "+slug+"\n    text:") {
			q = strings.Replace(q, "\nnext:\n", "\nnext:\n  - platform: "+slug+"\n    text: Send me the address you use on {name}.\n", 1)
		}
	}
	files["questionnaire.yaml"].Data = []byte(q)
	s, err := content.Load(files, "content")
	require.NoError(t, err)
	return s
}

// space is what the exhaustive test enumerates for one site: the
// questions whose answers interact, each with one choice for every way
// of answering it that the content tells apart, and the questions that
// act alone, enumerated one at a time.
//
// Two reductions keep every combination affordable while losing none:
//
//   - Options no sentence tells apart give the same advice, so one of
//     them stands for all. An option's signature is every statement that
//     names it under if or unless, and the platform it names, if any;
//     a multiple choice's signature is the union of its options'.
//   - A question acts alone when every sentence that names it names no
//     other question, selects no platform, weighs nothing and contradicts
//     nothing: it cannot change the ranking or what else is shown, so its
//     answers are checked with every other question skipped.
type space struct {
	together        [][][]string // for each question in questions, its choices
	alone           [][][]string // for each question in solo, its choices
	questions, solo []site.Question
}

func newSpace(s *site.Site, qs []site.Question) space {
	var statements []*site.Statement
	lists := &s.Questionnaire
	for _, list := range [][]site.Statement{lists.Reasons, lists.Expect, lists.Next, lists.Notes, lists.Checklist} {
		for i := range list {
			statements = append(statements, &list[i])
		}
	}
	var sp space
	for _, q := range qs {
		if actsAlone(q, statements) {
			sp.solo = append(sp.solo, q)
			sp.alone = append(sp.alone, choices(q, statements))
		} else {
			sp.questions = append(sp.questions, q)
			sp.together = append(sp.together, choices(q, statements))
		}
	}
	return sp
}

// actsAlone reports whether q's answers can only change sentences that
// depend on q alone.
func actsAlone(q site.Question, statements []*site.Statement) bool {
	for _, o := range q.Options {
		if o.Platform != "" {
			return false
		}
	}
	for _, st := range statements {
		_, inIf := st.If[q.ID]
		_, inUnless := st.Unless[q.ID]
		if !inIf && !inUnless {
			continue
		}
		if len(st.If)+len(st.Unless) > 1 || st.Platform != "" || len(st.Where) > 0 || st.Score != 0 || len(st.Excludes) > 0 {
			return false
		}
		for _, other := range statements {
			if slices.Contains(other.Excludes, st.ID) && st.ID != "" {
				return false
			}
		}
	}
	return true
}

// choices lists the ways of answering q that the content tells apart:
// skipped, and one representative of each signature. For a
// multiple-choice question that is every non-empty set of options in
// which an exclusive option ("None of these") stands alone.
func choices(q site.Question, statements []*site.Statement) [][]string {
	signature := func(set []string) string {
		var sig []string
		for _, id := range set {
			for i, st := range statements {
				if slices.Contains(st.If[q.ID], id) {
					sig = append(sig, fmt.Sprint("if", i))
				}
				if slices.Contains(st.Unless[q.ID], id) {
					sig = append(sig, fmt.Sprint("unless", i))
				}
			}
			if o, _ := q.Option(id); o.Platform != "" {
				sig = append(sig, "platform "+o.Platform)
			}
		}
		slices.Sort(sig)
		return strings.Join(slices.Compact(sig), " ")
	}
	var sets [][]string
	if !q.Multiple {
		for _, o := range q.Options {
			sets = append(sets, []string{o.ID})
		}
	} else {
		n := len(q.Options)
		for mask := 1; mask < 1<<n; mask++ {
			var set []string
			exclusive := false
			for i, o := range q.Options {
				if mask&(1<<i) != 0 {
					set = append(set, o.ID)
					exclusive = exclusive || o.Exclusive
				}
			}
			if !exclusive || len(set) == 1 {
				sets = append(sets, set)
			}
		}
	}
	out := [][]string{nil}
	seen := map[string]bool{}
	for _, set := range sets {
		if sig := signature(set); !seen[sig] {
			seen[sig] = true
			out = append(out, set)
		}
	}
	return out
}

// each calls fn with every combination the space holds, spread over the
// machine's cores, and returns how many there were; fn must be safe to
// call concurrently.
func (sp space) each(fn func(Answers)) int {
	var count atomic.Int64
	var wg sync.WaitGroup
	work := make(chan Answers)
	for w := 0; w < runtime.GOMAXPROCS(0); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for a := range work {
				fn(a)
				count.Add(1)
			}
		}()
	}
	product(sp.questions, sp.together, Answers{}, func(a Answers) { work <- a })
	for i, q := range sp.solo {
		product([]site.Question{q}, sp.alone[i:i+1], Answers{}, func(a Answers) { work <- a })
	}
	close(work)
	wg.Wait()
	return int(count.Load())
}

// product calls fn with a copy of a extended by every combination of the
// choices for qs.
func product(qs []site.Question, all [][][]string, a Answers, fn func(Answers)) {
	if len(qs) == 0 {
		fn(a.Clone())
		return
	}
	for _, c := range all[0] {
		if c == nil {
			delete(a, qs[0].ID)
		} else {
			a[qs[0].ID] = c
		}
		product(qs[1:], all[1:], a, fn)
	}
	delete(a, qs[0].ID)
}

// presupposed re-states, independently of the engine, what a statement
// takes for granted.
func presupposed(st *site.Statement, a Answers) bool {
	for q, opts := range st.If {
		found := false
		for _, o := range a[q] {
			found = found || slices.Contains(opts, o)
		}
		if !found {
			return false
		}
	}
	for q, opts := range st.Unless {
		for _, o := range a[q] {
			if slices.Contains(opts, o) {
				return false
			}
		}
	}
	return true
}

// checker holds what the invariants need about one site.
type checker struct {
	s *site.Site
	q *questionnaire.Questionnaire
	// excludes holds both directions of every declared contradiction.
	excludes map[[2]string]bool
	// practiceVoice are sentences only the practice says: none may reach
	// the client's summary.
	practiceVoice []string
}

func newChecker(s *site.Site) *checker {
	c := &checker{s: s, q: questionnaire.New(s), excludes: map[[2]string]bool{}}
	qs := s.Questionnaire
	for _, list := range [][]site.Statement{qs.Reasons, qs.Expect, qs.Next, qs.Notes, qs.Checklist} {
		for _, st := range list {
			for _, x := range st.Excludes {
				c.excludes[[2]string{st.ID, x}] = true
				c.excludes[[2]string{x, st.ID}] = true
			}
		}
	}
	for _, q := range c.q.Questions() {
		c.practiceVoice = append(c.practiceVoice, q.Prompt, q.Why)
	}
	return c
}

// check asserts what must hold for any answers. It returns a message, not
// a test failure, so that it can run on many goroutines.
func (c *checker) check(a Answers) string {
	res := c.q.Recommend(a)
	if len(res.Ranked) != len(c.s.Settings.Offered) {
		return "ranks a platform the practice does not offer, or misses one"
	}
	for i, r := range res.Ranked {
		if !r.Platform.Offered() || !slices.Contains(c.s.Settings.Offered, r.Platform.Slug) {
			return "suggests " + r.Platform.Slug + ", which the practice does not use"
		}
		if i > 0 && r.Score > res.Ranked[i-1].Score {
			return "not ranked by score"
		}
		all := slices.Concat(r.For, r.Against, r.Expect, r.Next)
		if msg := c.coherent(a, all, &r.Platform); msg != "" {
			return r.Platform.Slug + ": " + msg
		}
		for _, s := range r.For {
			if s.Score < 0 {
				return "a point against listed as a reason for"
			}
		}
		for _, s := range r.Against {
			if s.Score >= 0 {
				return "a reason for listed under to bear in mind"
			}
		}
	}
	top := res.Ranked[0]
	if len(top.For) == 0 {
		return "the suggestion has no reason"
	}
	if len(top.Next) == 0 {
		return "the suggestion has no next step"
	}
	tied := len(res.Ranked) > 1 && res.Ranked[1].Score == top.Score
	if tied != (res.Tie != "") {
		return "a tie is not explained, or a tie is claimed where there is none"
	}
	if msg := c.coherent(a, res.Checklist, &top.Platform); msg != "" {
		return "checklist: " + msg
	}
	if msg := c.coherent(a, res.Notes, nil); msg != "" {
		return "notes: " + msg
	}
	for _, d := range res.Declined {
		if d.Platform.Offered() || d.Text == "" || d.Closest == "" {
			return "declined " + d.Platform.Slug + " without explanation, or an offered platform"
		}
	}
	return c.summary(a, res)
}

// coherent checks statements shown together: each one's presuppositions
// hold, it is about the platform it is shown for, it is filled in, and no
// two contradict each other.
func (c *checker) coherent(a Answers, said []questionnaire.Said, p *site.Platform) string {
	for i, s := range said {
		if strings.ContainsAny(s.Text, "{}") || strings.Contains(s.Text, "Because :") || strings.Contains(s.Text, "Because ,") || strings.TrimSpace(s.Text) == "" {
			return "unfilled statement " + s.Text
		}
		if s.From == nil {
			continue
		}
		if !presupposed(s.From, a) {
			return "presupposes an answer not given: " + s.Text
		}
		if p != nil && (s.From.Platform != "" || len(s.From.Where) > 0) && !s.From.Selects(p) {
			return "shown for a platform it is not about: " + s.Text
		}
		for _, t := range said[i+1:] {
			if t.From != nil && s.From.ID != "" && c.excludes[[2]string{s.From.ID, t.From.ID}] {
				return "contradiction: " + s.Text + " / " + t.Text
			}
		}
	}
	return ""
}

// sentences returns every sentence the result shows, in any section, in
// the practice's voice.
func sentences(res questionnaire.Result) []string {
	var out []string
	for _, r := range res.Ranked {
		for _, s := range slices.Concat(r.For, r.Against, r.Expect, r.Next) {
			out = append(out, s.Text)
		}
	}
	for _, s := range slices.Concat(res.Notes, res.Checklist) {
		out = append(out, s.Text)
	}
	for _, d := range res.Declined {
		out = append(out, d.Text, d.Closest)
	}
	if res.Tie != "" {
		out = append(out, res.Tie)
	}
	return out
}

// summary checks the client's summary: their voice only, and sensitive
// answers only when they ask.
func (c *checker) summary(a Answers, res questionnaire.Result) string {
	plain := c.q.Summary(a, &res, false)
	for _, v := range slices.Concat(c.practiceVoice, sentences(res)) {
		if strings.Contains(plain, v) {
			return "the summary speaks in the practice's voice: " + v
		}
	}
	for _, q := range c.q.Questions() {
		if q.Sensitive == "" || !a.Answered(q.ID) {
			continue
		}
		answer := questionnaire.AnswerText(&q, a)
		if strings.Contains(plain, q.Summary) || strings.Contains(plain, answer) {
			return "the summary holds a sensitive answer the client did not include"
		}
		if !strings.Contains(c.q.Summary(a, &res, true), q.Summary+": "+answer) {
			return "the summary leaves out a sensitive answer the client included"
		}
	}
	return ""
}

// TestEveryCombination checks the invariants over every combination of
// answers, for the shipped practice and for a practice offering one
// platform or three.
func TestEveryCombination(t *testing.T) {
	sites := map[string]*site.Site{
		"shipped":         shipped(t),
		"jitsi only":      withOffered(t, "jitsi"),
		"three platforms": withOffered(t, "jitsi", "signal", "zoom"),
	}
	for name, s := range sites {
		t.Run(name, func(t *testing.T) {
			c := newChecker(s)
			var first atomic.Pointer[string]
			sp := newSpace(s, c.q.Questions())
			n := sp.each(func(a Answers) {
				if first.Load() != nil {
					return
				}
				if msg := c.check(a); msg != "" {
					m := msg + " — answers " + c.q.Encode(a)
					first.CompareAndSwap(nil, &m)
				}
			})
			if m := first.Load(); m != nil {
				t.Fatal(*m)
			}
			require.Len(t, slices.Concat(sp.questions, sp.solo), len(c.q.Questions()), "every question is enumerated")
			require.Greater(t, n, 10_000)
			t.Logf("%d combinations; acting alone: %d questions", n, len(sp.solo))
		})
	}
}
