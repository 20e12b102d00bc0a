//go:build !wasm

package bench

import (
	"fmt"
	"math"
	"strconv"
	"strings"
)

// Header is what the report says about the machine and the method.
type Header struct {
	Date      string
	GoVersion string
	Chromium  string
	CPU       string
	Cores     int
	Throttle  string
	Flags     []string
}

// FormatMS formats milliseconds, "–" when missing.
func FormatMS(v float64) string {
	if math.IsNaN(v) {
		return "–"
	}
	return thousands(int64(math.Round(v))) + " ms"
}

// FormatCLS formats a layout-shift score, "–" when missing.
func FormatCLS(v float64) string {
	if math.IsNaN(v) {
		return "–"
	}
	return strconv.FormatFloat(v, 'f', 3, 64)
}

// FormatBytes formats a byte count exactly, with a readable size after it
// from 10 kB up; "–" when missing.
func FormatBytes(v float64) string {
	if math.IsNaN(v) || v < 0 {
		return "–"
	}
	s := thousands(int64(math.Round(v))) + " B"
	switch {
	case v >= 1e6:
		s += fmt.Sprintf(" (%.2f MB)", v/1e6)
	case v >= 1e4:
		s += fmt.Sprintf(" (%.1f kB)", v/1e3)
	}
	return s
}

// FormatRatio formats a ratio as "1.07×", "–" when missing.
func FormatRatio(v float64) string {
	if math.IsNaN(v) {
		return "–"
	}
	return strconv.FormatFloat(v, 'f', 2, 64) + "×"
}

func thousands(n int64) string {
	s := strconv.FormatInt(n, 10)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	var b strings.Builder
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	if neg {
		return "-" + b.String()
	}
	return b.String()
}

func sizeOf(n int64) string {
	if n < 0 {
		return "n/a"
	}
	return FormatBytes(float64(n))
}

// Table is the Markdown table of medians: site, static limit, go-app floor
// and the ratios the budgets are about.
func Table(r Results) string {
	var b strings.Builder
	row := func(cells ...string) {
		b.WriteString("| " + strings.Join(cells, " | ") + " |\n")
	}
	row("Measure (median of "+strconv.Itoa(r.Runs)+" runs)", "Site", "Static limit", "go-app floor", "Ratio")
	row("---", "---:", "---:", "---:", "---:")
	hello := func(route string, v float64, f func(float64) string) string {
		if route != "/" {
			return "–"
		}
		return f(v)
	}
	code := func(s string) string { return "`" + s + "`" }
	for _, route := range r.Routes {
		site, static := r.Site[route], r.Static[route]
		row("FCP "+code(route), FormatMS(site.FCP), FormatMS(static.FCP), hello(route, r.Hello.FCP, FormatMS), FormatRatio(Ratio(site.FCP, static.FCP))+" static")
		row("LCP "+code(route), FormatMS(site.LCP), FormatMS(static.LCP), hello(route, r.Hello.LCP, FormatMS), FormatRatio(Ratio(site.LCP, static.LCP))+" static")
		row("CLS "+code(route), FormatCLS(site.CLS), FormatCLS(static.CLS), hello(route, r.Hello.CLS, FormatCLS), "")
		row("Total blocking time "+code(route), FormatMS(site.TBT), FormatMS(static.TBT), hello(route, r.Hello.TBT, FormatMS), "")
		row("Longest task "+code(route), FormatMS(site.LongestTask), FormatMS(static.LongestTask), hello(route, r.Hello.LongestTask, FormatMS), "")
		row("Input delay, tap on a menu link "+EarlyTapAfter.String()+" after FCP "+code(route), FormatMS(site.EarlyTapDelay), FormatMS(static.EarlyTapDelay), "–", "")
	}
	app := code(r.AppRoute)
	row("Interactive "+app+" (`#app-wasm-loader` removed; floor: `/`)", FormatMS(r.SiteApp.Interactive), "–", FormatMS(r.Hello.Interactive),
		FormatRatio(Ratio(r.SiteApp.Interactive, r.Hello.Interactive))+" floor")
	row("Usable "+app+" (Continue enabled; floor: as above)", FormatMS(r.SiteApp.Ready), "–", FormatMS(r.Hello.Ready),
		FormatRatio(Ratio(r.SiteApp.Ready, r.Hello.Ready))+" floor")
	row("Usable "+app+" after a first tap made "+ReachLateBy.String()+" after app.wasm arrived (a client who read first): wait from the tap", FormatMS(r.LateReachWait), "–", "–", "")
	row("Longest task in those runs", FormatMS(r.LateReachLongest), "–", "–", "")
	row("Input delay, click on the first option (largest of the click's events)", FormatMS(r.InputDelay), "–", "–", "")
	row("Event duration, same click (largest, INP-like)", FormatMS(r.InputDuration), "–", "–", "")
	for _, route := range r.Routes {
		site, static := r.Site[route], r.Static[route]
		row("First visit "+code(route)+": bytes the page fetched", FormatBytes(site.PageBytes), FormatBytes(static.PageBytes),
			hello(route, r.Hello.PageBytes, FormatBytes), FormatRatio(Ratio(site.PageBytes, static.PageBytes))+" static")
	}
	row("First visit "+app+": all bytes the server sent, service-worker precache included (floor: `/`)", FormatBytes(r.SiteApp.FirstAll), "–",
		FormatBytes(r.Hello.FirstAll), FormatRatio(Ratio(r.SiteApp.FirstAll, r.Hello.FirstAll))+" floor")
	row("… of which app.wasm", FormatBytes(r.SiteApp.FirstWasm), "–", FormatBytes(r.Hello.FirstWasm), FormatRatio(Ratio(r.SiteApp.FirstWasm, r.Hello.FirstWasm))+" floor")
	repeatBytes := func(a AppResult) string {
		if a.RepeatSiteBytes == nil {
			return "–"
		}
		return FormatBytes(a.RepeatSiteBytes.Total()) + " (HTML/wasm/CSS " + FormatBytes(max(Heavy(a.RepeatSiteBytes), Heavy(a.RepeatPageBytes))) + ")"
	}
	row("Repeat visit "+app+": bytes over the network, most in any run", repeatBytes(r.SiteApp), "–", repeatBytes(r.Hello), "")
	row("Repeat visit "+app+": interactive, unthrottled", FormatMS(r.SiteApp.RepeatInteractive), "–", FormatMS(r.Hello.RepeatInteractive),
		FormatRatio(Ratio(r.SiteApp.RepeatInteractive, r.Hello.RepeatInteractive))+" floor")
	row("Repeat visit "+app+": usable, unthrottled", FormatMS(r.SiteApp.RepeatReady), "–", FormatMS(r.Hello.RepeatReady),
		FormatRatio(Ratio(r.SiteApp.RepeatReady, r.Hello.RepeatReady))+" floor")
	sizes := func(name string, site, hello int64) {
		ratio := NA
		if site >= 0 && hello > 0 {
			ratio = float64(site) / float64(hello)
		}
		row(name, sizeOf(site), "–", sizeOf(hello), FormatRatio(ratio)+" floor")
	}
	sizes("app.wasm raw", r.SiteWasm.Raw, r.HelloWasm.Raw)
	sizes("app.wasm gzip -9", r.SiteWasm.Gzip, r.HelloWasm.Gzip)
	sizes("app.wasm brotli -q 11", r.SiteWasm.Brotli, r.HelloWasm.Brotli)
	return b.String()
}

// Timeline is where the time goes: what each page waited for before its
// first paint, and what the apps waited for before they ran.
func Timeline(r Results) string {
	var b strings.Builder
	row := func(cells ...string) {
		b.WriteString("| " + strings.Join(cells, " | ") + " |\n")
	}
	row("Page (medians)", "HTML received", "Render-blocking CSS/JS received", "FCP", "Transferred by requests made before FCP", "… of which JavaScript")
	row("---", "---:", "---:", "---:", "---:", "---:")
	page := func(name string, p PageResult) {
		row(name, FormatMS(p.HTMLEnd), FormatMS(p.BlockingEnd), FormatMS(p.FCP), FormatBytes(p.PreFCP), FormatBytes(p.PreFCPJS))
	}
	for _, route := range r.Routes {
		page("Site `"+route+"`", r.Site[route])
		page("Static limit `"+route+"`", r.Static[route])
	}
	page("go-app floor `/`", r.Hello.PageResult)
	b.WriteString("\n")
	row("App (medians)", "app.wasm requested", "app.wasm received", "`#app-wasm-loader` removed", "Usable")
	row("---", "---:", "---:", "---:", "---:")
	app := func(name string, a AppResult) {
		row(name, FormatMS(a.WasmStart), FormatMS(a.WasmEnd), FormatMS(a.Interactive), FormatMS(a.Ready))
	}
	app("Site `"+r.AppRoute+"`", r.SiteApp)
	app("go-app floor `/`", r.Hello)
	return b.String()
}

// Budgets lists the checks, held and missed.
func Budgets(checks []Check) string {
	var b strings.Builder
	missed := len(Missed(checks))
	if missed == 0 {
		fmt.Fprintf(&b, "All %d budgets held.\n\n", len(checks))
	} else {
		fmt.Fprintf(&b, "%d of %d budgets missed.\n\n", missed, len(checks))
	}
	for _, c := range checks {
		mark := "PASS"
		if !c.OK {
			mark = "FAIL"
		}
		fmt.Fprintf(&b, "- **%s** %s: %s\n", mark, c.Name, c.Detail)
	}
	return b.String()
}

// Markdown is the whole report: header, table, budgets and notes.
func Markdown(h Header, r Results, checks []Check, notes []string) string {
	var b strings.Builder
	b.WriteString("# Load performance, Lighthouse mobile profile\n\n")
	fmt.Fprintf(&b, "- Date: %s\n", h.Date)
	fmt.Fprintf(&b, "- Go: %s\n", h.GoVersion)
	fmt.Fprintf(&b, "- Chromium: %s\n", h.Chromium)
	fmt.Fprintf(&b, "- CPU: %s, %d cores\n", h.CPU, h.Cores)
	fmt.Fprintf(&b, "- Throttling: %s\n", h.Throttle)
	if len(h.Flags) > 0 {
		fmt.Fprintf(&b, "- Chromium flags: `%s`, a fresh `--user-data-dir` per run\n", strings.Join(h.Flags, " "))
	}
	fmt.Fprintf(&b, "- Runs: %d per page, medians\n\n", r.Runs)
	b.WriteString("## Results\n\n")
	b.WriteString(Table(r))
	if len(r.Lighthouse) > 0 {
		b.WriteString("\n## Lighthouse " + LighthouseVersion + ", mobile, simulated throttling (medians)\n\n")
		b.WriteString(LighthouseTable(r))
	}
	b.WriteString("\n## Where the time goes\n\n")
	b.WriteString(Timeline(r))
	b.WriteString("\n## Budgets\n\n")
	b.WriteString(Budgets(checks))
	if len(notes) > 0 {
		b.WriteString("\n## Notes\n\n")
		for _, n := range notes {
			b.WriteString("- " + n + "\n")
		}
	}
	return b.String()
}

// LighthouseTable is the Markdown table of Lighthouse's medians, by route.
func LighthouseTable(r Results) string {
	var b strings.Builder
	b.WriteString("| Page | Performance | Accessibility | Best practices | SEO | Total blocking time | LCP |\n")
	b.WriteString("| --- | ---: | ---: | ---: | ---: | ---: | ---: |\n")
	score := func(v float64) string {
		if math.IsNaN(v) {
			return "–"
		}
		return strconv.FormatFloat(v, 'f', 0, 64)
	}
	for _, route := range r.Routes {
		lh, ok := r.Lighthouse[route]
		if !ok {
			continue
		}
		fmt.Fprintf(&b, "| `%s` | %s | %s | %s | %s | %s | %s |\n", route, score(lh.Performance), score(lh.Accessibility),
			score(lh.BestPractices), score(lh.SEO), FormatMS(lh.TBT), FormatMS(lh.LCP))
	}
	if lh := r.LighthouseFloor; lh != nil {
		fmt.Fprintf(&b, "| go-app floor `/` | %s | %s | %s | %s | %s | %s |\n", score(lh.Performance), score(lh.Accessibility),
			score(lh.BestPractices), score(lh.SEO), FormatMS(lh.TBT), FormatMS(lh.LCP))
	}
	return b.String()
}
