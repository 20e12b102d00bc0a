package app

import (
	"errors"
	"fmt"
	"time"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"callprivacy/internal/site"
)

// SiteFile is where the build writes the site's data, under web/. The
// browser app reads it at start-up instead of carrying the content inside
// app.wasm, so a content edit does not make returning visitors download the
// wasm again.
const SiteFile = "site.json"

// FetchSite loads the site's data in the browser. It is a same-origin
// request that the service worker answers from its cache once the site has
// been visited. The page makes it as it opens, alongside the download of
// app.wasm (internal/staticsite/app-start.js, part of app.js), and leaves
// the promise of its text in window.callprivacySiteData: the app, which
// starts only when the client first reaches for the page, then does not
// keep them waiting one more round trip. Without it the app fetches the
// file itself.
//
// It calls the browser's fetch directly: Go's net/http client would add
// about 5 MB to app.wasm (its transport, HTTP/2 and TLS client code).
func FetchSite() (*site.Site, error) {
	path := siteDataPath()
	var text app.Value
	var err error
	if early := app.Window().Get("callprivacySiteData"); early.Truthy() {
		text, err = await(early)
	} else {
		text, err = fetchText(path)
	}
	if err != nil {
		return nil, fmt.Errorf("loading %s: %w", path, err)
	}
	var s site.Site
	last := time.Now()
	pause := func() {
		if time.Since(last) >= decodeTurn {
			YieldToBrowser()
			last = time.Now()
		}
	}
	if err := unmarshalInSteps([]byte(text.String()), &s, pause); err != nil {
		return nil, fmt.Errorf("reading %s: %w", path, err)
	}
	return &s, nil
}

// decodeTurn is how long decoding site.json keeps the main thread before
// it gives the browser a turn. The time is the device's own, so every
// piece stays well under the 50 ms after which a tap has to wait, and
// Lighthouse, which times the pieces on a fast machine and counts them
// four times as long, sees none over it either.
const decodeTurn = 10 * time.Millisecond

// siteDataPath is the address of site.json, under the base path.
func siteDataPath() string {
	return app.Getenv("GOAPP_STATIC_RESOURCES_URL") + "/" + SiteFile
}

// fetchText fetches path and reads the response's text.
func fetchText(path string) (app.Value, error) {
	res, err := await(app.Window().Call("fetch", path))
	if err != nil {
		return nil, err
	}
	if !res.Get("ok").Bool() {
		return nil, fmt.Errorf("HTTP status %d", res.Get("status").Int())
	}
	return await(res.Call("text"))
}

// await blocks until the JavaScript promise p settles. The browser keeps
// running JavaScript meanwhile; only the calling goroutine waits.
func await(p app.Value) (app.Value, error) {
	type result struct {
		v   app.Value
		err error
	}
	ch := make(chan result, 1)
	ok := app.FuncOf(func(_ app.Value, args []app.Value) any {
		ch <- result{v: args[0]}
		return nil
	})
	defer ok.Release()
	fail := app.FuncOf(func(_ app.Value, args []app.Value) any {
		ch <- result{err: errors.New(args[0].Call("toString").String())}
		return nil
	})
	defer fail.Release()
	p.Call("then", ok, fail)
	r := <-ch
	return r.v, r.err
}

// YieldToBrowser lets the browser run what is waiting (input, painting)
// before the app goes on. Go's start-up work runs in one JavaScript task
// until the Go program blocks; on a slow phone, decoding the site's data
// and mounting the page in the same task kept the main thread busy for
// over a third of a second.
//
// It waits on scheduler.yield where the browser has it (Chromium since
// 2024): the app then goes on ahead of other waiting tasks, and without
// the at least 4 ms a browser adds to a timer set from a timer, which
// decoding site.json in a few dozen turns would pay each time. Elsewhere
// it waits on a timer.
func YieldToBrowser() {
	if sched := app.Window().Get("scheduler"); sched.Truthy() && sched.Get("yield").Truthy() {
		if _, err := await(sched.Call("yield")); err == nil {
			return
		}
	}
	done := make(chan struct{})
	f := app.FuncOf(func(app.Value, []app.Value) any {
		close(done)
		return nil
	})
	defer f.Release()
	app.Window().Call("setTimeout", f, 0)
	<-done
}
