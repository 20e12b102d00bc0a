package site

// Criterion is a question asked of every platform.
type Criterion struct {
	Key   string
	Label string
	// Values lists the allowed values with their labels; nil means the value
	// is free text.
	Values []Value
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
	{Key: "e2ee", Label: "End-to-end encryption", Values: []Value{
		{"by-default", "On by default"},
		{"optional", "Optional"},
		{"not-available", "Not available"},
	}},
	{Key: "servers", Label: "Who runs the servers"},
	{Key: "recording", Label: "Recording"},
	{Key: "transcription", Label: "Transcription"},
	{Key: "ai_summaries", Label: "AI summaries"},
	{Key: "metadata", Label: "Metadata collected"},
	{Key: "business_model", Label: "Business model"},
	{Key: "open_source", Label: "Open source", Values: yesNoPartly},
	{Key: "account", Label: "What you need to join", Values: []Value{
		{"none", "Just a link"},
		{"account", "An account"},
		{"phone-number", "A phone number"},
	}},
	{Key: "browser", Label: "Works in a browser without installing", Values: yesNoPartly},
	{Key: "group_calls", Label: "Group calls", Values: []Value{
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
