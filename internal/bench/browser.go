//go:build !wasm

package bench

import (
	"context"
	"encoding/json"
	"fmt"
	"sync"
	"time"

	"github.com/chromedp/cdproto/network"
	cdpruntime "github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/cdproto/target"
	"github.com/chromedp/chromedp"

	"callprivacy/internal/chromium"
)

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

func launch(path string, t Throttle, timeout time.Duration) (*browser, error) {
	profile, err := chromium.NewProfile()
	if err != nil {
		return nil, err
	}
	opts := chromium.Options(path, profile, int(t.Width), int(t.Height))
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
		chromium.RemoveProfile(profile)
	}
	chromedp.ListenTarget(ctx, b.net.listen)
	if err := chromedp.Run(ctx, network.Enable()); err != nil {
		b.stop()
		return nil, fmt.Errorf("starting %s: %w", path, err)
	}
	// Service workers fetch on their own: throttle them like the page.
	chromedp.ListenBrowser(ctx, func(ev any) {
		if e, ok := ev.(*target.EventTargetCreated); ok && e.TargetInfo.Type == "service_worker" {
			go b.attachWorker(e.TargetInfo.TargetID)
		}
	})
	return b, nil
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

func jsString(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}
