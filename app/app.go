// Package app is the go-app user interface: the routes and the components
// that show the practice's policy. The same code prerenders every page at
// build time (natively) and runs in the browser (as wasm), so it must stay
// free of build-time packages: it reads a site.Site and nothing else.
package app

import (
	"strings"
	"sync"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"callprivacy/internal/site"
)

// shown is the site the routes show. go-app's router is global, so the site
// is too; Register replaces it.
var (
	mu    sync.RWMutex
	shown *site.Site

	notFoundOnce sync.Once
)

func current() *site.Site {
	mu.RLock()
	defer mu.RUnlock()
	return shown
}

// Register routes every page of s, plus a not-found page for any other
// path. Call it before app.RunWhenOnBrowser in the browser, with the frame
// read by PrerenderedFrame, and before prerendering at build time, with
// the zero Frame.
func Register(s *site.Site, frame Frame) {
	mu.Lock()
	shown = s
	mu.Unlock()
	for _, p := range s.Pages {
		path := p.Path
		app.Route(path, func() app.Composer { return newPage(path, frame) })
	}
	// go-app shows its own "404" component for unrouted paths; a catch-all
	// route, tried after every exact route, shows ours instead. The build
	// needs it to write 404.html. The browser does not: the app runs only
	// on the questionnaire (site.NeedsApp), and web/site.js opens links to
	// other pages as new documents. Compiling the route's pattern there
	// cost the app's start about a tenth of its time.
	if app.IsClient {
		return
	}
	notFoundOnce.Do(func() {
		app.RouteWithRegexp("^/", func() app.Composer { return newPage(site.NotFoundPath, Frame{}) })
	})
}

// basePath is the path the site is hosted under: "" at the root of a
// domain, "/privacy" under a sub-path. go-app exports it to the browser as
// GOAPP_ROOT_PREFIX and sets it in the environment while prerendering.
func basePath() string {
	return strings.TrimRight(app.Getenv("GOAPP_ROOT_PREFIX"), "/")
}

// link returns the address of a site path, under the base path.
func link(path string) string {
	return site.Link(basePath(), path)
}
