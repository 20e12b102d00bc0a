//go:build !wasm

package bench

import (
	"context"
	"fmt"
	"math"
	"net/url"
	"strings"
	"time"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

func ms(v float64) float64 {
	if v < 0 {
		return NA
	}
	return v
}

// Measure opens origin+v.Path in a new Chromium with a fresh profile,
// throttled by t, and measures it. srv is the server of origin: what it
// sends is counted.
func Measure(chromiumPath string, t Throttle, srv *Server, v Visit, timeout time.Duration) (s Sample, err error) {
	b, err := launch(chromiumPath, t, timeout)
	if err != nil {
		return Sample{}, err
	}
	defer b.stop()
	srv.Take()

	ready := "true"
	if v.ReadyJS != "" {
		ready = v.ReadyJS
	}
	script := strings.Replace(instrument, "__READY__", ready, 1)
	// Let the new browser finish starting up, and other work on the machine
	// calm down, before the clock runs; and before the CPU slowdown, which
	// keeps a core busy by itself.
	busy := !WaitIdle(0.85, 200*time.Millisecond, 3*time.Second)
	if err := chromedp.Run(b.ctx,
		chromedp.ActionFunc(func(ctx context.Context) error {
			_, err := page.AddScriptToEvaluateOnNewDocument(script).Do(ctx)
			return err
		}),
		t.Screen(),
		t.CPU(true),
	); err != nil {
		return Sample{}, err
	}
	if err := b.setNetwork(true); err != nil {
		return Sample{}, err
	}
	if err := chromedp.Run(b.ctx, chromedp.Navigate(srv.URL+v.Path)); err != nil {
		return Sample{}, fmt.Errorf("opening %s: %w", v.Path, err)
	}

	if v.App && !v.KeepThrottled {
		// FCP and LCP are in once the page has loaded and painted; then
		// only the app is left to wait for.
		if err := poll(timeout, 100*time.Millisecond, "waiting for FCP and LCP", func() (bool, string, error) {
			st, err := b.state()
			return st.FCP >= 0 && st.LCP >= 0, fmt.Sprintf("fcp=%.0f lcp=%.0f", st.FCP, st.LCP), err
		}); err != nil {
			return Sample{}, err
		}
		if err := b.eval(`new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => { window.__bench.free = performance.now(); r(true); })))`, nil); err != nil {
			return Sample{}, err
		}
		if err := b.setNetwork(false); err != nil {
			return Sample{}, err
		}
	}

	if v.EarlyTap != "" {
		if err := b.tapEarly(v.EarlyTap, timeout); err != nil {
			return Sample{}, fmt.Errorf("%s: %w", v.Path, err)
		}
	}
	reached := NA
	if v.Reach != "" {
		if reached, err = b.reach(v.Reach, v.ReachLate, v.WasmPath, timeout); err != nil {
			return Sample{}, fmt.Errorf("%s: %w", v.Path, err)
		}
	}

	st, err := b.settle(v.App, 500*time.Millisecond, timeout)
	if err != nil {
		return Sample{}, fmt.Errorf("%s: %w", v.Path, err)
	}
	if len(st.Unsupported) > 0 {
		return Sample{}, fmt.Errorf("this Chromium does not support PerformanceObserver types %v", st.Unsupported)
	}
	s = Sample{
		BusyStart:     busy,
		FCP:           st.FCP,
		LCP:           st.LCP,
		CLS:           st.CLS,
		LCPAfterFree:  st.LCPAfterFree,
		Interactive:   NA,
		Ready:         NA,
		Reached:       reached,
		InputDelay:    NA,
		InputDuration: NA,
		PageBytes:     b.net.traffic(),
		EarlyTapDelay: NA,
	}
	s.TBT, s.LongestTask = blocking(st)
	if v.EarlyTap != "" {
		if s.EarlyTapDelay, err = tapDelay(st); err != nil {
			return Sample{}, fmt.Errorf("%s: %w", v.Path, err)
		}
	}
	s.HTMLEnd, s.BlockingEnd, s.PreFCP, s.WasmStart, s.WasmEnd = timings(st, v.WasmPath)
	if v.App {
		s.Interactive, s.Ready = ms(st.LoaderGone), ms(st.Ready)
	}

	if v.Click != "" {
		if err := b.click(v.Click, &s, timeout); err != nil {
			return Sample{}, err
		}
	}

	if v.Repeat {
		if err := b.repeat(srv, v, &s, timeout); err != nil {
			return Sample{}, err
		}
	}
	return s, nil
}

// timings reads where the time went from the Resource Timing entries.
func timings(st pageState, wasmPath string) (htmlEnd, blockingEnd float64, preFCP Traffic, wasmStart, wasmEnd float64) {
	htmlEnd, blockingEnd, wasmStart, wasmEnd = ms(st.HTMLEnd), ms(st.HTMLEnd), NA, NA
	preFCP = Traffic{}
	for _, r := range st.Resources {
		p := r.URL
		if u, err := url.Parse(r.URL); err == nil {
			p = u.Path
		}
		if r.Blocking {
			blockingEnd = math.Max(blockingEnd, r.End)
		}
		if st.FCP >= 0 && r.Start < st.FCP {
			preFCP[KindOf(p, "")] += r.Size
		}
		if wasmPath != "" && p == wasmPath && math.IsNaN(wasmStart) {
			wasmStart, wasmEnd = r.Start, r.End
		}
	}
	return htmlEnd, blockingEnd, preFCP, wasmStart, wasmEnd
}

// click clicks sel and reads the Event Timing entries it caused.
func (b *browser) click(sel string, s *Sample, timeout time.Duration) error {
	var before float64
	if err := b.eval(`performance.now()`, &before); err != nil {
		return err
	}
	if err := chromedp.Run(b.ctx, chromedp.Click(sel, chromedp.ByQuery, chromedp.NodeVisible)); err != nil {
		return fmt.Errorf("clicking %s: %w", sel, err)
	}
	var st pageState
	var seenFirst time.Time
	err := poll(10*time.Second, 100*time.Millisecond, "waiting for the click's Event Timing entries", func() (bool, string, error) {
		var err error
		st, err = b.state()
		if err != nil {
			return false, "", err
		}
		if st.FirstInput == nil {
			return false, "no first-input entry", nil
		}
		if seenFirst.IsZero() {
			seenFirst = time.Now()
		}
		for _, e := range st.Events {
			if e.Name == "click" && e.Start >= before {
				return true, "", nil
			}
		}
		// A click handled in under 16 ms has no "event" entry: the
		// first-input entry is then all there is.
		return time.Since(seenFirst) > 1500*time.Millisecond, "no click entry yet", nil
	})
	if err != nil {
		return err
	}
	entries := append([]eventTiming{*st.FirstInput}, st.Events...)
	s.InputDelay, s.InputDuration = 0, 0
	for _, e := range entries {
		if e.Start < before {
			continue
		}
		s.InputEntries++
		s.InputDelay = math.Max(s.InputDelay, e.ProcessingStart-e.Start)
		s.InputDuration = math.Max(s.InputDuration, e.Duration)
	}
	var checked bool
	if err := b.eval(`(() => { const e = document.querySelector(`+jsString(sel)+`); return !!e && e.checked; })()`, &checked); err != nil {
		return err
	}
	if !checked {
		return fmt.Errorf("clicking %s did not check it", sel)
	}
	return nil
}

// repeat waits for the service worker to control the page and hold the
// wasm, then reloads unthrottled and measures the repeat visit.
func (b *browser) repeat(srv *Server, v Visit, s *Sample, timeout time.Duration) error {
	wasm := jsString(v.WasmPath)
	err := poll(timeout, 250*time.Millisecond, "waiting for the service worker to control the page and cache "+v.WasmPath, func() (bool, string, error) {
		var ok bool
		err := b.eval(`(async () => !!navigator.serviceWorker.controller && !!(await caches.match(`+wasm+`)))()`, &ok)
		return ok, "", err
	})
	if err != nil {
		return err
	}
	s.FirstServed = srv.Take()
	s.SiteBytes = TrafficOf(s.FirstServed)
	for _, f := range s.FirstServed {
		if f.Kind == KindWasm && f.Bytes > 0 && strings.TrimSuffix(strings.TrimSuffix(f.Path, ".br"), ".gz") == v.WasmPath {
			s.WasmSent++
		}
	}

	if err := b.setNetwork(false); err != nil {
		return err
	}
	if err := chromedp.Run(b.ctx, b.throttle.CPU(false)); err != nil {
		return err
	}
	b.net.reset()
	srv.Take()
	if err := chromedp.Run(b.ctx, chromedp.Reload()); err != nil {
		return fmt.Errorf("reloading %s: %w", v.Path, err)
	}
	if v.Reach != "" {
		if _, err := b.reach(v.Reach, false, v.WasmPath, timeout); err != nil {
			return fmt.Errorf("repeat visit: %w", err)
		}
	}
	st, err := b.settle(true, 300*time.Millisecond, timeout)
	if err != nil {
		return fmt.Errorf("repeat visit: %w", err)
	}
	served := srv.Take()
	s.Repeat = &RepeatSample{
		Interactive: ms(st.LoaderGone),
		Ready:       ms(st.Ready),
		PageBytes:   b.net.traffic(),
		SiteBytes:   TrafficOf(served),
		Served:      served,
	}
	return nil
}

// blocking returns the total blocking time after FCP and the longest task
// of the run (see Sample).
func blocking(st pageState) (tbt, longest float64) {
	for _, lt := range st.LongTasks {
		start, d := lt[0], lt[1]
		longest = math.Max(longest, d)
		if st.FCP >= 0 && start >= st.FCP && d > 50 {
			tbt += d - 50
		}
	}
	return tbt, longest
}

// reach taps sel as a client's first touch (Visit.Reach): once the page
// has painted or, late, ReachLateBy after app.wasm has arrived. It returns
// when the tap was made, in the page's time.
func (b *browser) reach(sel string, late bool, wasmPath string, timeout time.Duration) (float64, error) {
	what := "waiting for FCP to tap " + sel
	if late {
		what = "waiting for app.wasm + " + ReachLateBy.String() + " to tap " + sel
	}
	var now float64
	err := poll(timeout, 20*time.Millisecond, what, func() (bool, string, error) {
		st, err := b.state()
		if err != nil {
			return false, "", err
		}
		now = st.Now
		if !late {
			return st.FCP >= 0, fmt.Sprintf("fcp=%.0f", st.FCP), nil
		}
		_, _, _, _, wasmEnd := timings(st, wasmPath)
		return wasmEnd > 0 && st.Now >= wasmEnd+float64(ReachLateBy.Milliseconds()), fmt.Sprintf("wasm=%.0f now=%.0f", wasmEnd, st.Now), nil
	})
	if err != nil {
		return NA, err
	}
	if err := chromedp.Run(b.ctx, chromedp.Click(sel, chromedp.ByQuery, chromedp.NodeVisible)); err != nil {
		return NA, fmt.Errorf("tapping %s: %w", sel, err)
	}
	return now, nil
}

// tapEarly waits until EarlyTapAfter past the first paint, then taps sel
// (a link, kept from navigating).
func (b *browser) tapEarly(sel string, timeout time.Duration) error {
	err := poll(timeout, 20*time.Millisecond, "waiting for FCP + "+EarlyTapAfter.String(), func() (bool, string, error) {
		st, err := b.state()
		return st.FCP >= 0 && st.Now >= st.FCP+float64(EarlyTapAfter.Milliseconds()), fmt.Sprintf("fcp=%.0f now=%.0f", st.FCP, st.Now), err
	})
	if err != nil {
		return err
	}
	if err := b.eval(`window.__bench.holdNav = true`, nil); err != nil {
		return err
	}
	if err := chromedp.Run(b.ctx, chromedp.Click(sel, chromedp.ByQuery, chromedp.NodeVisible)); err != nil {
		return fmt.Errorf("tapping %s: %w", sel, err)
	}
	return nil
}

// tapDelay is the early tap's input delay, as the page's first listeners
// saw it: the longest wait of its events, from their timestamp to being
// handled.
func tapDelay(st pageState) (float64, error) {
	if st.TapDelay < 0 {
		return NA, fmt.Errorf("the early tap reached the page with no event")
	}
	return st.TapDelay, nil
}
