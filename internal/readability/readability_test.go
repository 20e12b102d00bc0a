package readability

import (
	"testing"

	"github.com/stretchr/testify/require"
)

func TestSyllables(t *testing.T) {
	tests := []struct {
		give string
		want int
	}{
		{"a", 1}, {"the", 1}, {"call", 1}, {"private", 2}, {"session", 2},
		{"encrypted", 3}, {"encryption", 3}, {"therapy", 3}, {"platform", 2},
		{"metadata", 4}, {"possible", 3}, {"sees", 1}, {"wanted", 2},
		{"recorded", 3}, {"houses", 2}, {"yes", 1}, {"don't", 1}, {"2026", 1},
	}
	for _, tt := range tests {
		t.Run(tt.give, func(t *testing.T) {
			require.Equal(t, tt.want, Syllables(tt.give))
		})
	}
}

func TestMeasure(t *testing.T) {
	tests := []struct {
		name      string
		give      []Passage
		wantBelow float64
		wantAbove float64
		hardest   string
	}{
		{name: "short plain sentences",
			give:      []Passage{{Line: 1, Text: "The call is private. Only you and I can hear it."}},
			wantBelow: 3, wantAbove: -4, hardest: "The call is private"},
		{name: "a long sentence of long words",
			give: []Passage{
				{Line: 1, Text: "Open the link."},
				{Line: 2, Text: "Organisational oversight characteristically necessitates comprehensive administrative configuration, continuous verification and institutional accountability."},
			},
			wantBelow: 40, wantAbove: 14, hardest: "Organisational oversight"},
		{name: "headings and list items are sentences of their own",
			give:      []Passage{{Line: 1, Text: "Security and control"}, {Line: 2, Text: "Open the link"}},
			wantBelow: 8, wantAbove: -4, hardest: "Security and control"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sc := Measure(tt.give)
			require.Less(t, sc.Grade, tt.wantBelow)
			require.Greater(t, sc.Grade, tt.wantAbove)
			require.NotEmpty(t, sc.Hardest)
			require.Contains(t, sc.Hardest[0].Text, tt.hardest)
		})
	}
	require.Zero(t, Measure(nil).Grade)
}
