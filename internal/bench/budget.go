//go:build !wasm

package bench

import (
	"fmt"
	"math"
)

// The budgets.
const (
	// FCP and LCP of every route at most this times the static limit's.
	PaintRatioBudget = 1.1
	// CLS of every route at most this.
	CLSBudget = 0.01
	// On every route but the app's, where the reader reads: total
	// blocking time, the longest task and the input delay of a tap on a
	// menu link during start-up, each at most this many milliseconds.
	ReadingTBTBudget      = 200.0
	ReadingLongTaskBudget = 200.0
	ReadingTapBudget      = 100.0
	// Lighthouse's performance score at least this on the reading pages,
	// and AppLighthouseBudget on the app's; accessibility, best practices
	// and SEO stay at 100 everywhere.
	ReadingLighthouseBudget = 95.0
	AppLighthouseBudget     = 90.0
	// app.wasm (Brotli) at most this times the hello app's.
	WasmRatioBudget = 1.1
	// Time to interactive of the app route at most this times the hello
	// app's.
	InteractiveRatioBudget = 1.15
	// Usable (Continue enabled) of the app route at most this times the
	// hello app's interactive: no later than when the questionnaire's
	// start was measured for issue 12.
	UsableRatioBudget = 1.14
	// Input delay of the click at most this, in milliseconds, at 4× CPU.
	InputDelayBudget = 100.0
	// Repeat visit: interactive within this many milliseconds, unthrottled.
	RepeatInteractiveBudget = 1000.0
)

// Check is one budget, held or missed.
type Check struct {
	Name string
	OK   bool
	// Detail says what was measured against what.
	Detail string
}

// CheckBudgets evaluates every budget. A value that could not be measured
// misses its budget.
func CheckBudgets(r Results) []Check {
	var out []Check
	add := func(name string, ok bool, format string, args ...any) {
		out = append(out, Check{Name: name, OK: ok, Detail: fmt.Sprintf(format, args...)})
	}
	relative := func(name string, got, base, ratio float64, baseName string, unit func(float64) string) {
		limit := ratio * base
		ok := !math.IsNaN(got) && !math.IsNaN(base) && got <= limit
		add(name, ok, "%s ≤ %s (%g × %s %s): %s", unit(got), unit(limit), ratio, baseName, unit(base), FormatRatio(Ratio(got, base)))
	}
	for _, route := range r.Routes {
		site, static := r.Site[route], r.Static[route]
		relative("FCP "+route, site.FCP, static.FCP, PaintRatioBudget, "static limit", FormatMS)
		relative("LCP "+route, site.LCP, static.LCP, PaintRatioBudget, "static limit", FormatMS)
	}
	for _, route := range r.Routes {
		if route == r.AppRoute {
			continue
		}
		site := r.Site[route]
		add("Total blocking time "+route, !math.IsNaN(site.TBT) && site.TBT <= ReadingTBTBudget, "%s ≤ %s", FormatMS(site.TBT), FormatMS(ReadingTBTBudget))
		add("Longest task "+route, !math.IsNaN(site.LongestTask) && site.LongestTask <= ReadingLongTaskBudget, "%s ≤ %s", FormatMS(site.LongestTask), FormatMS(ReadingLongTaskBudget))
		add("Input delay, early tap on "+route, !math.IsNaN(site.EarlyTapDelay) && site.EarlyTapDelay <= ReadingTapBudget, "%s ≤ %s", FormatMS(site.EarlyTapDelay), FormatMS(ReadingTapBudget))
	}
	for _, route := range r.Routes {
		lh, ok := r.Lighthouse[route]
		if !ok {
			continue
		}
		want := ReadingLighthouseBudget
		if route == r.AppRoute {
			want = AppLighthouseBudget
		}
		add("Lighthouse performance "+route, !math.IsNaN(lh.Performance) && lh.Performance >= want, "%.0f ≥ %.0f (TBT %s, LCP %s)", lh.Performance, want, FormatMS(lh.TBT), FormatMS(lh.LCP))
		add("Lighthouse accessibility, best practices, SEO "+route, lh.Accessibility == 100 && lh.BestPractices == 100 && lh.SEO == 100,
			"%.0f, %.0f, %.0f, all 100", lh.Accessibility, lh.BestPractices, lh.SEO)
	}
	for _, route := range r.Routes {
		cls := r.Site[route].CLS
		add("CLS "+route, !math.IsNaN(cls) && cls <= CLSBudget, "%s ≤ %s", FormatCLS(cls), FormatCLS(CLSBudget))
	}

	site, hello, what := float64(r.SiteWasm.Brotli), float64(r.HelloWasm.Brotli), "Brotli"
	if r.SiteWasm.Brotli < 0 || r.HelloWasm.Brotli < 0 {
		// Without the brotli command, gzip -9 is the next best measure.
		site, hello, what = float64(r.SiteWasm.Gzip), float64(r.HelloWasm.Gzip), "gzip -9 (Brotli n/a)"
	}
	relative("app.wasm size, "+what, site, hello, WasmRatioBudget, "go-app floor", FormatBytes)

	relative("Time to interactive "+r.AppRoute+" (#app-wasm-loader removed)", r.SiteApp.Interactive, r.Hello.Interactive,
		InteractiveRatioBudget, "go-app floor", FormatMS)
	relative("Usable "+r.AppRoute+" (Continue enabled)", r.SiteApp.Ready, r.Hello.Ready,
		UsableRatioBudget, "go-app floor", FormatMS)

	add("Input delay, click on "+r.AppRoute, !math.IsNaN(r.InputDelay) && r.InputDelay <= InputDelayBudget,
		"%s ≤ %s at %g× CPU slowdown (longest event duration %s)", FormatMS(r.InputDelay), FormatMS(InputDelayBudget),
		LighthouseMobile.CPUSlowdown, FormatMS(r.InputDuration))

	rep := r.SiteApp
	served, fetched := Heavy(rep.RepeatSiteBytes), Heavy(rep.RepeatPageBytes)
	measured := rep.RepeatSiteBytes != nil && rep.RepeatPageBytes != nil
	detail := "not measured"
	if measured {
		detail = fmt.Sprintf("the page's requests fetched %s and the server sent %s of HTML/wasm/CSS (most in any run)",
			FormatBytes(fetched), FormatBytes(served))
	}
	add("Repeat visit "+r.AppRoute+": no HTML, wasm or CSS over the network", measured && served == 0 && fetched == 0, "%s", detail)
	add("Repeat visit "+r.AppRoute+": interactive, unthrottled", !math.IsNaN(rep.RepeatInteractive) && rep.RepeatInteractive <= RepeatInteractiveBudget,
		"%s ≤ %s", FormatMS(rep.RepeatInteractive), FormatMS(RepeatInteractiveBudget))
	return out
}

// Heavy sums the HTML, wasm and CSS of t: what a repeat visit must not
// fetch again.
func Heavy(t Traffic) float64 {
	return t[KindHTML] + t[KindWasm] + t[KindCSS]
}

// Missed returns the checks that failed.
func Missed(checks []Check) []Check {
	var out []Check
	for _, c := range checks {
		if !c.OK {
			out = append(out, c)
		}
	}
	return out
}
