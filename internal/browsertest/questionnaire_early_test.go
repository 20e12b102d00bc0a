package browsertest

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/require"

	"callprivacy/internal/questionnaire"
	"callprivacy/internal/site"
	"callprivacy/internal/staticsite"
)

// serveHoldingWasm serves the built site as Serve does, but holds every
// request for app.wasm until release is called: a slow phone's first
// visit, when the app arrives long after the page, made deterministic.
func serveHoldingWasm(t *testing.T) (origin string, release func()) {
	t.Helper()
	files := staticsite.FileServer(built.root.Dir, "")
	held := make(chan struct{})
	var once sync.Once
	release = func() { once.Do(func() { close(held) }) }
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if strings.HasSuffix(r.URL.Path, "/app.wasm") {
			select {
			case <-held:
			case <-r.Context().Done():
				return
			}
		}
		files.ServeHTTP(w, r)
	}))
	t.Cleanup(srv.Close)
	t.Cleanup(release) // runs first: a held request must not keep Close waiting
	return srv.URL, release
}

// TestTickBeforeTheAppStarts answers the first question on a phone while
// app.wasm is still on its way, by touch and by keyboard, then lets the app
// start: the ticks stay, the app has recorded them (Continue goes on, and
// Back shows them again), and focus is still where the client left it.
func TestTickBeforeTheAppStarts(t *testing.T) {
	lb := built.root.Site.Labels.Questionnaire
	qs := questionnaire.New(built.root.Site).Questions()
	first := qs[0]
	require.True(t, first.Multiple, "this test ticks two options of the first question")
	touch, keys := "opt-"+first.ID+"-"+first.Options[0].ID, "opt-"+first.ID+"-"+first.Options[1].ID
	origin, release := serveHoldingWasm(t)
	b := NewBrowser(t)
	require.NoError(t, chromedp.Run(b.Ctx, chromedp.EmulateViewport(360, 780)))
	require.NoError(t, b.Navigate(origin+site.QuestionnairePath))

	var app string
	require.NoError(t, b.Eval(`document.querySelector(".site").dataset.app`, &app))
	require.Equal(t, "build", app, "the app started although app.wasm was held")
	require.NoError(t, b.Click(`label[for="`+touch+`"]`))
	tabTo(t, b, "#"+keys)
	pressKey(t, b, " ")
	var before []string
	require.NoError(t, b.Eval(`[...document.querySelectorAll(".questionnaire input:checked")].map(e => e.id)`, &before))
	require.Equal(t, []string{touch, keys}, before, "the prerendered options did not take the ticks")

	release()
	require.NoError(t, b.WaitReady(appStart))
	var after struct {
		Checked   []string `json:"checked"`
		Focus     string   `json:"focus"`
		Preparing int      `json:"preparing"`
	}
	require.NoError(t, b.Eval(`({
		checked: [...document.querySelectorAll(".questionnaire input:checked")].map(e => e.id),
		focus: document.activeElement ? document.activeElement.id : "",
		preparing: document.querySelectorAll(".preparing").length,
	})`, &after))
	require.Equal(t, before, after.Checked, "the app cleared what the client ticked")
	require.Equal(t, keys, after.Focus, "the app moved the client's focus")
	require.Zero(t, after.Preparing, "the app is ready but the page still says it is preparing")

	// The app has the answers, not just the boxes: Continue goes on
	// without asking for one, and Back shows them from its memory.
	require.NoError(t, b.ClickButton(lb.Continue))
	require.NoError(t, b.WaitText("#step-heading", qs[1].Prompt, stepWait))
	require.NoError(t, b.ClickButton(lb.Back))
	require.NoError(t, b.WaitText("#step-heading", first.Prompt, stepWait))
	var back []string
	require.NoError(t, b.Eval(`[...document.querySelectorAll(".questionnaire input:checked")].map(e => e.id)`, &back))
	require.Equal(t, before, back)
	require.Empty(t, b.Problems())
}
