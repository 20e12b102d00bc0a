package site

import (
	"testing"

	"github.com/stretchr/testify/require"
)

func TestWithBase(t *testing.T) {
	tests := []struct {
		base, give, want string
	}{
		{"", `<a href="/metadata">m</a>`, `<a href="/metadata">m</a>`},
		{"/privacy", `<a href="/metadata">m</a>`, `<a href="/privacy/metadata">m</a>`},
		{"/privacy", `<a href="https://signal.org/" rel="noopener noreferrer">s</a>`, `<a href="https://signal.org/" rel="noopener noreferrer">s</a>`},
		{"/privacy", `<a href="#anchor">a</a>`, `<a href="#anchor">a</a>`},
		{"/privacy", `<code>a href=&quot;/x&quot;</code>`, `<code>a href=&quot;/x&quot;</code>`},
		{"", `<img src="/web/chart.png" alt="c">`, `<img src="/web/chart.png" alt="c">`},
		{"/privacy", `<p><img src="/web/chart.png" alt="c"></p>`, `<p><img src="/privacy/web/chart.png" alt="c"></p>`},
		{"/privacy", `<code>img src=&quot;/x&quot;</code>`, `<code>img src=&quot;/x&quot;</code>`},
	}
	for _, tt := range tests {
		t.Run(tt.base+tt.give, func(t *testing.T) {
			require.Equal(t, tt.want, WithBase(tt.give, tt.base))
		})
	}
}

func TestLink(t *testing.T) {
	require.Equal(t, "/", Link("", "/"))
	require.Equal(t, "/privacy/", Link("/privacy", "/"))
	require.Equal(t, "/privacy/metadata", Link("/privacy", "/metadata"))
}

func TestValueLabel(t *testing.T) {
	c := Criterion{Key: "e2ee", Values: []Value{{Key: "optional", Label: "Optional"}}}
	require.Equal(t, "Optional", c.ValueLabel("optional"))
	require.Equal(t, "free text", c.ValueLabel("free text"))
}

func TestFillAndExpand(t *testing.T) {
	tests := []struct {
		give string
		vars []string
		want string
	}{
		{"{page} · {practice}", []string{"page", "Overview", "practice", "The Room"}, "Overview · The Room"},
		{"no placeholders", nil, "no placeholders"},
		{"{unknown} stays", []string{"page", "x"}, "{unknown} stays"},
		{"open { brace", []string{"page", "x"}, "open { brace"},
		{"{n} of {n}", []string{"n", "3"}, "3 of 3"},
	}
	for _, tt := range tests {
		t.Run(tt.give, func(t *testing.T) {
			require.Equal(t, tt.want, Fill(tt.give, tt.vars...))
		})
	}
	got := Expand("{fact:e2ee} and {answer}", func(name, arg string) (string, bool) {
		if name == "fact" {
			return "[" + arg + "]", true
		}
		return "", false
	})
	require.Equal(t, "[e2ee] and {answer}", got)
}

func TestListAndDate(t *testing.T) {
	f := FrameLabels{ListAnd: " and "}
	require.Equal(t, "", f.List(nil))
	require.Equal(t, "A", f.List([]string{"A"}))
	require.Equal(t, "A and B", f.List([]string{"A", "B"}))
	require.Equal(t, "A, B and C", f.List([]string{"A", "B", "C"}))
	d := DateLabels{Format: "{day} {month} {year}", Months: []string{"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"}}
	require.Equal(t, "5 Nov 2026", d.Date("2026-11-05"))
	require.Equal(t, "2026-13-05", d.Date("2026-13-05"))
	require.Equal(t, "soon", d.Date("soon"))
}

func TestStatementHoldsAndSelects(t *testing.T) {
	st := Statement{If: map[string][]string{"devices": {"computer", "tablet"}}, Unless: map[string][]string{"devices": {"phone"}}, Where: map[string][]string{"account": {"none"}}}
	tests := []struct {
		give map[string][]string
		want bool
	}{
		{map[string][]string{"devices": {"computer"}}, true},
		{map[string][]string{"devices": {"tablet"}}, true},
		{map[string][]string{"devices": {"computer", "phone"}}, false},
		{map[string][]string{}, false},
	}
	for _, tt := range tests {
		require.Equal(t, tt.want, st.Holds(tt.give), "%v", tt.give)
	}
	linkOnly := Platform{Slug: "a", Facts: []Fact{{Criterion: "account", Value: "none"}}}
	phone := Platform{Slug: "b", Facts: []Fact{{Criterion: "account", Value: "phone-number"}}}
	require.True(t, st.Selects(&linkOnly))
	require.False(t, st.Selects(&phone))
	require.False(t, (&Statement{Platform: "b"}).Selects(&linkOnly))
	require.True(t, (&Statement{Platform: "b"}).Selects(&phone))
}
