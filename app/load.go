package app

import (
	"encoding/json"
	"errors"
	"fmt"

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
// been visited.
//
// It calls the browser's fetch directly: Go's net/http client would add
// about 5 MB to app.wasm (its transport, HTTP/2 and TLS client code).
func FetchSite() (*site.Site, error) {
	path := app.Getenv("GOAPP_STATIC_RESOURCES_URL") + "/" + SiteFile
	res, err := await(app.Window().Call("fetch", path))
	if err != nil {
		return nil, fmt.Errorf("loading %s: %w", path, err)
	}
	if !res.Get("ok").Bool() {
		return nil, fmt.Errorf("loading %s: HTTP status %d", path, res.Get("status").Int())
	}
	text, err := await(res.Call("text"))
	if err != nil {
		return nil, fmt.Errorf("reading %s: %w", path, err)
	}
	var s site.Site
	if err := json.Unmarshal([]byte(text.String()), &s); err != nil {
		return nil, fmt.Errorf("reading %s: %w", path, err)
	}
	return &s, nil
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
// over a third of a second. Waiting on a timer splits them.
func YieldToBrowser() {
	done := make(chan struct{})
	f := app.FuncOf(func(app.Value, []app.Value) any {
		close(done)
		return nil
	})
	defer f.Release()
	app.Window().Call("setTimeout", f, 0)
	<-done
}
