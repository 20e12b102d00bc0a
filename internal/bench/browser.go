//go:build !wasm

package bench

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"math"
	"net/url"
	"os"
	"os/exec"
	"strings"
	"sync"
	"time"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	cdpruntime "github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/cdproto/target"
	"github.com/chromedp/chromedp"
)

// ChromiumFlags are the command-line flags every run starts Chromium with,
// besides a fresh --user-data-dir; listed in the report.
var ChromiumFlags = []string{
	"--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
	"--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
	"--no-default-browser-check",
	// Any host but loopback fails to resolve: nothing from another origin
	// can slow a run down or leak out of it.
	"--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
}

// ChromiumVersion asks the browser at path for its version.
func ChromiumVersion(path string) string {
	out, err := exec.Command(path, "--version").Output()
	if err != nil {
		return "unknown (" + err.Error() + ")"
	}
	return strings.TrimSpace(strings.SplitN(string(out), "\n", 2)[0])
}

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
}

// Sample is what one run measured. Times are milliseconds from the start
// of navigation; NaN where there is nothing to measure.
type Sample struct {
	// BusyStart is set when the machine's CPUs were still busy (other
	// processes) when the run started.
	BusyStart bool

	FCP, LCP, CLS float64
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
	// first held.
	Interactive, Ready float64
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

// instrument runs in every document before the page's own scripts. It
// records FCP, LCP, CLS, Event Timing entries and the moment app.js
// removes #app-wasm-loader, and when the DOM last changed.
const instrument = `(() => {
  if (window.__bench) return;
  const m = window.__bench = {
    fcp: -1, lcp: -1, lcpEntries: 0, lcpAfterFree: false, free: -1,
    cls: 0, shifts: 0,
    loaderSeen: false, loaderGone: -1, ready: -1, lastMutation: 0,
    events: [], firstInput: null, unsupported: [],
  };
  const observe = (type, each, opts) => {
    try {
      new PerformanceObserver((list) => list.getEntries().forEach(each))
        .observe(Object.assign({type: type, buffered: true}, opts || {}));
    } catch (e) { m.unsupported.push(type); }
  };
  observe("paint", (e) => { if (e.name === "first-contentful-paint") m.fcp = e.startTime; });
  observe("largest-contentful-paint", (e) => {
    m.lcp = e.startTime;
    m.lcpEntries++;
    if (m.free >= 0 && e.startTime > m.free) m.lcpAfterFree = true;
  });
  observe("layout-shift", (e) => { if (!e.hadRecentInput) { m.cls += e.value; m.shifts++; } });
  const timing = (e) => ({name: e.name, start: e.startTime, processingStart: e.processingStart,
    processingEnd: e.processingEnd, duration: e.duration, interactionId: e.interactionId || 0});
  observe("event", (e) => m.events.push(timing(e)), {durationThreshold: 16});
  observe("first-input", (e) => { m.firstInput = timing(e); });
  const ready = () => { try { return !!(__READY__); } catch (e) { return false; } };
  m.check = () => {
    const now = performance.now();
    if (document.getElementById("app-wasm-loader")) m.loaderSeen = true;
    else if (m.loaderSeen && m.loaderGone < 0) m.loaderGone = now;
    if (m.loaderGone >= 0 && m.ready < 0 && ready()) m.ready = now;
  };
  new MutationObserver(() => { m.lastMutation = performance.now(); m.check(); })
    .observe(document, {childList: true, subtree: true, attributes: true, characterData: true});
})();`

// readState reads window.__bench and a few facts about the page.
const readState = `(() => {
  const m = window.__bench || {};
  if (m.check) m.check();
  return JSON.stringify(Object.assign({}, m, {
    now: performance.now(),
    readyState: document.readyState,
    controlled: !!(navigator.serviceWorker && navigator.serviceWorker.controller),
    loaderLabel: (document.getElementById("app-wasm-loader-label") || {}).innerText || "",
    htmlEnd: (performance.getEntriesByType("navigation")[0] || {}).responseEnd || -1,
    resources: performance.getEntriesByType("resource").map((e) => ({
      url: e.name, start: e.startTime, end: e.responseEnd, size: e.transferSize,
      blocking: e.renderBlockingStatus === "blocking",
    })),
  }));
})()`

type eventTiming struct {
	Name            string  `json:"name"`
	Start           float64 `json:"start"`
	ProcessingStart float64 `json:"processingStart"`
	ProcessingEnd   float64 `json:"processingEnd"`
	Duration        float64 `json:"duration"`
	InteractionID   float64 `json:"interactionId"`
}

type pageState struct {
	FCP          float64       `json:"fcp"`
	LCP          float64       `json:"lcp"`
	LCPEntries   int           `json:"lcpEntries"`
	LCPAfterFree bool          `json:"lcpAfterFree"`
	CLS          float64       `json:"cls"`
	Shifts       int           `json:"shifts"`
	LoaderSeen   bool          `json:"loaderSeen"`
	LoaderGone   float64       `json:"loaderGone"`
	Ready        float64       `json:"ready"`
	LastMutation float64       `json:"lastMutation"`
	Events       []eventTiming `json:"events"`
	FirstInput   *eventTiming  `json:"firstInput"`
	Unsupported  []string      `json:"unsupported"`
	Now          float64       `json:"now"`
	ReadyState   string        `json:"readyState"`
	Controlled   bool          `json:"controlled"`
	LoaderLabel  string        `json:"loaderLabel"`
	HTMLEnd      float64       `json:"htmlEnd"`
	Resources    []resource    `json:"resources"`
}

type resource struct {
	URL      string  `json:"url"`
	Start    float64 `json:"start"`
	End      float64 `json:"end"`
	Size     float64 `json:"size"`
	Blocking bool    `json:"blocking"`
}

// browser is one headless Chromium with a fresh profile.
type browser struct {
	ctx      context.Context
	stop     func()
	profile  string
	throttle Throttle
	net      *netLog

	mu      sync.Mutex
	netOn   bool
	workers []context.Context
}

func launch(chromium string, t Throttle, timeout time.Duration) (*browser, error) {
	profile, err := os.MkdirTemp("", "callprivacy-bench-chromium-")
	if err != nil {
		return nil, err
	}
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(chromium),
		chromedp.UserDataDir(profile),
		chromedp.WindowSize(int(t.Width), int(t.Height)),
	}
	for _, f := range ChromiumFlags {
		name, value, ok := strings.Cut(strings.TrimPrefix(f, "--"), "=")
		if ok {
			opts = append(opts, chromedp.Flag(name, value))
		} else {
			opts = append(opts, chromedp.Flag(name, true))
		}
	}
	alloc, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	browserCtx, cancelBrowser := chromedp.NewContext(alloc)
	ctx, cancelTimeout := context.WithTimeout(browserCtx, timeout)
	b := &browser{
		ctx:      ctx,
		profile:  profile,
		throttle: t,
		net:      newNetLog(),
	}
	b.stop = func() {
		// Close Chromium gracefully and wait for it to exit, so that none of
		// its processes writes to the profile once it is deleted.
		closing, cancelClosing := context.WithTimeout(browserCtx, 10*time.Second)
		_ = chromedp.Cancel(closing)
		cancelClosing()
		cancelTimeout()
		cancelBrowser()
		cancelAlloc() // waits for the browser process
		removeAll(profile)
	}
	chromedp.ListenTarget(ctx, b.net.listen)
	if err := chromedp.Run(ctx, network.Enable()); err != nil {
		b.stop()
		return nil, fmt.Errorf("starting %s: %w", chromium, err)
	}
	// Service workers fetch on their own: throttle them like the page.
	chromedp.ListenBrowser(ctx, func(ev any) {
		if e, ok := ev.(*target.EventTargetCreated); ok && e.TargetInfo.Type == "service_worker" {
			go b.attachWorker(e.TargetInfo.TargetID)
		}
	})
	return b, nil
}

// removeAll deletes dir, again if a last write of an exiting process
// brings part of it back.
func removeAll(dir string) {
	for range 20 {
		_ = os.RemoveAll(dir)
		time.Sleep(100 * time.Millisecond)
		if _, err := os.Stat(dir); errors.Is(err, fs.ErrNotExist) {
			return
		}
	}
}

func (b *browser) attachWorker(id target.ID) {
	ctx, _ := chromedp.NewContext(b.ctx, chromedp.WithTargetID(id)) // ends with the browser
	b.mu.Lock()
	on := b.netOn
	b.mu.Unlock()
	if err := chromedp.Run(ctx, b.throttle.Network(on)); err != nil {
		return
	}
	b.mu.Lock()
	b.workers = append(b.workers, ctx)
	again := b.netOn != on
	on = b.netOn
	b.mu.Unlock()
	if again {
		_ = chromedp.Run(ctx, b.throttle.Network(on))
	}
}

// setNetwork throttles or frees the network of the page and of every
// service worker, present and future.
func (b *browser) setNetwork(on bool) error {
	b.mu.Lock()
	b.netOn = on
	workers := append([]context.Context(nil), b.workers...)
	b.mu.Unlock()
	for _, w := range workers {
		_ = chromedp.Run(w, b.throttle.Network(on)) // a stopped worker is gone
	}
	return chromedp.Run(b.ctx, b.throttle.Network(on))
}

func (b *browser) state() (pageState, error) {
	var s string
	if err := chromedp.Run(b.ctx, chromedp.Evaluate(readState, &s)); err != nil {
		return pageState{}, err
	}
	var st pageState
	err := json.Unmarshal([]byte(s), &st)
	return st, err
}

func (b *browser) eval(expr string, out any) error {
	return chromedp.Run(b.ctx, chromedp.Evaluate(expr, out, func(p *cdpruntime.EvaluateParams) *cdpruntime.EvaluateParams {
		return p.WithAwaitPromise(true)
	}))
}

// poll checks cond every interval until it holds, it fails, or timeout.
func poll(timeout, interval time.Duration, what string, cond func() (bool, string, error)) error {
	deadline := time.Now().Add(timeout)
	for {
		ok, detail, err := cond()
		if err != nil {
			return err
		}
		if ok {
			return nil
		}
		if time.Now().After(deadline) {
			return fmt.Errorf("%s: not within %v (%s)", what, timeout, detail)
		}
		time.Sleep(interval)
	}
}

// settle waits until the page has loaded and painted, the app (if any)
// runs and is ready, no request of the page is in flight and the DOM has
// not changed for quiet.
func (b *browser) settle(app bool, quiet, timeout time.Duration) (pageState, error) {
	var st pageState
	err := poll(timeout, 200*time.Millisecond, "waiting for the page to settle", func() (bool, string, error) {
		var err error
		st, err = b.state()
		if err != nil {
			return false, "", err
		}
		inflight := b.net.inflight()
		detail := fmt.Sprintf("readyState=%s fcp=%.0f lcp=%.0f loaderGone=%.0f ready=%.0f inflight=%d quiet=%.0fms loader=%q",
			st.ReadyState, st.FCP, st.LCP, st.LoaderGone, st.Ready, inflight, st.Now-st.LastMutation, st.LoaderLabel)
		ok := st.ReadyState == "complete" && st.FCP >= 0 && st.LCP >= 0 &&
			(!app || (st.LoaderGone >= 0 && st.Ready >= 0)) &&
			inflight == 0 && st.Now-st.LastMutation >= float64(quiet.Milliseconds())
		return ok, detail, nil
	})
	return st, err
}

func ms(v float64) float64 {
	if v < 0 {
		return NA
	}
	return v
}

// Measure opens origin+v.Path in a new Chromium with a fresh profile,
// throttled by t, and measures it. srv is the server of origin: what it
// sends is counted.
func Measure(chromium string, t Throttle, srv *Server, v Visit, timeout time.Duration) (s Sample, err error) {
	b, err := launch(chromium, t, timeout)
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
		InputDelay:    NA,
		InputDuration: NA,
		PageBytes:     b.net.traffic(),
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

func jsString(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}

// netLog follows the page's requests through the DevTools protocol.
type netLog struct {
	mu   sync.Mutex
	reqs map[network.RequestID]*netReq
}

type netReq struct {
	url       string
	mime      string
	fromSW    bool
	fromCache bool
	encoded   float64
	done      bool
}

func newNetLog() *netLog { return &netLog{reqs: map[network.RequestID]*netReq{}} }

func (l *netLog) get(id network.RequestID) *netReq {
	r := l.reqs[id]
	if r == nil {
		r = &netReq{}
		l.reqs[id] = r
	}
	return r
}

func (l *netLog) listen(ev any) {
	l.mu.Lock()
	defer l.mu.Unlock()
	switch ev := ev.(type) {
	case *network.EventRequestWillBeSent:
		l.get(ev.RequestID).url = ev.Request.URL
	case *network.EventResponseReceived:
		r := l.get(ev.RequestID)
		r.mime = ev.Response.MimeType
		r.fromSW = r.fromSW || ev.Response.FromServiceWorker
		r.fromCache = r.fromCache || ev.Response.FromDiskCache || ev.Response.FromPrefetchCache
	case *network.EventRequestServedFromCache:
		l.get(ev.RequestID).fromCache = true
	case *network.EventLoadingFinished:
		r := l.get(ev.RequestID)
		r.encoded, r.done = ev.EncodedDataLength, true
	case *network.EventLoadingFailed:
		l.get(ev.RequestID).done = true
	}
}

func (l *netLog) reset() {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.reqs = map[network.RequestID]*netReq{}
}

func (l *netLog) inflight() int {
	l.mu.Lock()
	defer l.mu.Unlock()
	n := 0
	for _, r := range l.reqs {
		if !r.done && r.url != "" && !strings.HasPrefix(r.url, "data:") {
			n++
		}
	}
	return n
}

// traffic sums what the page's requests fetched over the network.
func (l *netLog) traffic() Traffic {
	l.mu.Lock()
	defer l.mu.Unlock()
	t := Traffic{}
	for _, r := range l.reqs {
		if !r.done || r.fromSW || r.fromCache {
			continue
		}
		p := r.url
		if u, err := url.Parse(r.url); err == nil {
			p = u.Path
		}
		t[KindOf(p, r.mime)] += r.encoded
	}
	return t
}
