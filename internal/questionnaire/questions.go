// Package questionnaire is the logic of the platform questionnaire: the
// questions, the rules that turn answers into a ranked, explained
// recommendation among the platforms the practice offers, the first-session
// checklist, a plain-text summary, and the compact form answers take in a
// resumable link.
//
// It is pure: no go-app, no I/O, deterministic. The browser app calls it;
// its tests call it natively, over every combination of answers.
package questionnaire

import "callprivacy/internal/site"

// Question is one screen of the questionnaire.
type Question struct {
	ID     string
	Prompt string
	// Hint is a short line under the prompt, e.g. "Choose all that apply."
	Hint string
	// Why says why the practice asks, in plain words.
	Why string
	// Multiple allows any number of options (checkboxes) instead of one
	// (radio buttons).
	Multiple bool
	Options  []Option
	// Requires names a platform slug the practice must offer for the
	// question to make sense ("Do you already use Signal?").
	Requires string
}

// Option is one possible answer.
type Option struct {
	ID    string
	Label string
	// Echo is how a reason quotes this answer back: "you share a device".
	Echo string
}

// Question and option IDs, used by the rules below and in resumable links.
// They are part of the link format: rename one and old links stop working.
const (
	QDevices    = "devices"
	QSignal     = "signal"
	QInstall    = "install"
	QWho        = "who"
	QHousehold  = "household"
	QMetadata   = "metadata"
	QPhone      = "phone"
	QConnection = "connection"
	QAccess     = "access"
	QPreference = "preference"

	NoPreference = "none"
)

// baseQuestions are the questions in order; the preference question's
// options are added from the site's platforms by Questions.
var baseQuestions = []Question{
	{
		ID:       QDevices,
		Prompt:   "Which devices could you use for sessions?",
		Hint:     "Choose all that apply.",
		Why:      "Some platforms need a phone to set up, and some protections work only on a computer.",
		Multiple: true,
		Options: []Option{
			{ID: "computer", Label: "A laptop or desktop computer", Echo: "you can use a computer"},
			{ID: "phone", Label: "A smartphone", Echo: "you can use a smartphone"},
			{ID: "tablet", Label: "A tablet", Echo: "you can use a tablet"},
		},
	},
	{
		ID:       QSignal,
		Prompt:   "Do you already use Signal?",
		Why:      "If you already have it, there is nothing new to set up.",
		Requires: "signal",
		Options: []Option{
			{ID: "yes", Label: "Yes, I already use it", Echo: "you already use Signal"},
			{ID: "willing", Label: "No, but I'm happy to install it", Echo: "you're happy to install Signal"},
			{ID: "rather-not", Label: "No, and I'd rather not install it", Echo: "you'd rather not install Signal"},
		},
	},
	{
		ID:     QInstall,
		Prompt: "Can you install apps on the device you'll use?",
		Why:    "Work devices often block new apps. Some platforms need one; others work from a link in the browser.",
		Options: []Option{
			{ID: "yes", Label: "Yes", Echo: "you can install apps"},
			{ID: "no", Label: "No, or I'd rather not", Echo: "you can't or would rather not install apps"},
			{ID: "unsure", Label: "I'm not sure", Echo: "you're not sure you can install apps"},
		},
	},
	{
		ID:     QWho,
		Prompt: "Who will take part in the sessions?",
		Why:    "A call between two devices and a call between three or more are protected differently.",
		Options: []Option{
			{ID: "me", Label: "Just me", Echo: "the sessions are just for you"},
			{ID: "together", Label: "Me and someone else, in the same room", Echo: "you'll join together from one room"},
			{ID: "apart", Label: "Me and others, joining from different places", Echo: "people will join from different places"},
		},
	},
	{
		ID:     QHousehold,
		Prompt: "Could anyone else see your phone, computer, accounts or call history?",
		Hint:   "For example a shared laptop, a family tablet, or someone who checks your phone.",
		Why:    "What a platform leaves behind on a device matters when someone else can look at it. Your answer stays on this page.",
		Options: []Option{
			{ID: "no", Label: "No, my devices are private", Echo: "your devices are private"},
			{ID: "shared", Label: "Yes, I share a device", Echo: "you share a device"},
			{ID: "watched", Label: "Yes, someone may look at my phone or accounts", Echo: "someone may look at your phone or accounts"},
			{ID: "rather-not-say", Label: "I'd rather not say", Echo: "you'd rather not say who can see your devices"},
		},
	},
	{
		ID:     QMetadata,
		Prompt: "How much does it matter to you that no company can see who you talk to, and when?",
		Why:    "Even when a call's content is encrypted, the record of who called whom, when and for how long can reveal a lot.",
		Options: []Option{
			{ID: "a-lot", Label: "A lot", Echo: "it matters a lot to you who can see who you talk to"},
			{ID: "somewhat", Label: "Somewhat", Echo: "it matters to you who can see who you talk to"},
			{ID: "not-much", Label: "Not much", Echo: "it doesn't matter much to you who can see who you talk to"},
		},
	},
	{
		ID:     QPhone,
		Prompt: "Would you rather keep your phone number to yourself?",
		Why:    "Some platforms are tied to your phone number; others need nothing but a link.",
		Options: []Option{
			{ID: "yes", Label: "Yes", Echo: "you'd rather keep your phone number to yourself"},
			{ID: "no", Label: "No, that's fine", Echo: "sharing your phone number is fine with you"},
		},
	},
	{
		ID:     QConnection,
		Prompt: "How is the internet connection where you'll have sessions?",
		Why:    "So the checklist can help a weak connection hold up.",
		Options: []Option{
			{ID: "good", Label: "Good", Echo: "your connection is good"},
			{ID: "patchy", Label: "Sometimes unreliable", Echo: "your connection is sometimes unreliable"},
			{ID: "mobile", Label: "Mobile data only", Echo: "you'll be on mobile data"},
		},
	},
	{
		ID:       QAccess,
		Prompt:   "Would any of these help you take part comfortably?",
		Hint:     "Choose all that apply, or none.",
		Why:      "So I can prepare, and be honest about what the platforms can and cannot do.",
		Multiple: true,
		Options: []Option{
			{ID: "captions", Label: "Captions or subtitles", Echo: "captions would help you"},
			{ID: "screen-reader", Label: "Working with a screen reader", Echo: "you use a screen reader"},
			{ID: "breaks", Label: "A slower pace or short breaks", Echo: "a slower pace or short breaks would help you"},
		},
	},
	{
		ID:     QPreference,
		Prompt: "Is there a platform you would prefer?",
		Why:    "If you'd prefer one I don't use, I'd like to explain why rather than just say no.",
	},
}

// questionsFor returns the questionnaire for a site: the questions that
// make sense for the platforms the practice offers, and a preference
// question listing every platform the site describes.
func questionsFor(s *site.Site) []Question {
	offered := map[string]bool{}
	for _, slug := range s.Settings.Offered {
		offered[slug] = true
	}
	var qs []Question
	for _, q := range baseQuestions {
		if q.Requires != "" && !offered[q.Requires] {
			continue
		}
		if q.ID == QPreference {
			q.Options = nil
			for _, p := range s.Platforms {
				q.Options = append(q.Options, Option{ID: p.Slug, Label: p.Name, Echo: "you'd prefer " + p.Name})
			}
			q.Options = append(q.Options, Option{ID: NoPreference, Label: "No preference", Echo: "you have no preference"})
		}
		qs = append(qs, q)
	}
	return qs
}

// Find returns the question with the given ID.
func Find(qs []Question, id string) (Question, bool) {
	for _, q := range qs {
		if q.ID == id {
			return q, true
		}
	}
	return Question{}, false
}

// Option returns the option with the given ID.
func (q Question) Option(id string) (Option, bool) {
	for _, o := range q.Options {
		if o.ID == id {
			return o, true
		}
	}
	return Option{}, false
}
