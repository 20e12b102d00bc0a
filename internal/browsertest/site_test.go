package browsertest

import (
	"fmt"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"callprivacy/internal/site"
)

// built holds the sites every test here uses, built once: at the root of a
// domain and under the sub-path /privacy.
var built struct {
	root, sub Built
}

func TestMain(m *testing.M) {
	os.Exit(run(m))
}

func run(m *testing.M) int {
	tmp, err := os.MkdirTemp("", "callprivacy-browsertest-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	defer os.RemoveAll(tmp)
	if built.root, err = Build(tmp+"/root", ""); err != nil {
		fmt.Fprintln(os.Stderr, "building the site:", err)
		return 1
	}
	if built.sub, err = Build(tmp+"/sub", "/privacy"); err != nil {
		fmt.Fprintln(os.Stderr, "building the site under /privacy:", err)
		return 1
	}
	return m.Run()
}

// appStart is how long the wasm app may take to start. Unthrottled on
// loopback it takes one or two seconds; the margin is for a busy CI machine.
const appStart = 60 * time.Second

// TestEveryPageReadsInChromium opens the overview and every platform page
// in a fresh browser, waits for the app, and checks what a visitor sees and
// what the page asked the network for.
func TestEveryPageReadsInChromium(t *testing.T) {
	s := built.root.Site
	origin := Serve(t, built.root.Dir, "")
	b := NewBrowser(t)

	paths := []string{"/"}
	for _, p := range s.Platforms {
		paths = append(paths, site.PlatformPath(p.Slug))
	}
	for _, path := range paths {
		page, ok := s.Page(path)
		require.True(t, ok, path)

		require.NoError(t, b.Navigate(origin+path), path)
		require.NoError(t, b.WaitReady(appStart), path)

		h1, err := b.Text("h1")
		require.NoError(t, err, path)
		require.Equal(t, page.Title, h1, path)

		var title string
		require.NoError(t, b.Eval(`document.title`, &title))
		require.Equal(t, page.Title+" · "+s.Settings.Practice, title, path)

		body, err := b.Text("main")
		require.NoError(t, err, path)
		for _, h := range page.TOC {
			require.Contains(t, body, h.Text, "%s: section %q is not visible", path, h.Text)
		}
		if p, ok := s.Platform(page.Platform); ok {
			require.Contains(t, body, p.Summary, path)
			for _, c := range s.Criteria {
				require.Contains(t, body, c.Label, "%s: criterion %q is not shown", path, c.Label)
			}
			footer, err := b.Text("footer")
			require.NoError(t, err)
			require.Contains(t, footer, s.Settings.Practice)
		}
	}

	requireSameOrigin(t, origin, b.Requests())
	require.Empty(t, b.Problems(), "console errors or exceptions")
}

// TestPagesAreReadableWithoutTheApp checks that the text is in the HTML
// itself: with ?wasm=false go-app never starts, so what shows is exactly
// what a slow phone shows before app.wasm arrives.
func TestPagesAreReadableWithoutTheApp(t *testing.T) {
	s := built.root.Site
	origin := Serve(t, built.root.Dir, "")
	b := NewBrowser(t)
	for _, page := range s.Pages {
		require.NoError(t, b.Navigate(origin+page.Path+"?wasm=false"), page.Path)
		h1, err := b.Text("h1")
		require.NoError(t, err, page.Path)
		require.Equal(t, page.Title, h1, page.Path)
		var loaderGone bool
		require.NoError(t, b.Eval(`document.getElementById("app-wasm-loader") === null`, &loaderGone))
		require.True(t, loaderGone, "%s: the loader stays over the page although no wasm loads", page.Path)
	}
	requireSameOrigin(t, origin, b.Requests())
	for _, r := range b.Requests() {
		require.NotContains(t, r, "app.wasm", "?wasm=false must not download the app")
	}
	require.Empty(t, b.Problems())
}

// TestUnknownPathShowsTheSitesNotFoundPage checks that a mistyped deep link
// gets the practice's calm page, with status 404, before and after the
// app starts (go-app would otherwise show its own "404").
func TestUnknownPathShowsTheSitesNotFoundPage(t *testing.T) {
	s := built.root.Site
	origin := Serve(t, built.root.Dir, "")
	b := NewBrowser(t)

	require.NoError(t, b.Navigate(origin+"/platforms/skype"))
	require.NoError(t, b.WaitReady(appStart))
	h1, err := b.Text("h1")
	require.NoError(t, err)
	require.Equal(t, s.NotFound.Title, h1)
	var links int
	require.NoError(t, b.Eval(`document.querySelectorAll("main a[href='/']").length`, &links))
	require.Positive(t, links, "the not-found page links back to the overview")
	requireSameOrigin(t, origin, b.Requests())
	for _, p := range b.Problems() {
		// The server's 404 status is the one error the browser may log.
		require.Contains(t, p, "404", "unexpected problem: %s", p)
	}
}

// TestSubPathHostingAndInAppNavigation serves the site under /privacy/, as
// a practice would on its existing website, and follows a menu link: the
// app must navigate in place (no page load) and keep the sub-path.
func TestSubPathHostingAndInAppNavigation(t *testing.T) {
	s := built.sub.Site
	origin := Serve(t, built.sub.Dir, "/privacy")
	b := NewBrowser(t)

	require.NoError(t, b.Navigate(origin+"/privacy/platforms/signal"))
	require.NoError(t, b.WaitReady(appStart))
	signal, _ := s.Page("/platforms/signal")
	h1, err := b.Text("h1")
	require.NoError(t, err)
	require.Equal(t, signal.Title, h1)

	var hrefs []string
	require.NoError(t, b.Eval(`[...document.querySelectorAll("a[href^='/']")].map(a => a.getAttribute("href"))`, &hrefs))
	require.NotEmpty(t, hrefs)
	for _, h := range hrefs {
		require.True(t, strings.HasPrefix(h, "/privacy/"), "link %q escapes the sub-path", h)
	}

	// A menu link loads the page under the sub-path as a new document: a
	// marker on window would survive only if the app had shown it.
	require.NoError(t, b.Eval(`window.stillHere = true`, nil))
	require.NoError(t, b.Click(`.site-menu > summary`))
	require.NoError(t, b.Click(`nav a[href="/privacy/how-i-work"]`))
	howIWork, _ := s.Page("/how-i-work")
	require.Eventually(t, func() bool {
		h, _ := b.Text("h1")
		return h == howIWork.Title
	}, 10*time.Second, 100*time.Millisecond, "after the click: %s", b.describe())
	var path string
	var stillHere bool
	require.NoError(t, b.Eval(`location.pathname`, &path))
	require.NoError(t, b.Eval(`window.stillHere === true`, &stillHere))
	require.Equal(t, "/privacy/how-i-work", path)
	require.False(t, stillHere, "following a menu link showed the page inside the app instead of loading it")

	var manifest map[string]any
	require.NoError(t, b.Eval(`fetch("/privacy/manifest.webmanifest").then(r => r.json())`, &manifest))
	require.Equal(t, "/privacy/", manifest["scope"])
	require.Equal(t, "/privacy/", manifest["start_url"])

	requireSameOrigin(t, origin, b.Requests())
	require.Empty(t, b.Problems())
}

// requireSameOrigin fails on any request to another origin.
func requireSameOrigin(t *testing.T, origin string, requests []string) {
	t.Helper()
	require.NotEmpty(t, requests, "no requests were recorded: the recorder is not working")
	for _, r := range requests {
		require.True(t, strings.HasPrefix(r, origin+"/"), "request to another origin: %s", r)
	}
}
