package browsertest

import (
	"bytes"
	"context"
	"regexp"
	"testing"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/require"
)

// pdfPage is a page object in the PDF Chromium prints (its page tree is
// "/Type /Pages").
var pdfPage = regexp.MustCompile(`/Type\s*/Page\b[^s]`)

// printedA4Pages prints the page to PDF on A4 paper with Chromium's
// default margins, as the print dialog would, and counts its pages.
func printedA4Pages(t *testing.T, br *Browser) int {
	t.Helper()
	var pdf []byte
	require.NoError(t, chromedp.Run(br.Ctx, chromedp.ActionFunc(func(ctx context.Context) error {
		var err error
		pdf, _, err = page.PrintToPDF().WithPaperWidth(8.27).WithPaperHeight(11.69).Do(ctx)
		return err
	})))
	require.True(t, bytes.HasPrefix(pdf, []byte("%PDF")))
	return len(pdfPage.FindAll(pdf, -1))
}
