package browsertest

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/require"

	"callprivacy/internal/qrread"
	"callprivacy/internal/site"
)

// leafletURL is where the test's copy of the site says it is published:
// under a sub-path, which the test serves it under too.
const leafletURL = "https://example.org/privacy/"

// TestLeaflet opens the leaflet of a site that knows its address, as a
// printer meets it: one A4 page with the practice, the platforms offered,
// the address in words and a QR code that reads back as the address, and
// no menu or "Leave this site". axe checks it in both colour schemes.
func TestLeaflet(t *testing.T) {
	tmp := t.TempDir()
	dir := filepath.Join(tmp, "content")
	mod, err := ModuleDir()
	require.NoError(t, err)
	require.NoError(t, os.CopyFS(dir, os.DirFS(filepath.Join(mod, "content"))))
	settings := filepath.Join(dir, site.SettingsFile)
	b, err := os.ReadFile(settings)
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(settings, append(b, "\nurl: "+leafletURL+"\n"...), 0o644))
	built, err := BuildFrom(dir, filepath.Join(tmp, "site"), "/privacy")
	require.NoError(t, err)
	s := built.Site
	origin := Serve(t, built.Dir, built.Base)

	br := NewBrowser(t)
	require.NoError(t, br.Navigate(origin+"/privacy"+site.LeafletPath))
	require.NoError(t, br.WaitReady(appStart))

	axe := axeSource(t)
	for _, scheme := range []string{"light", "dark"} {
		setScheme(t, br, scheme)
		checkAxe(t, br, axe, scheme+" "+site.LeafletPath)
	}

	text, err := br.Text("main")
	require.NoError(t, err)
	for _, slug := range s.Settings.Offered {
		p, ok := s.Platform(slug)
		require.True(t, ok)
		require.Contains(t, text, p.Name)
		require.Contains(t, text, p.Summary)
	}
	require.Contains(t, text, "example.org/privacy", "the address in words")
	require.NotContains(t, text, "Zoom", "only the platforms offered")

	var svg string
	require.NoError(t, br.Eval(`document.querySelector(".leaflet svg.qr").outerHTML`, &svg))
	got, err := qrread.Decode(svg)
	require.NoError(t, err)
	require.Equal(t, leafletURL, got)

	require.NoError(t, chromedp.Run(br.Ctx, emulation.SetEmulatedMedia().WithMedia("print")))
	var shown struct {
		Nav    string `json:"nav"`
		Exit   string `json:"exit"`
		Name   string `json:"name"`
		Footer string `json:"footer"`
		QR     bool   `json:"qr"`
	}
	require.NoError(t, br.Eval(`({
		nav: getComputedStyle(document.querySelector(".site-header nav")).display,
		exit: getComputedStyle(document.querySelector(".quick-exit")).display,
		name: document.querySelector(".site-name").innerText,
		footer: document.querySelector("footer").innerText,
		qr: document.querySelector(".leaflet svg.qr").getBoundingClientRect().width > 100,
	})`, &shown))
	require.Equal(t, "none", shown.Nav)
	require.Equal(t, "none", shown.Exit)
	require.Equal(t, s.Settings.Practice, shown.Name)
	require.Contains(t, shown.Footer, "Policy dated")
	require.True(t, shown.QR, "the QR code is big enough for a camera")

	// The page counter counts more than one where there is more: the
	// longest reading page does not fit on one.
	require.Equal(t, 1, printedA4Pages(t, br))
	require.NoError(t, br.Navigate(origin+"/privacy/how-i-work"))
	require.NoError(t, br.WaitReady(appStart))
	require.Greater(t, printedA4Pages(t, br), 1)
}
