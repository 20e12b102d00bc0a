package site

import "slices"

// Questionnaire is the platform questionnaire as the practice writes it in
// content/questionnaire.yaml: the questions, and the statements the result
// is made of. Package questionnaire is the engine that reads it; it holds
// no words, platform or criterion of its own.
type Questionnaire struct {
	Questions []Question `json:"questions" yaml:"questions"`
	// Reasons speak for (Score > 0) or against (Score < 0) the platforms
	// they select.
	Reasons []Statement `json:"reasons" yaml:"reasons"`
	// Expect says what a call on a platform will be like.
	Expect []Statement `json:"expect" yaml:"expect"`
	// Next is the one thing to do before the first session on a platform.
	Next []Statement `json:"next" yaml:"next"`
	// Notes answer needs no platform meets by itself; a note that selects
	// platforms is shown when the practice offers one of them.
	Notes []Statement `json:"notes" yaml:"notes"`
	// Checklist items that select platforms are shown when the
	// recommended platform is one of them.
	Checklist []Statement `json:"checklist" yaml:"checklist"`
	// Preferred is the reason given to an offered platform the client
	// said they would prefer: {name}.
	Preferred Statement `json:"preferred" yaml:"preferred"`
	// Closest is the reason given to the offered platform most like one
	// the client would prefer but the practice does not use: {name} and
	// {declined}.
	Closest Statement `json:"closest" yaml:"closest"`
	// Default is the reason the top pick gets when no answer speaks for
	// it: {name}, {fact:…}.
	Default string `json:"default" yaml:"default"`
	// Tie explains why the practice's own order decided: {name} and
	// {others}.
	Tie      string   `json:"tie" yaml:"tie"`
	Declined Declined `json:"declined" yaml:"declined"`
	Summary  Summary  `json:"summary" yaml:"summary"`
}

// Question is one screen of the questionnaire.
type Question struct {
	ID     string `json:"id" yaml:"id"`
	Prompt string `json:"prompt" yaml:"prompt"`
	// Hint is a short line under the prompt, e.g. "Choose all that apply."
	Hint string `json:"hint,omitempty" yaml:"hint"`
	// Why says why the practice asks, in plain words.
	Why string `json:"why" yaml:"why"`
	// Multiple allows any number of options (checkboxes) instead of one
	// (radio buttons).
	Multiple bool     `json:"multiple,omitempty" yaml:"multiple"`
	Options  []Option `json:"options" yaml:"options"`
	// Requires names a platform the practice must offer for the question
	// to be asked ("Do you already use Signal?").
	Requires string `json:"requires,omitempty" yaml:"requires"`
	// Summary names the answer in the client's voice, in the summary they
	// send the practice: "Devices I could use".
	Summary string `json:"summary" yaml:"summary"`
	// Sensitive, when set, is the label of the box the client ticks to put
	// this answer in their summary; unticked, it stays out.
	Sensitive string `json:"sensitive,omitempty" yaml:"sensitive"`
	// PlatformOptions, when set, adds one option per platform the site
	// describes before Options: its Label and Echo hold {name}.
	PlatformOptions *Option `json:"-" yaml:"platform_options"`
}

// Option is one possible answer.
type Option struct {
	_ noEqual

	ID    string `json:"id" yaml:"id"`
	Label string `json:"label" yaml:"label"`
	// Echo is how a statement quotes this answer back: "you share a
	// device".
	Echo string `json:"echo" yaml:"echo"`
	// Exclusive marks "None of these" on a multiple-choice question: it
	// cannot be chosen together with another option.
	Exclusive bool `json:"exclusive,omitempty" yaml:"exclusive"`
	// SummaryOnly marks an answer that changes no advice and only tells
	// the practice something; every other option must be read by a
	// statement.
	SummaryOnly bool `json:"-" yaml:"summary_only"`
	// Platform is the slug of the platform this option names, for the
	// options PlatformOptions adds.
	Platform string `json:"platform,omitempty" yaml:"-"`
}

// Statement is one sentence the result may show. It declares what it
// presupposes: it is shown only when every question in If was answered
// with one of the listed options, none of the options in Unless was
// chosen, and it is about a platform that Platform and Where select.
type Statement struct {
	ID string `json:"id,omitempty" yaml:"id"`
	// If maps a question to options: one of them must have been chosen.
	If map[string][]string `json:"if,omitempty" yaml:"if"`
	// Unless maps a question to options none of which may have been
	// chosen.
	Unless map[string][]string `json:"unless,omitempty" yaml:"unless"`
	// Platform selects a platform by slug.
	Platform string `json:"platform,omitempty" yaml:"platform"`
	// Where selects platforms by their facts: criterion to allowed values.
	Where map[string][]string `json:"where,omitempty" yaml:"where"`
	// Score weighs a reason: positive for, negative against.
	Score int `json:"score,omitempty" yaml:"score"`
	// Criterion is the criterion a reason is about, linked to the
	// comparison.
	Criterion string `json:"criterion,omitempty" yaml:"criterion"`
	// Text holds {placeholders}: {name}, {answer}, {answer:question},
	// {fact:criterion}, {phrase:criterion}, {practice}.
	Text string `json:"text" yaml:"text"`
	// Excludes names statements that contradict this one: the tests
	// check that no answers ever show both.
	Excludes []string `json:"excludes,omitempty" yaml:"excludes"`
}

// Declined is what the result says about a platform the client would
// prefer but the practice does not use.
type Declined struct {
	_ noEqual

	// Text explains, from the platform's own page: {name}, {summary} and
	// {fact:criterion}.
	Text string `json:"text" yaml:"text"`
	// Closest names the offered platform most like it: {name} (the
	// offered one), {declined} and {phrase:criterion}.
	Closest string `json:"closest" yaml:"closest"`
}

// Summary is the text the client copies into their reply to the
// practice, in their own voice from first line to last.
type Summary struct {
	_ noEqual

	// Opening holds {practice}.
	Opening string `json:"opening" yaml:"opening"`
	// Suggested holds {name}.
	Suggested string `json:"suggested" yaml:"suggested"`
	// Others holds {names}.
	Others string `json:"others" yaml:"others"`
	// Declined holds {name}: the client's preference the practice does not
	// use.
	Declined string `json:"declined" yaml:"declined"`
	Answers  string `json:"answers" yaml:"answers"`
	// Answer is one line: {question} (its Summary) and {answer}.
	Answer string `json:"answer" yaml:"answer"`
	// Skipped stands for the answer to a question the client skipped.
	Skipped string `json:"skipped" yaml:"skipped"`
	Closing string `json:"closing,omitempty" yaml:"closing"`
}

// Holds reports whether the answers a (question ID to chosen option IDs) meet what st takes for granted: one of
// its If options chosen for every question it names, none of its Unless
// options chosen.
func (st *Statement) Holds(a map[string][]string) bool {
	for q, opts := range st.If {
		if !slices.ContainsFunc(opts, func(o string) bool { return slices.Contains(a[q], o) }) {
			return false
		}
	}
	for q, opts := range st.Unless {
		if slices.ContainsFunc(opts, func(o string) bool { return slices.Contains(a[q], o) }) {
			return false
		}
	}
	return true
}

// Selects reports whether st is about platform p: its Platform, if any, is
// p, and p's facts have one of the values Where allows for each criterion.
func (st *Statement) Selects(p *Platform) bool {
	if st.Platform != "" && st.Platform != p.Slug {
		return false
	}
	for c, values := range st.Where {
		f, ok := p.Fact(c)
		if !ok || !slices.Contains(values, f.Value) {
			return false
		}
	}
	return true
}

// Option returns the option with the given ID.
// It is not inlined: app.wasm would carry its loop at every call site.
//
//go:noinline
func (q *Question) Option(id string) (Option, bool) {
	for _, o := range q.Options {
		if o.ID == id {
			return o, true
		}
	}
	return Option{}, false
}
