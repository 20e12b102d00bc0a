package content

import (
	"fmt"
	"regexp"
	"slices"
	"sort"
	"strings"

	"callprivacy/internal/site"
)

var idPattern = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

// qcheck checks questionnaire.yaml against the site it belongs to.
type qcheck struct {
	l   *loader
	s   *site.Site
	qs  *site.Questionnaire
	doc yamlDoc
	// read marks, for each question, the options some statement reads.
	read map[string]map[string]bool
	ids  map[string]bool
}

// statementKind is one list of statements and what its text may hold.
type statementKind struct {
	key string
	sts []site.Statement
	// placeholders its text may hold; "answer" also allows {answer:q}.
	placeholders []string
	// platform: whether it may select platforms; scored: whether it
	// needs a score.
	platform, scored bool
}

// questionnaire reads questionnaire.yaml, expands the options that name
// platforms, and checks every reference, every placeholder and every
// statement that could never be shown.
func (l *loader) questionnaire(s *site.Site) {
	file := site.QuestionnaireFile
	var qs site.Questionnaire
	doc, ok := l.yamlFile(file, &qs)
	if !ok {
		return
	}
	c := &qcheck{l: l, s: s, qs: &qs, doc: doc, read: map[string]map[string]bool{}, ids: map[string]bool{}}
	before := len(l.problems)
	c.questions()
	kinds := []statementKind{
		{key: "reasons", sts: qs.Reasons, placeholders: platformPlaceholders, platform: true, scored: true},
		{key: "expect", sts: qs.Expect, placeholders: platformPlaceholders, platform: true},
		{key: "next", sts: qs.Next, placeholders: platformPlaceholders, platform: true},
		{key: "notes", sts: qs.Notes, placeholders: []string{"answer", "practice"}, platform: true},
		{key: "checklist", sts: qs.Checklist, placeholders: platformPlaceholders, platform: true},
	}
	for _, k := range kinds {
		for i := range k.sts {
			c.statement(k, i)
		}
	}
	for _, k := range kinds {
		for i, st := range k.sts {
			for j, id := range st.Excludes {
				if !c.ids[id] {
					l.problem(file, doc.lineAt(k.key, i, "excludes", j), "%s: excludes %q, but no sentence has that id", k.key, id)
				}
			}
		}
	}
	c.single("preferred", qs.Preferred, []string{"name", "practice"})
	c.single("closest", qs.Closest, []string{"name", "declined", "practice", "fact", "phrase"})
	c.text("default", qs.Default, []string{"name", "practice", "fact", "phrase"}, doc.lineAt("default"))
	c.text("tie", qs.Tie, []string{"name", "others"}, doc.lineAt("tie"))
	c.text("declined.text", qs.Declined.Text, []string{"name", "summary", "practice", "fact", "phrase"}, doc.lineAt("declined", "text"))
	c.text("declined.closest", qs.Declined.Closest, []string{"name", "declined", "practice", "fact", "phrase"}, doc.lineAt("declined", "closest"))
	sum := qs.Summary
	for _, t := range []struct {
		key, text string
		allowed   []string
	}{
		{"opening", sum.Opening, []string{"practice"}},
		{"suggested", sum.Suggested, []string{"name"}},
		{"others", sum.Others, []string{"names"}},
		{"declined", sum.Declined, []string{"name"}},
		{"answers", sum.Answers, nil},
		{"answer", sum.Answer, []string{"question", "answer"}},
		{"skipped", sum.Skipped, nil},
	} {
		c.text("summary."+t.key, t.text, t.allowed, doc.lineAt("summary", t.key))
	}
	l.placeholders(file, doc.lineAt("summary", "closing"), "summary.closing", sum.Closing, nil)
	c.unread()
	c.nextForEveryPlatform()
	if len(l.problems) == before {
		s.Questionnaire = qs
	}
}

var platformPlaceholders = []string{"name", "answer", "fact", "phrase", "practice"}

// questions checks the questions and their options, and adds the options
// that name platforms.
func (c *qcheck) questions() {
	file, doc := site.QuestionnaireFile, c.doc
	if len(c.qs.Questions) == 0 {
		c.l.problem(file, doc.lineAt("questions"), "questions: list at least one question")
	}
	seen := map[string]bool{}
	for i := range c.qs.Questions {
		q := &c.qs.Questions[i]
		line := doc.lineAt("questions", i)
		for _, r := range []struct{ key, val string }{{"id", q.ID}, {"prompt", q.Prompt}, {"why", q.Why}, {"summary", q.Summary}} {
			if strings.TrimSpace(r.val) == "" {
				c.l.problem(file, line, "question %d: missing required field %q", i+1, r.key)
			}
		}
		if q.ID != "" && !idPattern.MatchString(q.ID) {
			c.l.problem(file, doc.lineAt("questions", i, "id"), "id %q: use lower-case letters, digits and hyphens (it is part of resumable links)", q.ID)
		}
		if seen[q.ID] {
			c.l.problem(file, doc.lineAt("questions", i, "id"), "question id %q is used twice", q.ID)
		}
		seen[q.ID] = true
		if q.Requires != "" {
			if _, ok := c.s.Platform(q.Requires); !ok {
				c.l.problem(file, doc.lineAt("questions", i, "requires"), "%s: requires %q, but there is no platforms/%s.md", q.ID, q.Requires, q.Requires)
			}
		}
		for _, t := range []struct{ key, text string }{{"prompt", q.Prompt}, {"hint", q.Hint}, {"why", q.Why}, {"summary", q.Summary}, {"sensitive", q.Sensitive}} {
			c.l.placeholders(file, doc.lineAt("questions", i, t.key), q.ID+"."+t.key, t.text, nil)
		}
		var options []site.Option
		if po := q.PlatformOptions; po != nil {
			pline := doc.lineAt("questions", i, "platform_options")
			c.l.placeholders(file, pline, q.ID+".platform_options", po.Label+po.Echo, []string{"name"})
			if po.Label == "" || po.Echo == "" {
				c.l.problem(file, pline, "%s.platform_options: needs a label and an echo, such as label: \"{name}\"", q.ID)
			}
			for _, p := range c.s.Platforms {
				options = append(options, site.Option{ID: p.Slug, Platform: p.Slug,
					Label: site.Fill(po.Label, "name", p.Name), Echo: site.Fill(po.Echo, "name", p.Name)})
			}
			q.PlatformOptions = nil
		}
		c.read[q.ID] = map[string]bool{}
		for j, o := range q.Options {
			oline := doc.lineAt("questions", i, "options", j)
			if o.ID == "" || o.Label == "" || o.Echo == "" {
				c.l.problem(file, oline, "%s: each option needs an id, a label and an echo", q.ID)
			}
			if o.ID != "" && !idPattern.MatchString(o.ID) {
				c.l.problem(file, oline, "%s: option id %q: use lower-case letters, digits and hyphens (it is part of resumable links)", q.ID, o.ID)
			}
			if slices.ContainsFunc(options, func(x site.Option) bool { return x.ID == o.ID }) {
				c.l.problem(file, oline, "%s: option id %q is used twice (platforms add their own file names as options here)", q.ID, o.ID)
			}
			if o.Exclusive && !q.Multiple {
				c.l.problem(file, oline, "%s: exclusive only makes sense on a question with multiple: true", q.ID)
			}
			c.l.placeholders(file, oline, q.ID+"."+o.ID, o.Label+o.Echo, nil)
			options = append(options, o)
		}
		q.Options = options
		if len(q.Options) < 2 {
			c.l.problem(file, line, "%s: a question needs at least two options", q.ID)
		}
	}
}

// statement checks one statement of kind k.
func (c *qcheck) statement(k statementKind, i int) {
	file, doc, st := site.QuestionnaireFile, c.doc, &k.sts[i]
	line := doc.lineAt(k.key, i)
	where := fmt.Sprintf("%s %d", k.key, i+1)
	if st.ID != "" {
		where = k.key + " " + st.ID
		if !idPattern.MatchString(st.ID) {
			c.l.problem(file, doc.lineAt(k.key, i, "id"), "%s: id %q: use lower-case letters, digits and hyphens", k.key, st.ID)
		}
		if c.ids[st.ID] {
			c.l.problem(file, doc.lineAt(k.key, i, "id"), "id %q is used twice", st.ID)
		}
		c.ids[st.ID] = true
	}
	if strings.TrimSpace(st.Text) == "" {
		c.l.problem(file, line, "%s: missing required field \"text\"", where)
	}
	switch {
	case k.scored && st.Score == 0:
		c.l.problem(file, line, "%s: needs a score: above 0 for a reason for the platform, below 0 for a point to bear in mind", where)
	case !k.scored && st.Score != 0:
		c.l.problem(file, doc.lineAt(k.key, i, "score"), "%s: only reasons have a score", where)
	}
	if st.Criterion != "" {
		if _, ok := c.s.Criterion(st.Criterion); !ok {
			c.l.problem(file, doc.lineAt(k.key, i, "criterion"), "%s: criterion %q is not in %s", where, st.Criterion, site.CriteriaFile)
		}
	}
	c.conditions(k.key, i, where, "if", st.If)
	c.conditions(k.key, i, where, "unless", st.Unless)
	for q, opts := range st.If {
		if u, ok := st.Unless[q]; ok && !slices.ContainsFunc(opts, func(o string) bool { return !slices.Contains(u, o) }) {
			c.l.problem(file, doc.lineAt(k.key, i, "unless", q), "%s: can never be shown: every answer \"if\" needs for %q is ruled out by \"unless\"", where, q)
		}
	}
	c.selection(k, i, where)
	c.statementText(k, i, where)
}

// conditions checks that an if or unless names real questions and options,
// and marks those options as read.
func (c *qcheck) conditions(key string, i int, where, field string, cond map[string][]string) {
	for _, q := range sortedKeys(cond) {
		line := c.doc.lineAt(key, i, field, q)
		question, ok := c.question(q)
		if !ok {
			c.l.problem(site.QuestionnaireFile, line, "%s: %s names a question %q that does not exist (questions: %s)", where, field, q, c.questionIDs())
			continue
		}
		if len(cond[q]) == 0 {
			c.l.problem(site.QuestionnaireFile, line, "%s: %s %s: list at least one answer", where, field, q)
		}
		for _, o := range cond[q] {
			if _, ok := question.Option(o); !ok {
				c.l.problem(site.QuestionnaireFile, line, "%s: %s %s: %q is not one of its answers (%s)", where, field, q, o, optionIDs(question))
				continue
			}
			c.read[q][o] = true
		}
	}
}

// selection checks that platform and where select at least one platform
// this site describes.
func (c *qcheck) selection(k statementKind, i int, where string) {
	file, doc, st := site.QuestionnaireFile, c.doc, &k.sts[i]
	if st.Platform != "" {
		if _, ok := c.s.Platform(st.Platform); !ok {
			c.l.problem(file, doc.lineAt(k.key, i, "platform"), "%s: no platform %q (expected %s/%s.md)", where, st.Platform, site.PlatformDir, st.Platform)
			return
		}
	}
	for _, crit := range sortedKeys(st.Where) {
		line := doc.lineAt(k.key, i, "where", crit)
		cr, ok := c.s.Criterion(crit)
		if !ok || len(cr.Values) == 0 {
			c.l.problem(file, line, "%s: where %q: name a criterion with fixed values from %s", where, crit, site.CriteriaFile)
			return
		}
		for _, v := range st.Where[crit] {
			if _, ok := cr.Value(v); !ok {
				c.l.problem(file, line, "%s: where %s: %q is not one of its values (%s)", where, crit, v, valueKeys(cr))
				return
			}
		}
	}
	if !slices.ContainsFunc(c.s.Platforms, func(p site.Platform) bool { return st.Selects(&p) }) {
		c.l.problem(file, doc.lineAt(k.key, i), "%s: can never be shown: no platform matches its platform and where", where)
	}
}

// statementText checks a statement's placeholders.
func (c *qcheck) statementText(k statementKind, i int, where string) {
	st := &k.sts[i]
	line := c.doc.lineAt(k.key, i, "text")
	site.Expand(st.Text, func(name, arg string) (string, bool) {
		if name == "answer" && slices.Contains(k.placeholders, "answer") {
			switch {
			case arg == "" && len(st.If) != 1:
				c.l.problem(site.QuestionnaireFile, line, "%s: {answer} quotes the one question named under \"if\"; with %d, write {answer:question}", where, len(st.If))
			case arg != "" && st.If[arg] == nil:
				c.l.problem(site.QuestionnaireFile, line, "%s: {answer:%s} needs %s under \"if\"", where, arg, arg)
			}
			return "", true
		}
		c.placeholder(site.QuestionnaireFile, line, where, name, arg, k.placeholders)
		return "", true
	})
}

// single checks a statement that stands alone (preferred, closest).
func (c *qcheck) single(key string, st site.Statement, allowed []string) {
	line := c.doc.lineAt(key)
	if st.Score <= 0 {
		c.l.problem(site.QuestionnaireFile, line, "%s: needs a score above 0", key)
	}
	c.text(key, st.Text, allowed, c.doc.lineAt(key, "text"))
}

// text checks a required text and its placeholders.
func (c *qcheck) text(key, text string, allowed []string, line int) {
	if strings.TrimSpace(text) == "" {
		c.l.problem(site.QuestionnaireFile, line, "%s: missing; it needs words", key)
		return
	}
	site.Expand(text, func(name, arg string) (string, bool) {
		c.placeholder(site.QuestionnaireFile, line, key, name, arg, allowed)
		return "", true
	})
}

// placeholder checks one {name:arg} against what its place fills in.
func (c *qcheck) placeholder(file string, line int, where, name, arg string, allowed []string) {
	ph := name
	if arg != "" {
		ph += ":" + arg
	}
	if !slices.Contains(allowed, name) {
		c.l.problem(file, line, "%s: {%s} is not filled in here; %s", where, ph, placeholderList(allowed))
		return
	}
	switch name {
	case "fact", "phrase":
		cr, ok := c.s.Criterion(arg)
		switch {
		case !ok:
			c.l.problem(file, line, "%s: {%s}: no criterion %q in %s", where, ph, arg, site.CriteriaFile)
		case name == "phrase" && (len(cr.Values) == 0 || slices.ContainsFunc(cr.Values, func(v site.Value) bool { return v.Phrase == "" })):
			c.l.problem(file, line, "%s: {%s}: every value of %s needs a phrase in %s", where, ph, arg, site.CriteriaFile)
		}
	default:
		if arg != "" {
			c.l.problem(file, line, "%s: {%s} takes nothing after a colon", where, ph)
		}
	}
}

// unread reports questions and options that change no advice.
func (c *qcheck) unread() {
	for i, q := range c.qs.Questions {
		if c.read[q.ID] == nil {
			continue
		}
		platformOptions := false
		for j, o := range q.Options {
			if o.Platform != "" {
				platformOptions = true
				continue
			}
			if !c.read[q.ID][o.ID] && !o.SummaryOnly {
				c.l.problem(site.QuestionnaireFile, c.doc.lineAt("questions", i, "options", j-c.platformOptionCount(q)), "%s: the answer %q changes no advice: name it under a sentence's if or unless, or mark it summary_only: true", q.ID, o.ID)
			}
		}
		if len(c.read[q.ID]) == 0 && !platformOptions {
			c.l.problem(site.QuestionnaireFile, c.doc.lineAt("questions", i), "%s: no sentence reads this question; use it under a sentence's if or unless, or remove it", q.ID)
		}
	}
}

func (c *qcheck) platformOptionCount(q site.Question) int {
	n := 0
	for _, o := range q.Options {
		if o.Platform != "" {
			n++
		}
	}
	return n
}

// nextForEveryPlatform makes sure every offered platform has a next step.
func (c *qcheck) nextForEveryPlatform() {
	for _, slug := range c.s.Settings.Offered {
		p, ok := c.s.Platform(slug)
		if ok && !slices.ContainsFunc(c.qs.Next, func(st site.Statement) bool { return st.Selects(&p) }) {
			c.l.problem(site.QuestionnaireFile, c.doc.lineAt("next"), "next: no next step for %s, which site.yaml offers", slug)
		}
	}
}

func (c *qcheck) question(id string) (site.Question, bool) {
	for _, q := range c.qs.Questions {
		if q.ID == id {
			return q, true
		}
	}
	return site.Question{}, false
}

func (c *qcheck) questionIDs() string {
	ids := make([]string, len(c.qs.Questions))
	for i, q := range c.qs.Questions {
		ids[i] = q.ID
	}
	return strings.Join(ids, ", ")
}

func optionIDs(q site.Question) string {
	ids := make([]string, len(q.Options))
	for i, o := range q.Options {
		ids[i] = o.ID
	}
	return strings.Join(ids, ", ")
}

func sortedKeys(m map[string][]string) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
