//go:build !wasm

package bench

import (
	"math"
	"testing"

	"github.com/stretchr/testify/require"
)

func TestMedian(t *testing.T) {
	tests := []struct {
		name string
		give []float64
		want float64
	}{
		{name: "odd count", give: []float64{5, 1, 3}, want: 3},
		{name: "even count takes the mean of the middle two", give: []float64{4, 1, 3, 2}, want: 2.5},
		{name: "one value", give: []float64{7}, want: 7},
		{name: "missing values are left out", give: []float64{NA, 10, 30, NA, 20}, want: 20},
		{name: "nothing measured", give: []float64{NA, NA}, want: NA},
		{name: "empty", give: nil, want: NA},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Median(tt.give)
			if math.IsNaN(tt.want) {
				require.True(t, math.IsNaN(got), "got %v", got)
				return
			}
			require.Equal(t, tt.want, got)
		})
	}
}

func TestMedianLeavesItsInputAlone(t *testing.T) {
	give := []float64{3, 1, 2}
	Median(give)
	require.Equal(t, []float64{3, 1, 2}, give)
}

func TestRatio(t *testing.T) {
	tests := []struct {
		name string
		give [2]float64
		want float64
	}{
		{name: "plain", give: [2]float64{110, 100}, want: 1.1},
		{name: "smaller", give: [2]float64{50, 200}, want: 0.25},
		{name: "zero base", give: [2]float64{5, 0}, want: NA},
		{name: "missing numerator", give: [2]float64{NA, 3}, want: NA},
		{name: "missing base", give: [2]float64{3, NA}, want: NA},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Ratio(tt.give[0], tt.give[1])
			if math.IsNaN(tt.want) {
				require.True(t, math.IsNaN(got), "got %v", got)
				return
			}
			require.InDelta(t, tt.want, got, 1e-12)
		})
	}
}

func TestMaxAndCount(t *testing.T) {
	tests := []struct {
		name      string
		give      []float64
		wantMax   float64
		wantCount int
	}{
		{name: "values", give: []float64{1, 9, 4}, wantMax: 9, wantCount: 3},
		{name: "with missing", give: []float64{NA, -2, NA}, wantMax: -2, wantCount: 1},
		{name: "none", give: []float64{NA}, wantMax: NA, wantCount: 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			require.Equal(t, tt.wantCount, Count(tt.give))
			got := Max(tt.give)
			if math.IsNaN(tt.wantMax) {
				require.True(t, math.IsNaN(got))
				return
			}
			require.Equal(t, tt.wantMax, got)
		})
	}
}
