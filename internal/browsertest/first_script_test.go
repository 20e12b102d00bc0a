package browsertest

import (
	"net/http"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
	"github.com/stretchr/testify/require"

	"callprivacy/internal/site"
	"callprivacy/internal/staticsite"
)

// TestNothingWaitsForSiteJS holds web/site.js back for as long as the test
// runs, as a line that drops the page's last file would. A page's first
// paint and its load do not wait for it: the page asks for it only once it
// has loaded (the first script adds it, internal/hosting/first.js). What
// must work from the moment the page shows works without it: Shift three
// times and the "Leave this site" link leave, and on the questionnaire a
// first tap still counts as the client's first reach once site.js comes.
func TestNothingWaitsForSiteJS(t *testing.T) {
	s := built.root.Site
	tests := []struct {
		name string
		path string
		// leave leaves the site while site.js is held; nil for none.
		leave func(*Browser) error
		// tap taps the page's title while site.js is held, then lets it
		// through: the questionnaire's app must start with no other touch.
		tap bool
	}{
		{name: "Shift three times", path: "/metadata", leave: func(b *Browser) error {
			return chromedp.Run(b.Ctx, chromedp.KeyEvent(kb.Shift), chromedp.KeyEvent(kb.Shift), chromedp.KeyEvent(kb.Shift))
		}},
		{name: "the link", path: site.QuestionnairePath, leave: func(b *Browser) error { return b.Click("a.quick-exit") }},
		{name: "a tap on the questionnaire", path: site.QuestionnairePath, tap: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			held := holdSiteJS(t)
			b := NewBrowser(t)
			standInForNeutralSite(t, b, s.Settings.QuickExit)
			// Navigate returns once the page has loaded: site.js did not
			// hold it up.
			require.NoError(t, b.Navigate(held.origin+tt.path))
			require.Eventually(t, func() bool { return held.asked.Load() == 1 }, 5*time.Second, 10*time.Millisecond, "the page never asked for site.js")
			require.Eventually(t, func() bool {
				var painted bool
				err := b.Eval(`performance.getEntriesByName("first-contentful-paint").length === 1`, &painted)
				return err == nil && painted
			}, 5*time.Second, 10*time.Millisecond, "the page has not painted while site.js is on its way")

			switch {
			case tt.leave != nil:
				require.NoError(t, tt.leave(b))
				require.Eventually(t, func() bool {
					h := tabHistory(b)
					return len(h) > 0 && h[len(h)-1] == s.Settings.QuickExit
				}, 10*time.Second, 100*time.Millisecond, "the page was not left while site.js was on its way: history %v", tabHistory(b))
				require.NotContains(t, tabHistory(b), held.origin+tt.path, "the page left must not stay in the history")
			case tt.tap:
				require.NoError(t, b.Click("#"+site.PageTitleID))
				var wanted bool
				require.NoError(t, b.Eval(`window.callprivacyWanted === true`, &wanted))
				require.True(t, wanted, "the tap was not noticed")
				held.release()
				require.NoError(t, b.WaitStarted(appStart))
				require.Empty(t, b.Problems())
			}
		})
	}
}

// TestLinkToAHeading opens a page at a heading, on a phone, where the
// header stays on the screen: the heading shows just below the header, not
// under it, though the header is measured (web/site.js) only once the page
// has loaded, after the browser has scrolled to the heading. A reader who
// has scrolled meanwhile is left where they are.
func TestLinkToAHeading(t *testing.T) {
	t.Run("a reader who scrolled first", func(t *testing.T) {
		held := holdSiteJS(t)
		b := NewBrowser(t)
		setViewport(t, b, phoneWidth, phoneHeight)
		var id string
		require.NoError(t, b.Navigate(held.origin+"/security"))
		require.NoError(t, b.Eval(`document.querySelector("main h2[id]").id`, &id))
		require.NoError(t, b.Navigate("about:blank"))
		require.NoError(t, b.Navigate(held.origin+"/security#"+id))
		var before float64
		require.NoError(t, b.Eval(`window.scrollBy(0, 150), scrollY`, &before))
		held.release()
		require.NoError(t, b.WaitReady(appStart))
		var after float64
		require.NoError(t, b.Eval(`scrollY`, &after))
		require.Equal(t, before, after, "the page moved under the reader")
	})

	origin := Serve(t, built.root.Dir, "")
	b := NewBrowser(t)
	setViewport(t, b, phoneWidth, phoneHeight)
	for _, path := range []string{"/", "/security", "/compare"} {
		require.NoError(t, b.Navigate(origin+path))
		require.NoError(t, b.WaitReady(appStart))
		var id string
		require.NoError(t, b.Eval(`document.querySelector("main h2[id]").id`, &id), path)
		require.NotEmpty(t, id, path)
		// From another document, as a link in an email or on another
		// page opens it: the browser scrolls to the heading as the page
		// loads, before web/site.js has measured the header.
		require.NoError(t, b.Navigate("about:blank"))
		require.NoError(t, b.Navigate(origin+path+"#"+id))
		require.NoError(t, b.WaitReady(appStart))
		var got struct {
			HeaderBottom, HeadingTop float64
			Scrolled                 bool
		}
		require.NoError(t, b.Eval(`(() => {
			const h = document.getElementById(`+jsString(id)+`).getBoundingClientRect();
			return {
				headerBottom: document.querySelector(".site-header").getBoundingClientRect().bottom,
				headingTop: h.top,
				scrolled: scrollY > 0,
			};
		})()`, &got), path)
		t.Logf("%-10s #%s: header ends at %.0f, heading starts at %.0f", path, id, got.HeaderBottom, got.HeadingTop)
		require.True(t, got.Scrolled, "%s#%s: the page did not scroll to the heading", path, id)
		require.GreaterOrEqual(t, got.HeadingTop, got.HeaderBottom, "%s#%s: the heading is under the header", path, id)
		require.LessOrEqual(t, got.HeadingTop, got.HeaderBottom+12, "%s#%s: the heading is far below the header (the header was not measured)", path, id)
	}
	require.Empty(t, unexpectedProblems(b))
}

// heldSiteJS is the site, served at origin, with web/site.js held back
// until release (or the test's end); asked counts its requests.
type heldSiteJS struct {
	origin  string
	asked   *atomic.Int32
	release func()
}

// holdSiteJS serves the site with web/site.js held back, as a line that
// drops the page's last file would.
func holdSiteJS(t *testing.T) heldSiteJS {
	t.Helper()
	host := StartHost(t, built.root.Dir, "")
	files := staticsite.FileServer(built.root.Dir, "")
	let := make(chan struct{})
	h := heldSiteJS{origin: host.Origin, asked: new(atomic.Int32), release: sync.OnceFunc(func() { close(let) })}
	host.Serve(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if strings.HasSuffix(r.URL.Path, "/web/"+staticsite.ScriptFile) {
			h.asked.Add(1)
			select {
			case <-let:
			case <-r.Context().Done():
				return
			}
		}
		files.ServeHTTP(w, r)
	}))
	t.Cleanup(h.release)
	return h
}
