package content

import (
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"callprivacy/internal/qrread"
	"callprivacy/internal/site"
)

// TestLeaflet checks what the build adds to the leaflet's words: the
// platforms offered, two lines each, and, with a url, the address in
// words and a QR code that reads back as the address.
func TestLeaflet(t *testing.T) {
	tests := []struct {
		name      string
		giveURL   string
		wantURL   string
		wantWords string
	}{
		{name: "at the root of a domain", giveURL: "https://privacy.example.org", wantURL: "https://privacy.example.org/", wantWords: "privacy.example.org"},
		{name: "under a sub-path", giveURL: "https://example.org/privacy/", wantURL: "https://example.org/privacy/", wantWords: "example.org/privacy"},
		{name: "without a url"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fsys := validFS()
			if tt.giveURL != "" {
				fsys["site.yaml"].Data = []byte(addURL(tt.giveURL)(validSettings))
			}
			s, err := Load(fsys, "content")
			require.NoError(t, err)
			require.Equal(t, tt.wantURL, s.Settings.URL)
			p, ok := s.Page(site.LeafletPath)
			require.True(t, ok)
			require.Empty(t, p.Nav, "not in the menu")
			require.Contains(t, p.HTML, "<p>Some words.</p>")
			require.Contains(t, p.HTML, `<h2>The platforms</h2><ul class="leaflet-platforms"><li><p class="leaflet-platform"><strong>Alpha</strong> · My preferred platform</p><p>What I think of Alpha.</p></li></ul>`)
			require.NotContains(t, p.HTML, "Beta", "beta is not offered")
			svg := regexp.MustCompile(`<svg.*</svg>`).FindString(p.HTML)
			if tt.wantURL == "" {
				require.Empty(t, svg)
				require.NotContains(t, p.HTML, "Read more at:")
				return
			}
			require.Contains(t, p.HTML, `<p>Read more at:</p><p class="leaflet-url">`+tt.wantWords+`</p>`)
			require.Contains(t, svg, `aria-label="A QR code of the address"`)
			got, err := qrread.Decode(svg)
			require.NoError(t, err)
			require.Equal(t, tt.wantURL, got)
			require.Equal(t, 1, strings.Count(p.HTML, `<div class="leaflet">`))
		})
	}
}
