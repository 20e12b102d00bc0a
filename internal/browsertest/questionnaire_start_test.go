package browsertest

import (
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
	"github.com/stretchr/testify/require"

	"callprivacy/internal/questionnaire"
	"callprivacy/internal/site"
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
