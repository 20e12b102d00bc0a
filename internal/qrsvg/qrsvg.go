// Package qrsvg draws a QR code as inline SVG, at build time, for the
// printed leaflet: a phone's camera opens the site from paper, and the
// page loads no image from anywhere.
//
// It links a QR encoder, which must never reach app.wasm (see
// cmd/callprivacy/deps_test.go).
package qrsvg

import (
	"fmt"
	"html"
	"strings"

	qrcode "github.com/skip2/go-qrcode"
)

// SVG returns text as a QR code: one <svg> element, a white square with
// its quiet zone (the four modules of margin readers need) and one black
// rectangle per run of dark modules in a row, one unit per module. label
// is its accessible name. Medium error correction (15 %) survives a
// smudged or creased print at the size of a short address.
func SVG(text, label string) (string, error) {
	q, err := qrcode.New(text, qrcode.Medium)
	if err != nil {
		return "", fmt.Errorf("QR code of %q: %w", text, err)
	}
	bits := q.Bitmap() // with the quiet zone
	n := len(bits)
	var b strings.Builder
	fmt.Fprintf(&b, `<svg class="qr" viewBox="0 0 %d %d" role="img" aria-label="%s" shape-rendering="crispEdges">`, n, n, html.EscapeString(label))
	fmt.Fprintf(&b, `<rect width="%d" height="%d" fill="#fff"></rect><g fill="#000">`, n, n)
	for y, row := range bits {
		for x := 0; x < len(row); {
			if !row[x] {
				x++
				continue
			}
			start := x
			for x < len(row) && row[x] {
				x++
			}
			fmt.Fprintf(&b, `<rect x="%d" y="%d" width="%d" height="1"></rect>`, start, y, x-start)
		}
	}
	b.WriteString(`</g></svg>`)
	return b.String(), nil
}
