// Package qrread reads back a QR code drawn by internal/qrsvg, for the
// tests: it rasterises the SVG's rectangles itself, as a printer would,
// and decodes the picture with a QR reader that knows nothing of how the
// code was made. Test-only; never in the site or app.wasm.
package qrread

import (
	"fmt"
	"image"
	"image/color"
	"regexp"
	"strconv"
	"strings"

	"github.com/makiuchi-d/gozxing"
	"github.com/makiuchi-d/gozxing/qrcode"
)

var (
	viewBox = regexp.MustCompile(`viewBox="0 0 (\d+) (\d+)"`)
	// A rectangle's attributes, in whatever order they were written (the
	// build sorts them by name).
	rect    = regexp.MustCompile(`<rect\b[^>]*>`)
	rectDim = regexp.MustCompile(`\b(x|y|width|height)="(\d+)"`)
)

// Scale is how many pixels a module becomes; Margin is the white border
// added around the SVG's own, in modules.
const (
	Scale  = 4
	Margin = 4
)

// Decode returns the text of the QR code in svg (an <svg> of black
// rectangles on a white square, one unit per module).
func Decode(svg string) (string, error) {
	m := viewBox.FindStringSubmatch(svg)
	if m == nil {
		return "", fmt.Errorf("no viewBox in %.80q", svg)
	}
	w, _ := strconv.Atoi(m[1])
	h, _ := strconv.Atoi(m[2])
	img := image.NewGray(image.Rect(0, 0, (w+2*Margin)*Scale, (h+2*Margin)*Scale))
	for i := range img.Pix {
		img.Pix[i] = 0xff
	}
	rects := rect.FindAllString(svg, -1)
	if len(rects) == 0 {
		return "", fmt.Errorf("no dark modules in the SVG")
	}
	at := map[string]int{"x": 0, "y": 1, "width": 2, "height": 3}
	for _, r := range rects {
		if strings.Contains(r, `fill="#fff"`) {
			continue // the white square behind the code
		}
		var v [4]int
		for _, d := range rectDim.FindAllStringSubmatch(r, -1) {
			v[at[d[1]]], _ = strconv.Atoi(d[2])
		}
		for y := (v[1] + Margin) * Scale; y < (v[1]+v[3]+Margin)*Scale; y++ {
			for x := (v[0] + Margin) * Scale; x < (v[0]+v[2]+Margin)*Scale; x++ {
				img.SetGray(x, y, color.Gray{})
			}
		}
	}
	bmp, err := gozxing.NewBinaryBitmapFromImage(img)
	if err != nil {
		return "", err
	}
	res, err := qrcode.NewQRCodeReader().Decode(bmp, map[gozxing.DecodeHintType]any{gozxing.DecodeHintType_PURE_BARCODE: false})
	if err != nil {
		return "", fmt.Errorf("decoding the QR code: %w", err)
	}
	return res.GetText(), nil
}
