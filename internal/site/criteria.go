package site

// Criterion is a question asked of every platform.
type Criterion struct {
	Key   string
	Label string
	// Values lists the allowed values with their labels; nil means the value
	// is free text.
	Values []Value
	// Explained is the section of the policy that explains why the
	// criterion matters; the content loader checks that it exists.
	Explained string
}

// Value is an allowed value of an enumerated criterion.
type Value struct {
	Key   string
	Label string
}

// Criteria are the questions every platform page answers in its front
// matter, in display order. They follow the practice's own list of what
// matters for a therapy call.
var Criteria = []Criterion{
	{Key: "e2ee", Label: "End-to-end encryption", Explained: "/#what-matters-for-a-therapy-call", Values: []Value{
		{"by-default", "On by default"},
		{"optional", "Optional"},
		{"not-available", "Not available"},
	}},
	{Key: "servers", Label: "Who runs the servers", Explained: "/#what-matters-for-a-therapy-call"},
	{Key: "recording", Label: "Recording", Explained: "/how-i-work#no-silent-ai-tools"},
	{Key: "transcription", Label: "Transcription", Explained: "/how-i-work#no-silent-ai-tools"},
	{Key: "ai_summaries", Label: "AI summaries", Explained: "/how-i-work#no-silent-ai-tools"},
	{Key: "metadata", Label: "Metadata collected", Explained: "/metadata"},
	{Key: "business_model", Label: "Business model", Explained: "/#what-matters-for-a-therapy-call"},
	{Key: "open_source", Label: "Open source", Explained: "/#encryption-is-only-part-of-the-picture", Values: yesNoPartly},
	{Key: "account", Label: "What you need to join", Explained: "/how-i-work#controlled-access", Values: []Value{
		{"none", "Just a link"},
		{"account", "An account"},
		{"phone-number", "A phone number"},
	}},
	{Key: "browser", Label: "Works in a browser without installing", Explained: "/how-i-work#primary-platforms", Values: yesNoPartly},
	{Key: "group_calls", Label: "Group calls", Explained: "/#what-matters-for-a-therapy-call", Values: []Value{
		{"yes", "Yes"},
		{"no", "No"},
	}},
}

var yesNoPartly = []Value{{"yes", "Yes"}, {"no", "No"}, {"partly", "Partly"}}

// CriterionByKey returns the criterion with the given key.
func CriterionByKey(key string) (Criterion, bool) {
	for _, c := range Criteria {
		if c.Key == key {
			return c, true
		}
	}
	return Criterion{}, false
}

// ValueLabel returns the display label of a fact's value: the enumerated
// value's label, or the free-text value itself.
func (c Criterion) ValueLabel(value string) string {
	for _, v := range c.Values {
		if v.Key == value {
			return v.Label
		}
	}
	return value
}
