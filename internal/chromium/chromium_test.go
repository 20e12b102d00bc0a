package chromium_test

import (
	"context"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/require"

	"callprivacy/internal/chromium"
)

// TestStartsWithNoWayOut starts the browser the shared way and checks that
// only 127.0.0.1 resolves: the same server on this machine answers by its
// address and not by a name (localhost stands in for any other host), so
// nothing a test or the bench runs can reach another machine.
func TestStartsWithNoWayOut(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {}))
	defer srv.Close()
	byName := strings.Replace(srv.URL, "127.0.0.1", "localhost", 1)
	path, err := chromium.Find()
	require.NoError(t, err)
	profile, err := chromium.NewProfile()
	require.NoError(t, err)
	alloc, cancelAlloc := chromedp.NewExecAllocator(context.Background(), chromium.Options(path, profile, 360, 780)...)
	ctx, cancel := chromedp.NewContext(alloc)
	ctx, cancelTimeout := context.WithTimeout(ctx, time.Minute)
	await := func(p *runtime.EvaluateParams) *runtime.EvaluateParams { return p.WithAwaitPromise(true) }
	defer func() {
		cancelTimeout()
		cancel()
		cancelAlloc()
		chromium.RemoveProfile(profile)
	}()
	var byAddress, failed string
	require.NoError(t, chromedp.Run(ctx,
		chromedp.Navigate(srv.URL),
		chromedp.Evaluate(`fetch("`+srv.URL+`", {mode: "no-cors"}).then(() => "answered", e => e.name)`, &byAddress, await),
		chromedp.Evaluate(`fetch("`+byName+`", {mode: "no-cors"}).then(() => "answered", e => e.name)`, &failed, await),
	))
	require.Equal(t, "answered", byAddress)
	require.Equal(t, "TypeError", failed, "a request to another host name did not fail")
	require.Contains(t, chromium.Version(path), "Chromium")
}
