package browsertest

import (
	"testing"

	"github.com/stretchr/testify/require"

	"callprivacy/internal/site"
)

// TestPolicyDateLeadsToTheChanges follows the footer's policy date, under
// a sub-path, to the change log, whose newest entry is that date.
func TestPolicyDateLeadsToTheChanges(t *testing.T) {
	s, base := built.sub.Site, built.sub.Base
	origin := Serve(t, built.sub.Dir, base)
	b := NewBrowser(t)
	require.NoError(t, b.Navigate(origin+site.Link(base, "/metadata")))
	require.NoError(t, b.WaitReady(appStart))
	var href string
	require.NoError(t, b.Eval(`document.querySelector("footer a.policy-date").getAttribute("href")`, &href))
	require.Equal(t, site.Link(base, site.ChangesPath), href)
	// Read as one line, with no space before the full stop after the date.
	var text string
	require.NoError(t, b.Eval(`document.querySelector("footer a.policy-date").innerText`, &text))
	require.Equal(t, site.Fill(s.Labels.Frame.PolicyDated, "date", s.Labels.Dates.Date(s.Settings.PolicyDate)), text)
	require.NoError(t, b.Click("footer a.policy-date"))
	require.NoError(t, b.WaitText("h1", mustPage(t, s, site.ChangesPath).Title, stepWait))
	var newest string
	require.NoError(t, b.Eval(`document.querySelector("ol.changes li h2 time").getAttribute("datetime")`, &newest))
	require.Equal(t, s.Settings.PolicyDate, newest)
	require.Empty(t, b.Problems())
}

func mustPage(t *testing.T, s *site.Site, path string) site.Page {
	t.Helper()
	p, ok := s.Page(path)
	require.True(t, ok, path)
	return p
}
