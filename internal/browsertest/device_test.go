package browsertest

import (
	"testing"

	"github.com/stretchr/testify/require"

	"callprivacy/internal/site"
)

// TestRemoveThisSiteFromThisDevice uses the control on the page that
// offers it, once the offline copy is in place: it confirms in the
// practice's words, makes no request, leaves no cache and no service
// worker, and with the host gone the site no longer opens.
func TestRemoveThisSiteFromThisDevice(t *testing.T) {
	s := built.root.Site
	var path string
	for _, p := range s.Pages {
		if p.OffersRemoval {
			path = p.Path
		}
	}
	require.NotEmpty(t, path, "no page offers to remove the site's data (remove_site_data in its front matter)")
	host := StartHost(t, built.root.Dir, "")
	b := NewBrowser(t)
	require.NoError(t, b.Navigate(host.Origin+path))
	require.NoError(t, b.WaitReady(appStart))
	require.NoError(t, b.WaitForWorker(workerReady))
	kept, err := b.Caches()
	require.NoError(t, err)
	require.NotEmpty(t, kept, "the offline copy should be there before the removal")

	var shown bool
	require.NoError(t, b.Eval(`(() => { const e = document.querySelector(".remove-site-data button"); return !!e && !e.hidden && e.getBoundingClientRect().height > 0 })()`, &shown))
	require.True(t, shown, "the button shows where the browser keeps an offline copy")
	before := len(b.Requests())
	require.NoError(t, b.Click(".remove-site-data button"))
	require.NoError(t, b.WaitText(".remove-site-data-status", s.Labels.Device.Done, stepWait))
	require.Len(t, b.Requests(), before, "removing the site's data made a request: %v", b.Requests()[before:])

	left, err := b.Caches()
	require.NoError(t, err)
	require.Empty(t, left)
	var registrations int
	require.NoError(t, b.Eval(`navigator.serviceWorker.getRegistrations().then((r) => r.length)`, &registrations))
	require.Zero(t, registrations)
	// The page is still open, and the worker that served it may answer
	// its requests until it goes: it must not bring a cache back.
	require.NoError(t, b.Eval(`fetch(location.href).then(() => caches.keys()).then((k) => k.length)`, &registrations))
	require.Zero(t, registrations, "a cache came back after the removal")

	host.Stop()
	require.Error(t, b.Navigate(host.Origin+site.Link("", "/metadata")), "the site still opened with the host gone")
	require.Empty(t, b.Problems())
}

// TestRemovalOnlyWhereOffered: the control is on the page that asks for
// it and on no other.
func TestRemovalOnlyWhereOffered(t *testing.T) {
	s := built.root.Site
	origin := Serve(t, built.root.Dir, "")
	b := NewBrowser(t)
	for _, p := range s.Pages {
		require.NoError(t, b.Navigate(origin+p.Path), p.Path)
		require.NoError(t, b.WaitReady(appStart), p.Path)
		var n int
		require.NoError(t, b.Eval(`document.querySelectorAll(".remove-site-data").length`, &n))
		want := 0
		if p.OffersRemoval {
			want = 1
		}
		require.Equal(t, want, n, p.Path)
	}
}
