package browsertest

import (
	"net/http"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
	"github.com/stretchr/testify/require"

	"callprivacy/internal/questionnaire"
	"callprivacy/internal/site"
	"callprivacy/internal/staticsite"
)

// notStartedFor checks, for the given time, that the questionnaire's app
// has not started: the page is still the prerendered one and go-app's
// loader is still there.
func notStartedFor(t *testing.T, b *Browser, d time.Duration, after string) {
	t.Helper()
	deadline := time.Now().Add(d)
	for {
		var started bool
		require.NoError(t, b.Eval(`document.getElementById("app-wasm-loader") === null || document.querySelector(".site").dataset.app !== "build"`, &started))
		require.False(t, started, "the app started after %s", after)
		if time.Now().After(deadline) {
			return
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// waitDownloaded waits until app.wasm has arrived and the service worker
// holds the offline copy: neither may wait for the client.
func waitDownloaded(t *testing.T, b *Browser) {
	t.Helper()
	require.NoError(t, b.poll(appStart, func() (bool, error) {
		var ok bool
		err := b.Eval(`(async () => {
			const wasm = performance.getEntriesByType("resource").some((e) => e.name.endsWith("/web/app.wasm") && e.responseEnd > 0);
			const reg = await navigator.serviceWorker.getRegistration();
			return wasm && !!(reg && reg.active) && !!(await caches.match("/web/app.wasm"));
		})()`, &ok)
		return ok, err
	}, func() string { return "app.wasm never arrived, or the service worker never cached it" }))
}

// TestAppWaitsForTheClient opens the questionnaire and leaves it alone:
// app.wasm arrives and the offline copy is made, but the app, whose start
// holds a slow phone's main thread for a second or more, does not start
// while the client only reads, presses Shift (towards leaving) or opens
// the menu. Then each way a client first reaches for the page starts it,
// and what the client did stays done.
func TestAppWaitsForTheClient(t *testing.T) {
	qs := questionnaire.New(built.root.Site).Questions()
	first := "opt-" + qs[0].ID + "-" + qs[0].Options[0].ID
	tests := []struct {
		name  string
		reach func(t *testing.T, b *Browser)
		// ticked is the option the reach ticked, if any.
		ticked string
	}{
		{
			name:   "a tap on an option",
			reach:  func(t *testing.T, b *Browser) { require.NoError(t, b.Click(`label[for="`+first+`"]`)) },
			ticked: first,
		},
		{
			name:  "a tap on Continue while it waits",
			reach: func(t *testing.T, b *Browser) { require.NoError(t, b.Click(`.questionnaire .actions .primary`)) },
		},
		{
			name:  "a tap on the text",
			reach: func(t *testing.T, b *Browser) { require.NoError(t, b.Click(`#`+site.PageTitleID)) },
		},
		{
			name:  "Tab into the options",
			reach: func(t *testing.T, b *Browser) { tabTo(t, b, "#"+first) },
		},
	}
	origin := Serve(t, built.root.Dir, "")
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b := NewBrowser(t)
			require.NoError(t, chromedp.Run(b.Ctx, chromedp.EmulateViewport(360, 780)))
			require.NoError(t, b.Navigate(origin+site.QuestionnairePath))
			waitDownloaded(t, b)
			notStartedFor(t, b, time.Second, "the page opened")
			// Waiting does not download the app twice.
			wasm := 0
			for _, r := range b.Requests() {
				if strings.HasSuffix(r, "/web/app.wasm") {
					wasm++
				}
			}
			require.Equal(t, 1, wasm, "the page downloaded app.wasm %d times", wasm)

			pressKey(t, b, kb.Shift)
			require.NoError(t, b.Click(`.site-menu summary`))
			require.NoError(t, b.Click(`.site-menu summary`))
			notStartedFor(t, b, 500*time.Millisecond, "Shift and the menu")

			tt.reach(t, b)
			require.NoError(t, b.WaitStarted(appStart))
			var checked []string
			require.NoError(t, b.Eval(`[...document.querySelectorAll(".questionnaire input:checked")].map((e) => e.id)`, &checked))
			if tt.ticked != "" {
				require.Equal(t, []string{tt.ticked}, checked, "the tick that started the app was lost")
			} else {
				require.Empty(t, checked)
			}
			require.Empty(t, b.Problems())
		})
	}
}

// TestAppDownloadStartsWithThePage holds back one file of the
// questionnaire for two seconds. Its first script
// (internal/hosting/first.js) asks for app.wasm while the stylesheet is still on its way, where
// go-app's app.js, a deferred script, would wait for it (and, on a slow
// phone, for the first paint); app.js takes that response instead of
// asking again, at the root and under a sub-path. app.js itself comes
// only once the page has loaded, and a tap made before it arrives still
// starts the app. A crawler, for which go-app runs no app, is sent none.
func TestAppDownloadStartsWithThePage(t *testing.T) {
	const crawler = "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)"
	tests := []struct {
		name  string
		built Built
		// hold is the file held back.
		hold      string
		userAgent string
		// tapWhileHeld taps the page's title while the file is held; the
		// app must then start with no other touch.
		tapWhileHeld bool
		wantApp      bool
	}{
		{name: "at the root", built: built.root, hold: "/web/" + staticsite.StyleFile, wantApp: true},
		{name: "under /privacy/", built: built.sub, hold: "/web/" + staticsite.StyleFile, wantApp: true},
		{name: "a tap before app.js", built: built.root, hold: "/app.js", tapWhileHeld: true, wantApp: true},
		{name: "a crawler", built: built.root, hold: "/web/" + staticsite.StyleFile, userAgent: crawler},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			base := tt.built.Base
			host := StartHost(t, tt.built.Dir, base)
			files := staticsite.FileServer(tt.built.Dir, base)
			// held counts the held file's requests under way; wasmBefore
			// the requests for app.wasm made before it had been sent.
			var held, wasmBefore atomic.Int32
			var sent atomic.Bool
			host.Serve(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				switch {
				case strings.HasSuffix(r.URL.Path, tt.hold):
					held.Add(1)
					time.Sleep(2 * time.Second)
					files.ServeHTTP(w, r)
					sent.Store(true)
					held.Add(-1)
					return
				case strings.HasSuffix(r.URL.Path, "/web/app.wasm") && !sent.Load():
					wasmBefore.Add(1)
				}
				files.ServeHTTP(w, r)
			}))

			b := NewBrowser(t)
			if tt.userAgent != "" {
				require.NoError(t, chromedp.Run(b.Ctx, emulation.SetUserAgentOverride(tt.userAgent)))
			}
			require.NoError(t, b.Navigate(host.Origin+site.Link(base, site.QuestionnairePath)))
			if !tt.wantApp {
				// go-app removes its loader once it has decided not to run.
				require.NoError(t, b.poll(appStart, func() (bool, error) {
					var gone bool
					err := b.Eval(`document.getElementById("app-wasm-loader") === null`, &gone)
					return gone, err
				}, func() string { return "go-app never decided whether to run the app" }))
				for _, r := range b.Requests() {
					require.NotContains(t, r, "app.wasm", "a crawler was sent the app")
				}
				require.Empty(t, b.Problems())
				return
			}
			if tt.tapWhileHeld {
				// The page adds app.js once it has loaded; the request is then
				// held for two seconds.
				require.Eventually(t, func() bool { return held.Load() == 1 }, 5*time.Second, 10*time.Millisecond, "app.js was never asked for")
				require.NoError(t, b.Click("#"+site.PageTitleID))
				require.NoError(t, b.WaitStarted(appStart))
			} else {
				require.Equal(t, int32(1), wasmBefore.Load(), "app.wasm was not asked for while the stylesheet was on its way")
				require.NoError(t, b.WaitReady(appStart))
			}
			wasm := 0
			for _, r := range b.Requests() {
				if strings.HasSuffix(r, "/web/app.wasm") {
					wasm++
				}
			}
			require.Equal(t, 1, wasm, "the page downloaded app.wasm %d times", wasm)
			require.Empty(t, b.Problems(), "a refused script or a failed start")
		})
	}
}
