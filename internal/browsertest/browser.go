// Package browsertest drives real headless Chromium against the built site,
// served by a plain static file server on loopback, the way a visitor's
// browser meets it on a static host.
//
// Nothing here is mocked: the site is built from the shipped content with
// the real toolchain, app.wasm runs for real, and every request the page
// makes is recorded.
package browsertest

import (
	"context"
	"encoding/json"
	"fmt"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	cdplog "github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/network"
	cdpruntime "github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"callprivacy/internal/chromium"
	"callprivacy/internal/content"
	"callprivacy/internal/site"
	"callprivacy/internal/staticsite"
)

// ModuleDir returns the root of the callprivacy module.
func ModuleDir() (string, error) {
	_, file, _, ok := runtime.Caller(0)
	if !ok {
		return "", fmt.Errorf("cannot locate the module")
	}
	return filepath.Abs(filepath.Join(filepath.Dir(file), "..", ".."))
}

// Built is a site built from the shipped content.
type Built struct {
	Site *site.Site
	Dir  string
	Base string
}

// Build builds the shipped content into dir, hosted under base.
func Build(dir, base string) (Built, error) {
	mod, err := ModuleDir()
	if err != nil {
		return Built{}, err
	}
	return BuildFrom(filepath.Join(mod, "content"), dir, base)
}

// BuildFrom builds the content folder contentDir into dir, hosted under
// base.
func BuildFrom(contentDir, dir, base string) (Built, error) {
	mod, err := ModuleDir()
	if err != nil {
		return Built{}, err
	}
	s, err := content.Load(os.DirFS(contentDir), "content")
	if err != nil {
		return Built{}, err
	}
	_, err = staticsite.Build(s, staticsite.ModuleOptions(mod, dir, base))
	return Built{Site: s, Dir: dir, Base: base}, err
}

// Host is a static host on a loopback port: it serves one built site,
// can be switched to another build (a deployment) and can be stopped, to
// test what a visitor sees offline.
type Host struct {
	Origin  string
	base    string
	srv     *http.Server
	current atomic.Pointer[http.Handler]
}

// StartHost serves dir under base until the test ends.
func StartHost(t testing.TB, dir, base string) *Host {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	h := &Host{Origin: "http://" + ln.Addr().String(), base: base}
	h.Deploy(dir)
	h.srv = &http.Server{
		Handler:           http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { (*h.current.Load()).ServeHTTP(w, r) }),
		ReadHeaderTimeout: 5 * time.Second,
	}
	go func() { _ = h.srv.Serve(ln) }()
	t.Cleanup(h.Stop)
	return h
}

// Deploy switches the host to another build, as uploading a new dist/
// would.
func (h *Host) Deploy(dir string) {
	var handler http.Handler = staticsite.FileServer(dir, h.base)
	h.current.Store(&handler)
}

// Serve switches the host to another handler on the same address, such
// as the preview's.
func (h *Host) Serve(handler http.Handler) { h.current.Store(&handler) }

// Stop takes the host off the network: every later request is refused.
func (h *Host) Stop() { _ = h.srv.Close() }

// Serve serves dir under base on a loopback port until the test ends, and
// returns the site's origin, e.g. "http://127.0.0.1:41234".
func Serve(t testing.TB, dir, base string) string {
	t.Helper()
	return StartHost(t, dir, base).Origin
}

// Browser is a headless Chromium with a fresh profile, and a record of what
// its page did.
type Browser struct {
	Ctx context.Context
	rec *Recorder
}

// NewBrowser starts Chromium for the test. The profile is new, so no
// service worker or cache from an earlier run is there.
func NewBrowser(t testing.TB) *Browser {
	t.Helper()
	path, err := chromium.Find()
	if err != nil {
		t.Fatal(err)
	}
	// A fresh profile per browser. Not t.TempDir: Chromium may still be
	// writing to it when the test's own clean-up runs.
	profile, err := chromium.NewProfile()
	if err != nil {
		t.Fatal(err)
	}
	opts := chromium.Options(path, profile, 412, 915)
	alloc, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelCtx := chromedp.NewContext(alloc)
	ctx, cancelTimeout := context.WithTimeout(ctx, 90*time.Second)
	t.Cleanup(func() {
		cancelTimeout()
		cancelCtx()
		cancelAlloc()
		chromium.RemoveProfile(profile)
	})
	b := &Browser{Ctx: ctx, rec: &Recorder{}}
	chromedp.ListenTarget(ctx, b.rec.listen)
	if err := chromedp.Run(ctx, network.Enable(), cdplog.Enable()); err != nil {
		t.Fatalf("starting %s: %v", path, err)
	}
	return b
}

// Recorder keeps what the page requested and what went wrong in it.
type Recorder struct {
	mu       sync.Mutex
	requests []string
	problems []string
}

func (r *Recorder) listen(ev any) {
	r.mu.Lock()
	defer r.mu.Unlock()
	switch ev := ev.(type) {
	case *network.EventRequestWillBeSent:
		r.requests = append(r.requests, ev.Request.URL)
	case *cdpruntime.EventConsoleAPICalled:
		if ev.Type == cdpruntime.APITypeError || ev.Type == cdpruntime.APITypeAssert {
			var args []string
			for _, a := range ev.Args {
				args = append(args, string(a.Value)+a.Description)
			}
			r.problems = append(r.problems, "console."+string(ev.Type)+": "+strings.Join(args, " "))
		}
	case *cdpruntime.EventExceptionThrown:
		d := ev.ExceptionDetails
		msg := d.Text
		if d.Exception != nil {
			msg += " " + d.Exception.Description
		}
		r.problems = append(r.problems, "uncaught exception: "+msg)
	case *cdplog.EventEntryAdded:
		if ev.Entry.Level == cdplog.LevelError {
			r.problems = append(r.problems, "browser log: "+ev.Entry.Text+" "+ev.Entry.URL)
		}
	}
}

// Requests returns every URL the page has requested so far.
func (b *Browser) Requests() []string {
	b.rec.mu.Lock()
	defer b.rec.mu.Unlock()
	return append([]string(nil), b.rec.requests...)
}

// Problems returns the console errors, exceptions and browser-logged errors
// seen so far.
func (b *Browser) Problems() []string {
	b.rec.mu.Lock()
	defer b.rec.mu.Unlock()
	return append([]string(nil), b.rec.problems...)
}

// WaitReady waits until the page is ready to use. A page that runs the app
// (the questionnaire, site.NeedsApp) is ready once go-app has started and
// replaced the prerendered page with its own: app.js removes the
// #app-wasm-loader element once app.wasm runs, and the app's page carries
// data-app="browser" (the prerendered one "build"; a node of it clicked
// after the swap is gone). The app starts when the client first reaches
// for the page (internal/staticsite/app-start.js); if nothing has yet,
// WaitReady presses Escape, a key that changes nothing on the page, as a
// keyboard client's first key press. Every other page is a plain
// document, ready once it has loaded and web/site.js, which it then adds,
// has run. On time-out the error carries the loader's
// label, which says how far loading got or why it failed.
func (b *Browser) WaitReady(timeout time.Duration) error {
	return b.waitReady(timeout, true)
}

// WaitStarted waits as WaitReady does, but never reaches for the page
// itself: for a test of what starts the app.
func (b *Browser) WaitStarted(timeout time.Duration) error {
	return b.waitReady(timeout, false)
}

func (b *Browser) waitReady(timeout time.Duration, reach bool) error {
	var label string
	reached := !reach
	return b.poll(timeout, func() (bool, error) {
		var state struct {
			Ready, Waiting bool
			Label          string
		}
		err := chromedp.Run(b.Ctx, chromedp.Evaluate(`(() => {
			const l = document.getElementById("app-wasm-loader-label");
			const loaded = document.readyState === "complete" && document.querySelector(".site") !== null;
			// web/site.js, which the page adds once it has loaded, has run:
			// it measures the header.
			const site = document.documentElement.style.getPropertyValue("--header-height") !== "";
			const app = document.querySelector('script[src$="/app.js"]') !== null;
			const loader = document.getElementById("app-wasm-loader") !== null;
			return {
				ready: loaded && site && (!app || (!loader && document.querySelector(".site[data-app=browser]") !== null)),
				waiting: loaded && app && loader,
				label: l ? l.innerText : "",
			};
		})()`, &state))
		label = state.Label
		if err == nil && state.Waiting && !reached {
			reached = true
			err = chromedp.Run(b.Ctx, chromedp.KeyEvent(kb.Escape))
		}
		return state.Ready, err
	}, func() string { return fmt.Sprintf("the page is not ready; the app's loader says %q", label) })
}

// Text returns the visible text of the first element matching sel.
func (b *Browser) Text(sel string) (string, error) {
	var s string
	err := chromedp.Run(b.Ctx, chromedp.Text(sel, &s, chromedp.ByQuery, chromedp.NodeVisible))
	return strings.TrimSpace(s), err
}

// Eval evaluates a JavaScript expression into out; a promise is awaited.
func (b *Browser) Eval(expr string, out any) error {
	return chromedp.Run(b.Ctx, chromedp.Evaluate(expr, out, func(p *cdpruntime.EvaluateParams) *cdpruntime.EvaluateParams {
		return p.WithAwaitPromise(true)
	}))
}

// Navigate loads url and waits for its load event.
func (b *Browser) Navigate(url string) error {
	return chromedp.Run(b.Ctx, chromedp.Navigate(url))
}

// Click clicks the first element matching sel.
func (b *Browser) Click(sel string) error {
	return chromedp.Run(b.Ctx, chromedp.Click(sel, chromedp.ByQuery, chromedp.NodeVisible))
}

// describe says where the page is, for failure messages.
func (b *Browser) describe() string {
	var state string
	_ = b.Eval(`location.href + " h1=" + (document.querySelector("h1") || {}).textContent`, &state)
	return state
}

// ClickButton clicks the visible button whose text is exactly text.
func (b *Browser) ClickButton(text string) error {
	return chromedp.Run(b.Ctx, chromedp.Click(`//button[normalize-space(.)="`+text+`"]`, chromedp.BySearch, chromedp.NodeVisible))
}

// ClickLink clicks the visible link whose text is exactly text.
func (b *Browser) ClickLink(text string) error {
	return chromedp.Run(b.Ctx, chromedp.Click(`//a[normalize-space(.)="`+text+`"]`, chromedp.BySearch, chromedp.NodeVisible))
}

// WaitText waits until the first element matching sel shows want.
func (b *Browser) WaitText(sel, want string, timeout time.Duration) error {
	return b.waitElementText(sel, timeout, fmt.Sprintf("not %q", want), func(got string) bool { return got == want })
}

// WaitContains waits until the first element matching sel contains want.
func (b *Browser) WaitContains(sel, want string, timeout time.Duration) error {
	return b.waitElementText(sel, timeout, fmt.Sprintf("without %q", want), func(got string) bool { return strings.Contains(got, want) })
}

func (b *Browser) waitElementText(sel string, timeout time.Duration, wanted string, ok func(string) bool) error {
	var got string
	return b.poll(timeout, func() (bool, error) {
		err := b.Eval(`(() => { const e = document.querySelector(`+jsString(sel)+`); return e ? e.innerText.trim() : "" })()`, &got)
		return ok(got), err
	}, func() string { return fmt.Sprintf("%s shows %q, %s (%s)", sel, got, wanted, b.describe()) })
}

// WaitFocus waits until the element with the given ID has the focus.
func (b *Browser) WaitFocus(id string, timeout time.Duration) error {
	var focused string
	return b.poll(timeout, func() (bool, error) {
		err := b.Eval(`document.activeElement ? document.activeElement.id : ""`, &focused)
		return focused == id, err
	}, func() string { return fmt.Sprintf("focus is on %q, not %q", focused, id) })
}

// poll calls check until it reports true, fails, or timeout passes; then
// the error says what was seen last.
func (b *Browser) poll(timeout time.Duration, check func() (bool, error), seen func() string) error {
	deadline := time.Now().Add(timeout)
	for {
		done, err := check()
		if err != nil || done {
			return err
		}
		if time.Now().After(deadline) {
			return fmt.Errorf("after %v: %s", timeout, seen())
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// Back goes back one entry in the tab's history, as the browser's back
// button does. (chromedp.NavigateBack waits for a page load, which moving
// between fragments of one page never fires.)
func (b *Browser) Back() error {
	return b.Eval(`history.back()`, nil)
}

// StorageUsed reports everything the page has stored in the browser:
// cookies, localStorage, sessionStorage and IndexedDB databases.
func (b *Browser) StorageUsed() (string, error) {
	var used string
	err := b.Eval(`(async () => {
		const out = [];
		if (document.cookie) out.push("cookies: " + document.cookie);
		if (localStorage.length) out.push("localStorage: " + Object.keys(localStorage).join(","));
		if (sessionStorage.length) out.push("sessionStorage: " + Object.keys(sessionStorage).join(","));
		const dbs = indexedDB.databases ? await indexedDB.databases() : [];
		if (dbs.length) out.push("IndexedDB: " + dbs.map(d => d.name).join(","));
		return out.join("; ");
	})()`, &used)
	return used, err
}

func jsString(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}

// WaitForWorker waits until a service worker controls the page, which
// happens once it has precached the whole site.
func (b *Browser) WaitForWorker(timeout time.Duration) error {
	return b.poll(timeout, func() (bool, error) {
		var controlled bool
		err := b.Eval(`!!navigator.serviceWorker.controller`, &controlled)
		return controlled, err
	}, func() string { return "no service worker controls the page" })
}

// Caches lists the names of the page's Cache Storage caches.
func (b *Browser) Caches() ([]string, error) {
	var names []string
	err := b.Eval(`caches.keys()`, &names)
	return names, err
}
