package browsertest

import (
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/require"

	"callprivacy/internal/site"
)

// TestFirstQuestionOnAPhone opens the questionnaire on a 360×780 phone,
// as most clients do from an email link: below the header, the page's
// title, its short introduction and the first question with all its
// options fit on the first screen, and Continue is within one scroll.
func TestFirstQuestionOnAPhone(t *testing.T) {
	origin := Serve(t, built.root.Dir, "")
	b := NewBrowser(t)
	require.NoError(t, chromedp.Run(b.Ctx, chromedp.EmulateViewport(360, 780)))
	require.NoError(t, b.Navigate(origin+site.QuestionnairePath))
	require.NoError(t, b.WaitReady(appStart))
	var at struct {
		Header   float64 `json:"header"`
		Options  float64 `json:"options"`
		Continue float64 `json:"continue"`
	}
	require.NoError(t, b.Eval(`(() => {
		const bottom = (s) => document.querySelector(s).getBoundingClientRect().bottom + scrollY;
		return {header: bottom(".site-header"), options: bottom(".questionnaire .options"), continue: bottom(".questionnaire .actions .primary")};
	})()`, &at))
	t.Logf("at 360×780: header ends at %.0f px, the first question's options at %.0f, Continue at %.0f", at.Header, at.Options, at.Continue)
	require.LessOrEqual(t, at.Header, 0.2*780, "the header takes more than a fifth of the screen")
	require.LessOrEqual(t, at.Options, 780.0, "the first question's options are not all on the first screen")
	require.LessOrEqual(t, at.Continue, 2*780.0, "Continue is more than one scroll away")
}
