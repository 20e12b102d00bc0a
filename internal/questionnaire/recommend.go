package questionnaire

import (
	"slices"
	"sort"
	"strings"

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

// Choice is one option of one question.
type Choice struct{ Question, Option string }

// Rule turns one answer into a reason for or against some platforms.
type Rule struct {
	Question string
	// AnyOf fires the rule when one of these options is chosen.
	AnyOf []string
	// Lacks fires the rule when the question was answered without this
	// option (e.g. devices answered, but no smartphone).
	Lacks string
	// Unless keeps the rule from firing when this other answer was given.
	Unless Choice
	// The platforms the rule speaks about: those with this Slug, or those
	// whose fact for Criterion has one of Values (all, if Values is nil).
	Slug      string
	Criterion string
	Values    []string
	// Score is added to the platform's score: positive for, negative
	// against, zero for a reason that only informs.
	Score int
	// Text is the reason. {echo} quotes the client's answer, {name} is the
	// platform's name and {fact} its explanation for Criterion.
	Text string
}

// Rules are the questionnaire's logic. Each reason quotes the answer it
// rests on and names the criterion it is about.
var Rules = []Rule{
	{Question: QDevices, Lacks: "phone", Criterion: "account", Values: []string{"phone-number"}, Score: -3,
		Text: "{name} needs a smartphone with a phone number to set up, and you didn't choose a smartphone."},
	{Question: QDevices, AnyOf: []string{"computer"}, Criterion: "browser", Values: []string{"yes"}, Score: 1,
		Text: "Because {echo}, {name} can run in your web browser, with nothing to install."},
	{Question: QDevices, AnyOf: []string{"phone"}, Criterion: "e2ee", Values: []string{"by-default"}, Score: 1,
		Text: "Because {echo}: {name} calls are end-to-end encrypted by default, on the phone too."},
	{Question: QDevices, Lacks: "computer", Criterion: "e2ee", Values: []string{"optional"}, Score: -1,
		Text: "You didn't choose a computer, and {name}'s optional end-to-end encryption works only in desktop browsers."},

	{Question: QSignal, AnyOf: []string{"yes"}, Slug: "signal", Criterion: "account", Score: 3,
		Text: "Because {echo}, there is nothing new to set up."},
	{Question: QSignal, AnyOf: []string{"rather-not"}, Slug: "signal", Criterion: "browser", Score: -3,
		Text: "Because {echo}, it would not be the easy choice for you."},

	{Question: QInstall, AnyOf: []string{"no"}, Criterion: "browser", Values: []string{"no"}, Score: -3,
		Unless: Choice{QSignal, "yes"}, // already installed
		Text:   "Because {echo}: {name} has to be installed as an app."},
	{Question: QInstall, AnyOf: []string{"no"}, Criterion: "browser", Values: []string{"yes"}, Score: 2,
		Text: "Because {echo}: {name} works from a link in your web browser."},
	{Question: QInstall, AnyOf: []string{"unsure"}, Criterion: "browser", Values: []string{"yes"}, Score: 1,
		Text: "Because {echo}: {name} also works from a link in your web browser, so nothing has to be installed."},

	{Question: QWho, AnyOf: []string{"apart"}, Criterion: "account", Values: []string{"none"}, Score: 1,
		Text: "Because {echo}: everyone joins {name} from the same link, without an account."},
	{Question: QWho, AnyOf: []string{"apart"}, Criterion: "account", Values: []string{"phone-number", "account"}, Score: -1,
		Text: "Because {echo}: each person would need their own {name} account."},

	{Question: QHousehold, AnyOf: []string{"shared", "watched", "rather-not-say"}, Criterion: "browser", Values: []string{"yes"}, Score: 2,
		Text: "Because {echo}: {name} can run in a private browser window, which keeps no app, call list or history once it is closed."},
	{Question: QHousehold, AnyOf: []string{"shared", "watched"}, Criterion: "account", Values: []string{"phone-number"}, Score: -1,
		Text: "Because {echo}: {name} is an app that keeps our chat and a call list on the device until you delete them."},

	{Question: QMetadata, AnyOf: []string{"a-lot", "somewhat"}, Criterion: "metadata", Score: 0,
		Text: "Because {echo}: {fact}"},

	{Question: QPhone, AnyOf: []string{"yes"}, Criterion: "account", Values: []string{"none"}, Score: 2,
		Text: "Because {echo}: {name} needs no phone number and no account."},
	{Question: QPhone, AnyOf: []string{"yes"}, Slug: "signal", Criterion: "account", Score: -1,
		Text: "Because {echo}: {name} needs a phone number to register. It hides your number from people who don't already have it, and we can connect by username instead of number."},
}

// accountPhrases say how one joins, by the value of the account criterion.
var accountPhrases = map[string]string{
	"none":         "just a link",
	"account":      "an account",
	"phone-number": "an app tied to your phone number",
}

// Reason is one reason for or against a platform.
type Reason struct {
	// Question is the question whose answer the reason rests on; "" only
	// for the reason given when no answer tells the platforms apart.
	Question string
	// Criterion is the criterion the reason is about, as in site.Criteria;
	// "" when it is about the client's stated preference.
	Criterion string
	Score     int
	Text      string
}

// Ranked is one offered platform with what the answers say about it.
type Ranked struct {
	Platform site.Platform
	Score    int
	// Reasons are in question order.
	Reasons []Reason
	// Expect says what to expect on this platform, in the client's
	// situation.
	Expect []string
}

// Declined explains a platform the client would prefer but the practice
// does not use.
type Declined struct {
	Platform site.Platform
	Text     string
}

// Result is the questionnaire's outcome.
type Result struct {
	// Ranked lists the offered platforms, best first; never a platform the
	// practice does not use.
	Ranked   []Ranked
	Declined []Declined
	// Notes answer needs the platforms cannot meet by themselves.
	Notes     []string
	Checklist []string
}

// Questionnaire is the questionnaire for one site: its questions, and its
// rules bound to the platforms the practice offers. Build it once with New.
type Questionnaire struct {
	site      *site.Site
	questions []Question
	offered   []boundPlatform
}

// boundPlatform is an offered platform with the rules that speak about it,
// grouped by question in questionnaire order.
type boundPlatform struct {
	platform site.Platform
	rules    [][]boundRule // parallel to Questionnaire.questions
}

// boundRule is a rule with its text filled in for one platform, up to the
// quoted answer: the text is before + echo + after.
type boundRule struct {
	Rule
	before, after string
}

// New prepares the questionnaire for s.
func New(s *site.Site) *Questionnaire {
	q := &Questionnaire{site: s, questions: questionsFor(s)}
	for _, slug := range s.Settings.Offered {
		p, ok := s.Platform(slug)
		if !ok || !p.Offered() {
			continue
		}
		b := boundPlatform{platform: p, rules: make([][]boundRule, len(q.questions))}
		for i, question := range q.questions {
			for _, rule := range Rules {
				if rule.Question == question.ID && rule.appliesTo(p) {
					b.rules[i] = append(b.rules[i], rule.bind(p))
				}
			}
		}
		q.offered = append(q.offered, b)
	}
	return q
}

// Questions returns the questions in order.
func (q *Questionnaire) Questions() []Question { return q.questions }

// Site returns the site the questionnaire is for.
func (q *Questionnaire) Site() *site.Site { return q.site }

// Recommend ranks the platforms the practice offers for the answers. It is
// deterministic: ties keep the practice's own order of preference.
func (q *Questionnaire) Recommend(a Answers) Result {
	var res Result
	for _, b := range q.offered {
		r := Ranked{Platform: b.platform}
		for i, question := range q.questions {
			for _, rule := range b.rules[i] {
				if rule.fires(a) {
					r.add(Reason{Question: question.ID, Criterion: rule.Criterion, Score: rule.Score, Text: rule.before + rule.echo(question, a) + rule.after})
				}
			}
			if question.ID == QPreference {
				preferenceReasons(q.site, question, a, &r)
			}
		}
		if len(r.Reasons) == 0 {
			r.Reasons = []Reason{{Text: "None of your answers tells the platforms apart here, so this follows my own order of preference."}}
		}
		r.Expect = expectations(b.platform, a)
		res.Ranked = append(res.Ranked, r)
	}
	sort.SliceStable(res.Ranked, func(i, j int) bool { return res.Ranked[i].Score > res.Ranked[j].Score })

	for _, slug := range a[QPreference] {
		if p, ok := q.site.Platform(slug); ok && !p.Offered() {
			res.Declined = append(res.Declined, Declined{
				Platform: p,
				Text:     "I understand " + p.Name + " may be familiar, and it works well for many things. " + p.Summary,
			})
		}
	}
	res.Notes = notes(a)
	res.Checklist = checklist(a, res)
	return res
}

func (r *Ranked) add(reason Reason) {
	r.Reasons = append(r.Reasons, reason)
	r.Score += reason.Score
}

func (rule Rule) fires(a Answers) bool {
	if rule.Unless.Question != "" && a.Has(rule.Unless.Question, rule.Unless.Option) {
		return false
	}
	if rule.Lacks != "" {
		return a.Answered(rule.Question) && !a.Has(rule.Question, rule.Lacks)
	}
	for _, opt := range rule.AnyOf {
		if a.Has(rule.Question, opt) {
			return true
		}
	}
	return false
}

func (rule Rule) appliesTo(p site.Platform) bool {
	if rule.Slug != "" {
		return p.Slug == rule.Slug
	}
	if rule.Values == nil {
		return true
	}
	f, ok := p.Fact(rule.Criterion)
	return ok && slices.Contains(rule.Values, f.Value)
}

// bind fills in the platform's name and fact, and splits the text where
// the client's answer goes.
func (rule Rule) bind(p site.Platform) boundRule {
	fact, _ := p.Fact(rule.Criterion)
	t := strings.ReplaceAll(rule.Text, "{name}", p.Name)
	t = strings.ReplaceAll(t, "{fact}", fact.Explain)
	before, after, _ := strings.Cut(t, "{echo}")
	return boundRule{Rule: rule, before: before, after: after}
}

// echo quotes the client's answer that fired the rule.
func (rule Rule) echo(q Question, a Answers) string {
	for _, id := range a[q.ID] {
		if slices.Contains(rule.AnyOf, id) {
			if o, ok := q.Option(id); ok {
				return o.Echo
			}
		}
	}
	return ""
}

// preferenceReasons adds the reasons that come from the platform the
// client would prefer: their own choice if the practice offers it, else the
// offered platforms that are joined the same way.
func preferenceReasons(s *site.Site, q Question, a Answers, r *Ranked) {
	for _, slug := range a[QPreference] {
		if slug == r.Platform.Slug {
			r.add(Reason{Question: q.ID, Score: 2, Text: "You said you would prefer " + r.Platform.Name + "."})
			continue
		}
		pref, ok := s.Platform(slug)
		if !ok || pref.Offered() {
			continue
		}
		prefAccount, _ := pref.Fact("account")
		mine, _ := r.Platform.Fact("account")
		if prefAccount.Value != "" && prefAccount.Value == mine.Value {
			r.add(Reason{Question: q.ID, Criterion: "account", Score: 1,
				Text: "You would prefer " + pref.Name + ": " + r.Platform.Name + " is joined the same way, with " + accountPhrases[mine.Value] + "."})
		}
	}
}

// expectations say what a call on p will be like, given the answers.
func expectations(p site.Platform, a Answers) []string {
	var out []string
	switch p.Slug {
	case "jitsi":
		out = append(out, "You join from the private link I send you, in your browser or the Jitsi Meet app. You don't need an account.")
		if a.Has(QWho, "apart") {
			out = append(out, "With three or more people, the call passes through my own server, which can decrypt it unless end-to-end encryption is switched on.")
		} else {
			out = append(out, "A call between your device and mine normally goes directly between the two (peer-to-peer), encrypted on the way. If a relay is needed, it passes the call on without being able to read it.")
		}
		switch {
		case a.Has(QDevices, "computer"):
			out = append(out, "If you join from a desktop browser, I can switch on end-to-end encryption for the meeting. Just ask.")
		case a.Answered(QDevices):
			out = append(out, "End-to-end encryption isn't available on phones or tablets, nor in Jitsi's mobile app. The connection itself is still encrypted.")
		}
	case "signal":
		out = append(out, "Calls are end-to-end encrypted by default: only you and I can hear and see them.")
		out = append(out, "Signal needs a phone number to register. If we connect by phone number, we each see the other's number; if you'd rather not, set a Signal username and send me that instead.")
		if a.Has(QWho, "apart") {
			out = append(out, "Everyone who joins needs Signal installed, with an account of their own.")
		}
		if a.Has(QHousehold, "shared") || a.Has(QHousehold, "watched") {
			out = append(out, "Signal keeps our chat and the call list on your device until you delete them. You can set Signal to lock with your screen lock, and set messages to disappear.")
		}
	default:
		if f, ok := p.Fact("e2ee"); ok {
			out = append(out, f.Explain)
		}
		if f, ok := p.Fact("account"); ok {
			out = append(out, f.Explain)
		}
	}
	return out
}

// notes answer needs that no platform meets by itself, honestly.
func notes(a Answers) []string {
	var out []string
	if a.Has(QAccess, "captions") {
		out = append(out, "Neither platform I use adds automatic captions. Captions would mean a transcription service, usually AI, listening to our session, which is exactly what I keep out of the room. Instead, we can type in the chat alongside the call, and I can slow down, rephrase and check in. Tell me what helps.")
	}
	if a.Has(QAccess, "screen-reader") {
		out = append(out, "Tell me which screen reader you use. We can try the link or the call together before the first session, so nothing is new on the day.")
	}
	if a.Has(QAccess, "breaks") {
		out = append(out, "We can agree a pace and short breaks at the start of each session.")
	}
	return out
}

// checkItem is a line of the first-session checklist, shown when one of
// its answers was given (always, if it has none), or when its platform is
// the recommended one.
type checkItem struct {
	text     string
	question string
	anyOf    []string
	platform string
}

var checkItems = []checkItem{
	{text: "Find a private room where you won't be overheard, and close the door."},
	{text: "Use headphones, so that nobody nearby hears my side of the conversation."},
	{text: "Turn on Do Not Disturb, so that no notification pops up during the session."},
	{text: "If a smart speaker or voice assistant is in the room, mute or unplug it for the session."},
	{text: "Open my link a few minutes early, in an up-to-date browser, and allow the camera and microphone when asked.", platform: "jitsi"},
	{text: "Make sure Signal is up to date. If you'd rather not share your number, set a username and send it to me.", platform: "signal"},
	{text: "Charge your phone and prop it up, so that your hands are free.", question: QDevices, anyOf: []string{"phone"}},
	{text: "Sit near your router if you can, and close other apps. If the picture freezes, we can switch video off and carry on with sound.", question: QConnection, anyOf: []string{"patchy", "mobile"}},
	{text: "On a shared device, use a private browser window, and afterwards check what the device shows: call lists, chats, notifications and browser history.", question: QHousehold, anyOf: []string{"shared", "watched", "rather-not-say"}},
	{text: "If it matters to you, delete the app, the chat or the history after the session. Ask me if you'd like help with how.", question: QHousehold, anyOf: []string{"shared", "watched"}},
	{text: "If someone else will be with you, agree beforehand where each of you will sit, so that you can both be seen and heard.", question: QWho, anyOf: []string{"together"}},
}

func checklist(a Answers, res Result) []string {
	top := ""
	if len(res.Ranked) > 0 {
		top = res.Ranked[0].Platform.Slug
	}
	var out []string
	for _, item := range checkItems {
		switch {
		case item.platform != "":
			if item.platform != top {
				continue
			}
		case item.question != "":
			fired := false
			for _, opt := range item.anyOf {
				fired = fired || a.Has(item.question, opt)
			}
			if !fired {
				continue
			}
		}
		out = append(out, item.text)
	}
	return out
}
