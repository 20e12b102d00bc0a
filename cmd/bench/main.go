//go:build !wasm

// Command bench measures how the site loads on a slow phone, the way
// Lighthouse's mobile profile does, next to two baselines: the same pages
// with no script at all (the "static limit") and the smallest go-app v10 app
// (the "go-app floor"). It prints a Markdown report, writes it to
// cmd/bench/RESULTS.md and fails when a budget is missed.
//
//	go run ./cmd/bench [-runs 5] [-out FILE] [-no-budgets] [-full]
//
// It needs Chromium ($CHROMIUM, or chromium on PATH) and, for Brotli sizes,
// the brotli command (Debian: apt-get install brotli).
package main

import (
	"errors"
	"flag"
	"fmt"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"time"

	"callprivacy/internal/bench"
	"callprivacy/internal/chromium"
	"callprivacy/internal/content"
	"callprivacy/internal/site"
	"callprivacy/internal/staticsite"
)

func main() {
	if err := run(); err != nil {
		fmt.Fprintln(os.Stderr, "bench:", err)
		os.Exit(1)
	}
}

// The site's routes measured, and the one whose app is measured.
var (
	routes   = []string{"/", "/platforms/jitsi", "/compare", "/questionnaire"}
	appRoute = "/questionnaire"
	// questionnaireReady holds once the questionnaire is usable: its
	// Continue button is enabled when the component mounts in the browser.
	questionnaireReady = `(() => { const b = document.querySelector(".questionnaire .actions button.primary"); return !!b && !b.disabled; })()`
	clickTarget        = "#opt-devices-computer"
	// reachTarget is what the client touches first, which starts the
	// questionnaire's app (app.js): the page's title, so that the
	// click on an option measured afterwards is the first to tick it.
	reachTarget = "#" + site.PageTitleID
	// earlyTap is the menu link a reader taps as soon as a page shows.
	earlyTap = `.nav-pages a[href="/metadata"]`
	wasmPath = "/web/app.wasm"
)

func run() error {
	// Run from the module's root, as `make bench` does: it builds the
	// site from ./content and the app from ./cmd/callprivacy.
	mod, err := filepath.Abs(".")
	if err != nil {
		return err
	}
	if _, err := os.Stat(filepath.Join(mod, "cmd", "callprivacy")); err != nil {
		return errors.New("run the bench from the callprivacy module's root: make bench")
	}
	runs := flag.Int("runs", 5, "runs per page; the report shows medians")
	out := flag.String("out", filepath.Join(mod, "cmd", "bench", "RESULTS.md"), "where to write the report")
	noBudgets := flag.Bool("no-budgets", false, "report missed budgets without failing")
	full := flag.Bool("full", false, "keep the network throttled on every route until the app runs\n(by default it is set free on routes other than "+appRoute+" once FCP and LCP are in)")
	timeout := flag.Duration("timeout", 4*time.Minute, "time limit for one run")
	lighthouse := flag.String("lighthouse", filepath.Join(mod, ".cache", "lighthouse", "node_modules", ".bin", "lighthouse"),
		"the Lighthouse "+bench.LighthouseVersion+" to run on the site's pages (make bench installs it); \"\" leaves it out")
	flag.Parse()
	if flag.NArg() > 0 {
		return fmt.Errorf("unexpected arguments %q", flag.Args())
	}
	if *runs < 1 {
		return errors.New("-runs must be at least 1")
	}
	chromiumPath, err := chromium.Find()
	if err != nil {
		return err
	}
	start := time.Now()
	logf := func(format string, args ...any) {
		fmt.Fprintf(os.Stderr, "[%5.0fs] %s\n", time.Since(start).Seconds(), fmt.Sprintf(format, args...))
	}
	var notes []string
	if !bench.HaveBrotli() {
		fmt.Fprintln(os.Stderr, "bench: note:", bench.BrotliMissing)
		notes = append(notes, bench.BrotliMissing+"; the wasm size budget compares gzip -9 instead.")
	}

	tmp, err := os.MkdirTemp("", "callprivacy-bench-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	siteDir, staticDir, helloDir := filepath.Join(tmp, "site"), filepath.Join(tmp, "static"), filepath.Join(tmp, "hello")

	logf("building the site from content/")
	loaded, err := content.Load(os.DirFS(filepath.Join(mod, "content")), "content")
	if err != nil {
		return err
	}
	if _, err := staticsite.Build(loaded, staticsite.ModuleOptions(mod, siteDir, "")); err != nil {
		return fmt.Errorf("building the site: %w", err)
	}
	removed, err := bench.CopyStripped(siteDir, staticDir)
	if err != nil {
		return fmt.Errorf("building the static limit: %w", err)
	}
	logf("static limit: %d script elements removed", removed)
	logf("building the go-app floor (hello app, go-app %s)", bench.HelloVersion)
	if err := bench.BuildHello(bench.HelloOptions{ModuleDir: mod, Out: helloDir}); err != nil {
		return fmt.Errorf("building the hello app: %w", err)
	}
	// brotli -q 11 takes about 20 s per app.wasm: both at once.
	logf("measuring app.wasm sizes (gzip -9, brotli -q 11)")
	var siteWasm, helloWasm bench.Sizes
	var siteErr, helloErr error
	var wg sync.WaitGroup
	wg.Add(2)
	go func() {
		defer wg.Done()
		siteWasm, siteErr = bench.MeasureSizes(filepath.Join(siteDir, "web", "app.wasm"))
	}()
	go func() {
		defer wg.Done()
		helloWasm, helloErr = bench.MeasureSizes(filepath.Join(helloDir, "web", "app.wasm"))
	}()
	wg.Wait()
	if err := errors.Join(siteErr, helloErr); err != nil {
		return err
	}
	// Serve the floor the way the site is served.
	mirrored, err := bench.MirrorCompressed(siteDir, helloDir)
	if err != nil {
		return err
	}
	if len(mirrored) > 0 {
		notes = append(notes, fmt.Sprintf("The site ships precompressed files; the go-app floor got the same (gzip -9, brotli -q 11): %s.", strings.Join(mirrored, ", ")))
	}
	var servers []*bench.Server
	serve := func(dir string) (*bench.Server, error) {
		s, err := bench.Serve(dir)
		if err == nil {
			servers = append(servers, s)
		}
		return s, err
	}
	defer func() {
		for _, s := range servers {
			_ = s.Close()
		}
	}()
	siteSrv, err := serve(siteDir)
	if err != nil {
		return err
	}
	staticSrv, err := serve(staticDir)
	if err != nil {
		return err
	}
	helloSrv, err := serve(helloDir)
	if err != nil {
		return err
	}

	type job struct {
		build string
		srv   *bench.Server
		visit bench.Visit
		into  func(bench.Sample)
	}
	samples := bench.Samples{Site: map[string][]bench.Sample{}, Static: map[string][]bench.Sample{}}
	var jobs []job
	for _, route := range routes {
		route := route
		jobs = append(jobs, job{"static limit", staticSrv, bench.Visit{Path: route, EarlyTap: earlyTap},
			func(s bench.Sample) { samples.Static[route] = append(samples.Static[route], s) }})
		// Pages other than the questionnaire are plain documents: no app
		// to wait for (site.NeedsApp).
		v := bench.Visit{Path: route, App: site.NeedsApp(route), KeepThrottled: *full, WasmPath: wasmPath, EarlyTap: earlyTap}
		if route == appRoute {
			v = bench.Visit{Path: route, App: true, KeepThrottled: true, ReadyJS: questionnaireReady,
				Click: clickTarget, Repeat: true, WasmPath: wasmPath, Reach: reachTarget}
			jobs = append(jobs, job{"site, late first tap", siteSrv,
				bench.Visit{Path: route, App: true, KeepThrottled: true, ReadyJS: questionnaireReady,
					WasmPath: wasmPath, Reach: reachTarget, ReachLate: true},
				func(s bench.Sample) { samples.LateReach = append(samples.LateReach, s) }})
		}
		jobs = append(jobs, job{"site", siteSrv, v,
			func(s bench.Sample) { samples.Site[route] = append(samples.Site[route], s) }})
	}
	jobs = append(jobs, job{"go-app floor", helloSrv,
		bench.Visit{Path: "/", App: true, KeepThrottled: true, Repeat: true, WasmPath: wasmPath},
		func(s bench.Sample) { samples.Hello = append(samples.Hello, s) }})

	var failures []string
	busy, measured := 0, 0
	lcpAfterFree := map[string]bool{}
	for i := 1; i <= *runs; i++ {
		// Every page once per round, so that a slow moment of the machine
		// spreads over all of them.
		for _, j := range jobs {
			t0 := time.Now()
			s, err := bench.Measure(chromiumPath, bench.LighthouseMobile, j.srv, j.visit, *timeout)
			if err != nil {
				failures = append(failures, fmt.Sprintf("run %d, %s %s: %v", i, j.build, j.visit.Path, err))
				logf("run %d/%d %-12s %-17s FAILED: %v", i, *runs, j.build, j.visit.Path, err)
				s = failed()
			} else {
				logf("run %d/%d %-12s %-17s %s (%.1fs)", i, *runs, j.build, j.visit.Path, brief(s), time.Since(t0).Seconds())
			}
			measured++
			if s.BusyStart {
				busy++
			}
			if s.LCPAfterFree {
				lcpAfterFree[j.visit.Path] = true
			}
			j.into(s)
		}
	}

	results := bench.Summarize(*runs, routes, appRoute, samples, siteWasm, helloWasm)
	if *lighthouse != "" {
		// After every other run: Lighthouse starts its own Chromium and
		// throttles by simulation, from one unthrottled load per run.
		results.Lighthouse = map[string]bench.LighthouseScores{}
		for _, route := range routes {
			var scores []bench.LighthouseScores
			for i := 1; i <= *runs; i++ {
				sc, err := bench.RunLighthouse(*lighthouse, chromiumPath, siteSrv.URL+route)
				if err != nil {
					failures = append(failures, fmt.Sprintf("Lighthouse run %d, %s: %v", i, route, err))
					logf("Lighthouse run %d/%d %-17s FAILED: %v", i, *runs, route, err)
					continue
				}
				logf("Lighthouse run %d/%d %-17s performance %.0f, TBT %s", i, *runs, route, sc.Performance, bench.FormatMS(sc.TBT))
				scores = append(scores, sc)
			}
			results.Lighthouse[route] = bench.MedianScores(scores)
		}
		// The floor, for scale: its app starts as the page opens.
		var scores []bench.LighthouseScores
		for i := 1; i <= *runs; i++ {
			sc, err := bench.RunLighthouse(*lighthouse, chromiumPath, helloSrv.URL+"/")
			if err != nil {
				logf("Lighthouse run %d/%d go-app floor FAILED: %v", i, *runs, err)
				continue
			}
			logf("Lighthouse run %d/%d go-app floor       performance %.0f, TBT %s", i, *runs, sc.Performance, bench.FormatMS(sc.TBT))
			scores = append(scores, sc)
		}
		if len(scores) > 0 {
			floor := bench.MedianScores(scores)
			results.LighthouseFloor = &floor
		}
	} else {
		notes = append(notes, "Lighthouse was not run (-lighthouse \"\").")
	}
	checks := bench.CheckBudgets(results)
	notes = append(notes, methodNotes(*full)...)
	notes = append(notes, wasmServedNote(siteDir, results.SiteApp, siteWasm))
	if n := results.SiteApp.WasmSent; n > 1 {
		notes = append(notes, fmt.Sprintf("On a first visit of %s the server sent app.wasm %d times (%s in all, median): to the page, and again to the service worker's precache, whose fetches bypass the HTTP cache (the go-app floor's worker sent it %d time(s): its cache.addAll waits for the page's download in the HTTP cache). On a real link the downloads share the bandwidth.",
			appRoute, n, bench.FormatBytes(results.SiteApp.FirstWasm), results.Hello.WasmSent))
	}
	for route := range lcpAfterFree {
		notes = append(notes, fmt.Sprintf("WARNING: on %s an LCP entry came after the network was set free: the LCP depends on the app; run with -full for a faithful LCP.", route))
	}
	if len(results.SiteApp.RepeatFetched) > 0 {
		notes = append(notes, "Fetched from the server on a repeat visit: "+strings.Join(results.SiteApp.RepeatFetched, ", ")+".")
	}
	if busy > 0 {
		notes = append(notes, fmt.Sprintf("%d of %d runs started while the machine's CPUs were still busy with other work (less than 85 %% idle for 3 s): their times carry that noise.", busy, measured))
	}
	if *runs < 5 {
		notes = append(notes, fmt.Sprintf("Only %d runs per page: use at least 5 for results worth comparing.", *runs))
	}
	for _, f := range failures {
		notes = append(notes, "Failed run (left out of the medians): "+f)
	}

	header := bench.Header{
		Date:      time.Now().Format("2006-01-02 15:04 MST"),
		GoVersion: goVersion(),
		Chromium:  chromium.Version(chromiumPath),
		CPU:       cpuModel(),
		Cores:     runtime.NumCPU(),
		Throttle:  bench.LighthouseMobile.Describe(),
		Flags:     chromium.Flags,
	}
	report := bench.Markdown(header, results, checks, notes)
	fmt.Print(report)
	if err := os.MkdirAll(filepath.Dir(*out), 0o755); err != nil {
		return err
	}
	if err := os.WriteFile(*out, []byte(report), 0o644); err != nil {
		return err
	}
	logf("report written to %s", *out)

	missed := bench.Missed(checks)
	if len(missed) == 0 || *noBudgets {
		return nil
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%d budgets missed:", len(missed))
	for _, c := range missed {
		fmt.Fprintf(&b, "\n  - %s: %s", c.Name, c.Detail)
	}
	return errors.New(b.String())
}

// wasmServedNote says in which form the server sent app.wasm.
func wasmServedNote(siteDir string, app bench.AppResult, sizes bench.Sizes) string {
	if app.WasmSent == 0 || math.IsNaN(app.FirstWasm) {
		return "How app.wasm went over the network was not measured."
	}
	each := app.FirstWasm / float64(app.WasmSent)
	forms := []struct {
		name string
		size float64
	}{{"raw", float64(sizes.Raw)}}
	for _, enc := range []string{".br", ".gz"} {
		if fi, err := os.Stat(filepath.Join(siteDir, "web", "app.wasm"+enc)); err == nil {
			forms = append(forms, struct {
				name string
				size float64
			}{"as the build's app.wasm" + enc, float64(fi.Size())})
		}
	}
	for _, f := range forms {
		if math.Abs(each-f.size) <= 0.01*f.size {
			return fmt.Sprintf("The server sent app.wasm %s: %s each time.", f.name, bench.FormatBytes(each))
		}
	}
	return fmt.Sprintf("The server sent %s of app.wasm each time.", bench.FormatBytes(each))
}

func failed() bench.Sample {
	na := bench.NA
	return bench.Sample{FCP: na, LCP: na, CLS: na, Interactive: na, Ready: na, InputDelay: na, InputDuration: na}
}

func brief(s bench.Sample) string {
	out := fmt.Sprintf("FCP %s LCP %s CLS %s", bench.FormatMS(s.FCP), bench.FormatMS(s.LCP), bench.FormatCLS(s.CLS))
	if !math.IsNaN(s.Interactive) {
		out += " interactive " + bench.FormatMS(s.Interactive)
	}
	if !math.IsNaN(s.Ready) && s.Ready != s.Interactive {
		out += " usable " + bench.FormatMS(s.Ready)
	}
	if !math.IsNaN(s.InputDelay) {
		out += fmt.Sprintf(" input delay %s (duration %s)", bench.FormatMS(s.InputDelay), bench.FormatMS(s.InputDuration))
	}
	out += " page " + bench.FormatBytes(s.PageBytes.Total())
	if s.Repeat != nil {
		out += fmt.Sprintf("; repeat: interactive %s, %s over the network", bench.FormatMS(s.Repeat.Interactive), bench.FormatBytes(s.Repeat.SiteBytes.Total()))
	}
	return out
}

func methodNotes(full bool) []string {
	notes := []string{
		"FCP and LCP come from PerformanceObserver ('paint', 'largest-contentful-paint', buffered), read once the page has settled: loaded, the app (if any) running, no request of the page in flight and the DOM unchanged for 500 ms. CLS sums the 'layout-shift' entries without hadRecentInput over the same time.",
		"Interactive is the moment app.js removes #app-wasm-loader (a MutationObserver installed before any script). go-app removes it when go.run() first returns, i.e. when the Go program first blocks, not when it has rendered: the site's main() blocks reading web/site.json (which app.js fetched as the page opened) before it registers its routes, so the loader is gone before the questionnaire works. Usable is when the questionnaire's Continue button is enabled (the app's first render). For the hello app both are the same moment.",
		"The questionnaire's app starts when the client first reaches for the page (app.js, see internal/staticsite/app-start.js), so every questionnaire run taps " + reachTarget + " (the page's title) as a client would: as soon as the page has painted (FCP), which makes Interactive and Usable comparable with the go-app floor, whose app starts by itself; and again on the repeat visit. The late-tap runs tap it " + bench.ReachLateBy.String() + " after app.wasm has arrived, as a client who read first, and measure the wait from the tap to Continue being enabled.",
		"Input delay: once the questionnaire is usable, chromedp clicks " + clickTarget + " (Input.dispatchMouseEvent); the delay is the largest processingStart − startTime among the click's Event Timing entries ('event' with durationThreshold 16, and 'first-input'), the duration the largest duration.",
		"Network throttling applies to the page and, through their own DevTools sessions, to its service workers. Chromium throttles each target on its own, so a service worker downloading in parallel does not take bandwidth from the page as it would on a real link: first-visit times are optimistic whenever the precache runs alongside the page.",
		"The CPU slowdown applies to the page's main thread; Chromium compiles wasm on background threads, which are not slowed. Chromium 156's throttling keeps about 85 % of a core busy even on an idle page (measured here on about:blank), so on 2 cores a throttled run leaves little more than one core for the wasm compiler, the network stack and the server. Each run starts once the machine is at least 85 % idle (up to 3 s of waiting), before the slowdown is switched on.",
		"Bytes the page fetched: encodedDataLength of Network.loadingFinished for the page's own requests that went over the network (not answered by the service worker or a cache), headers included. Bytes the server sent: response bodies counted at the loopback server, whoever asked.",
		"Repeat visit: the same profile, once a service worker controls the page and holds app.wasm in Cache Storage; throttling off (network and CPU), then Page.reload.",
	}
	if !full {
		notes = append(notes, "On routes other than "+appRoute+", the network is set free once FCP and LCP are in (page loaded, two frames later), and the run then waits for the app unthrottled, CPU still 4× slower, so that layout shifts while the app starts still count and LCP entries after that point are flagged. -full keeps the network throttled there too.")
	}
	return notes
}

func goVersion() string {
	out, err := exec.Command("go", "version").Output()
	if err != nil {
		return runtime.Version() + " (go version failed: " + err.Error() + ")"
	}
	return strings.TrimSpace(string(out))
}

func cpuModel() string {
	b, err := os.ReadFile("/proc/cpuinfo")
	if err != nil {
		return runtime.GOARCH
	}
	for _, line := range strings.Split(string(b), "\n") {
		if k, v, ok := strings.Cut(line, ":"); ok && strings.TrimSpace(k) == "model name" {
			return strings.TrimSpace(v)
		}
	}
	return runtime.GOARCH
}
