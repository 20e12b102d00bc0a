//go:build !wasm

package bench

import (
	"fmt"
	"slices"
	"sort"
)

// Samples are every run's measurements: by route for the site and the
// static limit, and the hello app's "/".
type Samples struct {
	Site   map[string][]Sample
	Static map[string][]Sample
	Hello  []Sample
	// LateReach are the app route's runs whose first tap came after
	// app.wasm had arrived (Visit.ReachLate).
	LateReach []Sample
}

// PageResult is the medians for one page of one build.
type PageResult struct {
	FCP, LCP, CLS float64
	// TBT, LongestTask and EarlyTapDelay are the medians of the runs' (see
	// Sample).
	TBT, LongestTask, EarlyTapDelay float64
	// PageBytes is the median of what the page's own requests fetched over
	// the network on a first visit (DevTools' encodedDataLength).
	PageBytes float64
	// HTMLEnd, BlockingEnd, PreFCP and PreFCPJS are the medians of when
	// the HTML and the last render-blocking resource had arrived, and of
	// what the resources requested before FCP transferred (all, and
	// JavaScript).
	HTMLEnd, BlockingEnd, PreFCP, PreFCPJS float64
	// N is how many runs measured the page.
	N int
	// LCPAfterFree is set when, in some run, an LCP entry came after the
	// network was set free.
	LCPAfterFree bool
}

// AppResult is the medians for a page that runs the app and is visited
// again.
type AppResult struct {
	PageResult
	// Interactive: #app-wasm-loader removed; Ready: the page's own "usable"
	// condition (for the hello app the same moment).
	Interactive, Ready float64
	// WasmStart and WasmEnd are when the page requested app.wasm and had
	// received it.
	WasmStart, WasmEnd float64
	// WasmSent is the most times the server sent app.wasm in one first
	// visit (page and service worker).
	WasmSent int
	// FirstAll is everything the server sent on a first visit, the service
	// worker's precache included; FirstWasm the app.wasm part of it.
	FirstAll, FirstWasm float64
	// Repeat visit, unthrottled: medians of the times; by kind, the most
	// the page's requests fetched over the network (DevTools) and the most
	// the server sent in any run, so that one stray fetch shows. Nil when
	// there was no repeat visit.
	RepeatInteractive, RepeatReady float64
	RepeatPageBytes                Traffic
	RepeatSiteBytes                Traffic
	// RepeatFetched lists the files the server sent on some repeat visit.
	RepeatFetched []string
}

// Results are the medians the report and the budgets are made of.
type Results struct {
	Runs int
	// Routes are the site's measured routes, in order; App is the one
	// whose app was measured (the questionnaire).
	Routes   []string
	AppRoute string
	Site     map[string]PageResult
	Static   map[string]PageResult
	// SiteApp is the site's AppRoute; Hello the go-app floor's "/".
	SiteApp AppResult
	Hello   AppResult
	// LateReachWait is the median wait from a client's first tap, made
	// once app.wasm had arrived, to the app being usable; LateReachLongest
	// the median longest task of those runs: what a client who read first
	// meets when they start.
	LateReachWait, LateReachLongest float64
	// InputDelay and InputDuration are the medians over runs of the
	// largest Event Timing delay and duration of the click.
	InputDelay, InputDuration float64
	SiteWasm, HelloWasm       Sizes
	// Lighthouse holds the medians of Lighthouse's runs on the site, by
	// route; nil when Lighthouse was not run.
	Lighthouse map[string]LighthouseScores
	// LighthouseFloor is the medians of Lighthouse's runs on the go-app
	// floor's "/", whose app starts as the page opens; nil when not run.
	LighthouseFloor *LighthouseScores
}

func pick(ss []Sample, f func(Sample) float64) []float64 {
	out := make([]float64, 0, len(ss))
	for _, s := range ss {
		out = append(out, f(s))
	}
	return out
}

func pageResult(ss []Sample) PageResult {
	r := PageResult{
		FCP:           Median(pick(ss, func(s Sample) float64 { return s.FCP })),
		LCP:           Median(pick(ss, func(s Sample) float64 { return s.LCP })),
		CLS:           Median(pick(ss, func(s Sample) float64 { return s.CLS })),
		TBT:           Median(pick(ss, func(s Sample) float64 { return s.TBT })),
		LongestTask:   Median(pick(ss, func(s Sample) float64 { return s.LongestTask })),
		EarlyTapDelay: Median(pick(ss, func(s Sample) float64 { return s.EarlyTapDelay })),
		PageBytes:     Median(pick(ss, func(s Sample) float64 { return s.PageBytes.Total() })),
		HTMLEnd:       Median(pick(ss, func(s Sample) float64 { return s.HTMLEnd })),
		BlockingEnd:   Median(pick(ss, func(s Sample) float64 { return s.BlockingEnd })),
		PreFCP:        Median(pick(ss, func(s Sample) float64 { return nanIfNil(s.PreFCP, s.PreFCP.Total()) })),
		PreFCPJS:      Median(pick(ss, func(s Sample) float64 { return nanIfNil(s.PreFCP, s.PreFCP[KindJS]) })),
		N:             Count(pick(ss, func(s Sample) float64 { return s.FCP })),
	}
	for _, s := range ss {
		r.LCPAfterFree = r.LCPAfterFree || s.LCPAfterFree
	}
	return r
}

func nanIfNil(t Traffic, v float64) float64 {
	if t == nil {
		return NA
	}
	return v
}

func appResult(ss []Sample) AppResult {
	r := AppResult{
		PageResult:  pageResult(ss),
		Interactive: Median(pick(ss, func(s Sample) float64 { return s.Interactive })),
		Ready:       Median(pick(ss, func(s Sample) float64 { return s.Ready })),
		WasmStart:   Median(pick(ss, func(s Sample) float64 { return s.WasmStart })),
		WasmEnd:     Median(pick(ss, func(s Sample) float64 { return s.WasmEnd })),
		FirstAll: Median(pick(ss, func(s Sample) float64 {
			if s.SiteBytes == nil {
				return NA
			}
			return s.SiteBytes.Total()
		})),
		FirstWasm: Median(pick(ss, func(s Sample) float64 {
			if s.SiteBytes == nil {
				return NA
			}
			return s.SiteBytes[KindWasm]
		})),
		RepeatInteractive: NA, RepeatReady: NA,
	}
	for _, s := range ss {
		r.WasmSent = max(r.WasmSent, s.WasmSent)
	}
	var reps []*RepeatSample
	for _, s := range ss {
		if s.Repeat != nil {
			reps = append(reps, s.Repeat)
		}
	}
	if len(reps) == 0 {
		return r
	}
	r.RepeatInteractive = Median(pickRepeat(reps, func(s *RepeatSample) float64 { return s.Interactive }))
	r.RepeatReady = Median(pickRepeat(reps, func(s *RepeatSample) float64 { return s.Ready }))
	r.RepeatPageBytes, r.RepeatSiteBytes = Traffic{}, Traffic{}
	seen := map[string]bool{}
	for _, s := range reps {
		for k, v := range s.PageBytes {
			r.RepeatPageBytes[k] = max(r.RepeatPageBytes[k], v)
		}
		for k, v := range s.SiteBytes {
			r.RepeatSiteBytes[k] = max(r.RepeatSiteBytes[k], v)
		}
		for _, f := range s.Served {
			if f.Bytes > 0 {
				seen[fmt.Sprintf("%s (%s)", f.Path, f.Kind)] = true
			}
		}
	}
	for f := range seen {
		r.RepeatFetched = append(r.RepeatFetched, f)
	}
	sort.Strings(r.RepeatFetched)
	return r
}

func pickRepeat(rs []*RepeatSample, f func(*RepeatSample) float64) []float64 {
	out := make([]float64, 0, len(rs))
	for _, r := range rs {
		out = append(out, f(r))
	}
	return out
}

// Summarize turns every run's samples into medians.
func Summarize(runs int, routes []string, appRoute string, s Samples, siteWasm, helloWasm Sizes) Results {
	r := Results{
		Runs:      runs,
		Routes:    slices.Clone(routes),
		AppRoute:  appRoute,
		Site:      map[string]PageResult{},
		Static:    map[string]PageResult{},
		SiteWasm:  siteWasm,
		HelloWasm: helloWasm,
	}
	for _, route := range routes {
		r.Site[route] = pageResult(s.Site[route])
		r.Static[route] = pageResult(s.Static[route])
	}
	r.SiteApp = appResult(s.Site[appRoute])
	r.Hello = appResult(s.Hello)
	r.LateReachWait = Median(pick(s.LateReach, func(s Sample) float64 { return s.Ready - s.Reached }))
	r.LateReachLongest = Median(pick(s.LateReach, func(s Sample) float64 { return s.LongestTask }))
	r.InputDelay = Median(pick(s.Site[appRoute], func(s Sample) float64 { return s.InputDelay }))
	r.InputDuration = Median(pick(s.Site[appRoute], func(s Sample) float64 { return s.InputDuration }))
	return r
}
