//go:build !wasm

package bench

import "time"

// Visit says what one run does on one page.
type Visit struct {
	// Path is the page to open, e.g. "/questionnaire".
	Path string
	// App says the page runs a go-app app: the run lasts until app.js has
	// removed #app-wasm-loader and the page has settled.
	App bool
	// ReadyJS is a JavaScript expression that is true once the app is
	// usable (for the questionnaire: its Continue button is enabled). Empty
	// means "as soon as the loader is gone".
	ReadyJS string
	// KeepThrottled keeps the network throttled until the app runs. Without
	// it, the network is set free once the page has painted and loaded
	// (FCP and LCP are in), which shortens the wait for the wasm; the CPU
	// stays 4× slower, so layout shifts while the app starts still count.
	KeepThrottled bool
	// Click is the CSS selector of an input to click once the app is usable,
	// to measure the input delay.
	Click string
	// Repeat reloads the page once the service worker controls it and has
	// cached WasmPath, unthrottled, and measures the repeat visit.
	Repeat   bool
	WasmPath string
	// EarlyTap is a link to tap EarlyTapAfter after the first paint, while
	// the page may still be starting up; the tap does not navigate.
	EarlyTap string
	// Reach is what a client taps first on a page whose app waits for the
	// client (app.js starts it on the first tap, key or focus): as
	// soon as the page has painted, as a client who starts at once, or,
	// with ReachLate, ReachLateBy after app.wasm has arrived, as a client
	// who read first. A repeat visit taps it again as soon as the page has
	// painted.
	Reach     string
	ReachLate bool
}

// ReachLateBy is how long after app.wasm has arrived a late reach comes.
const ReachLateBy = time.Second

// EarlyTapAfter is how long after the first paint the early tap comes: a
// reader who taps a menu link as soon as the page shows.
const EarlyTapAfter = 1500 * time.Millisecond

// Sample is what one run measured. Times are milliseconds from the start
// of navigation; NaN where there is nothing to measure.
type Sample struct {
	// BusyStart is set when the machine's CPUs were still busy (other
	// processes) when the run started.
	BusyStart bool

	FCP, LCP, CLS float64
	// TBT is the total blocking time: the time by which the long tasks
	// after FCP went over 50 ms, until the run settled (Lighthouse stops
	// at time to interactive). LongestTask is the longest task of the run,
	// 0 when none took 50 ms.
	TBT, LongestTask float64
	// EarlyTapDelay is the input delay of the early tap (Visit.EarlyTap):
	// the longest processingStart-startTime of its Event Timing entries.
	EarlyTapDelay float64
	// HTMLEnd is when the page's HTML had arrived, BlockingEnd when the
	// last render-blocking resource had (Resource Timing's
	// renderBlockingStatus), and PreFCP what the resources requested
	// before FCP transferred: they shared the bandwidth with the ones the
	// first paint waited for.
	HTMLEnd, BlockingEnd float64
	PreFCP               Traffic
	// WasmStart and WasmEnd are when the page requested app.wasm and had
	// received it; NaN without an app.
	WasmStart, WasmEnd float64
	// LCPAfterFree is set when a largest-contentful-paint entry came after
	// the network was set free, i.e. the LCP depends on the app and the
	// run should be repeated with KeepThrottled.
	LCPAfterFree bool
	// Interactive is when #app-wasm-loader was removed; Ready when ReadyJS
	// first held; Reached when the client's first tap (Visit.Reach) was
	// made, NaN without one.
	Interactive, Ready, Reached float64
	// InputDelay is the largest processingStart-startTime of the Event
	// Timing entries of the click; InputDuration their largest duration.
	InputDelay, InputDuration float64
	InputEntries              int
	// PageBytes sums encodedDataLength of the page's own requests that went
	// over the network (not answered by the service worker or a cache),
	// until the page settled.
	PageBytes Traffic
	// SiteBytes is everything the server sent during the first visit,
	// including the service worker's precache; only for Repeat runs, which
	// wait for the precache to finish.
	SiteBytes Traffic
	// WasmSent is how many times the server sent app.wasm (WasmPath)
	// during the first visit: to the page, and again to the service
	// worker's precache unless it was answered from the HTTP cache.
	WasmSent    int
	FirstServed []Served
	Repeat      *RepeatSample
}

// RepeatSample is a reload once the service worker controls the page,
// without any throttling.
type RepeatSample struct {
	Interactive, Ready float64
	// PageBytes as above; SiteBytes everything the server sent, and Served
	// what it was.
	PageBytes Traffic
	SiteBytes Traffic
	Served    []Served
}
