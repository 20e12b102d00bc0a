package site

// Criterion is a question asked of every platform. The practice writes the
// criteria in content/criteria.yaml; every platform page answers each one.
type Criterion struct {
	Key   string `json:"key" yaml:"key"`
	Label string `json:"label" yaml:"label"`
	// Values lists the allowed values with their labels; empty means the
	// value is free text.
	Values []Value `json:"values,omitempty" yaml:"values"`
	// Explained is the section of the policy that explains why the
	// criterion matters ("/how-i-work#no-silent-ai-tools"); the content
	// loader checks that it exists.
	Explained string `json:"explained" yaml:"explained"`
}

// Value is an allowed value of an enumerated criterion.
type Value struct {
	_ noEqual

	Key   string `json:"key" yaml:"key"`
	Label string `json:"label" yaml:"label"`
	// Phrase is the value as it reads inside a sentence ("a phone number"),
	// for statements that quote it.
	Phrase string `json:"phrase,omitempty" yaml:"phrase"`
}

// Criterion returns the criterion with the given key.
// It is not inlined: app.wasm would carry its loop at every call site.
//
//go:noinline
func (s *Site) Criterion(key string) (Criterion, bool) {
	for _, c := range s.Criteria {
		if c.Key == key {
			return c, true
		}
	}
	return Criterion{}, false
}

// Value returns the enumerated value with the given key.
// It is not inlined: app.wasm would carry its loop at every call site.
//
//go:noinline
func (c *Criterion) Value(key string) (Value, bool) {
	for _, v := range c.Values {
		if v.Key == key {
			return v, true
		}
	}
	return Value{}, false
}

// ValueLabel returns the display label of a fact's value: the enumerated
// value's label, or the free-text value itself.
func (c Criterion) ValueLabel(value string) string {
	if v, ok := c.Value(value); ok {
		return v.Label
	}
	return value
}
