package qrsvg_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"callprivacy/internal/qrread"
	"callprivacy/internal/qrsvg"
)

// TestSVGReadsBack draws addresses as QR codes and reads each back with
// an independent decoder from a rasterised copy of the SVG.
func TestSVGReadsBack(t *testing.T) {
	tests := []struct {
		give, giveLabel string
		wantLabel       string
	}{
		{give: "https://example.org/", giveLabel: "Scan to open", wantLabel: `aria-label="Scan to open"`},
		{give: "https://privacy.example-practice.co.uk/video-sessions/", giveLabel: `Scan "here" <b>`, wantLabel: `aria-label="Scan &#34;here&#34; &lt;b&gt;"`},
	}
	for _, tt := range tests {
		t.Run(tt.give, func(t *testing.T) {
			svg, err := qrsvg.SVG(tt.give, tt.giveLabel)
			require.NoError(t, err)
			require.Contains(t, svg, tt.wantLabel)
			got, err := qrread.Decode(svg)
			require.NoError(t, err)
			require.Equal(t, tt.give, got)
		})
	}
}
