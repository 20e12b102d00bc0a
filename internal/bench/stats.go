//go:build !wasm

package bench

import (
	"math"
	"slices"
)

// NA marks a value that does not exist (the static limit has no app) or
// could not be measured.
var NA = math.NaN()

// Median returns the median of the values that are not NaN, or NaN when
// there are none. With an even count it is the mean of the middle two.
func Median(xs []float64) float64 {
	var v []float64
	for _, x := range xs {
		if !math.IsNaN(x) {
			v = append(v, x)
		}
	}
	if len(v) == 0 {
		return NA
	}
	slices.Sort(v)
	n := len(v)
	if n%2 == 1 {
		return v[n/2]
	}
	return (v[n/2-1] + v[n/2]) / 2
}

// Max returns the largest value that is not NaN, or NaN when there is none.
func Max(xs []float64) float64 {
	m := NA
	for _, x := range xs {
		if !math.IsNaN(x) && (math.IsNaN(m) || x > m) {
			m = x
		}
	}
	return m
}

// Ratio returns a/b, or NaN when either is missing or b is not positive.
func Ratio(a, b float64) float64 {
	if math.IsNaN(a) || math.IsNaN(b) || b <= 0 {
		return NA
	}
	return a / b
}

// Count returns how many values are not NaN.
func Count(xs []float64) int {
	n := 0
	for _, x := range xs {
		if !math.IsNaN(x) {
			n++
		}
	}
	return n
}
