package browsertest

import (
	"context"
	"net/url"
	"testing"
	"time"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/require"

	"callprivacy/internal/questionnaire"
	"callprivacy/internal/site"
)

// tabHistory lists the addresses in the tab's history, oldest first; nil
// while the tab is between two documents.
func tabHistory(b *Browser) []string {
	var urls []string
	err := chromedp.Run(b.Ctx, chromedp.ActionFunc(func(ctx context.Context) error {
		_, entries, err := page.GetNavigationHistory().Do(ctx)
		for _, e := range entries {
			urls = append(urls, e.URL)
		}
		return err
	}))
	if err != nil {
		return nil
	}
	return urls
}

// TestBackAfterLeavingTheQuestionnaire leaves from the middle of the
// questionnaire, in every way a client can be there, and presses Back on
// the neutral page: it lands on the questionnaire's start, never on a
// step, and the tab's history holds no step at all.
func TestBackAfterLeavingTheQuestionnaire(t *testing.T) {
	s := built.root.Site
	lb := s.Labels.Questionnaire
	q := questionnaire.New(s)
	qs := q.Questions()
	origin := Serve(t, built.root.Dir, "")
	tests := []struct {
		name string
		give func(t *testing.T, b *Browser) // gets from the first question to a later step
	}{
		{name: "on the fourth question", give: func(t *testing.T, b *Browser) {
			answer(t, b, qs[0], qs[1].Prompt, "phone")
			answer(t, b, qs[1], qs[2].Prompt, "yes")
			answer(t, b, qs[2], qs[3].Prompt, "no")
		}},
		{name: "after the page's Back", give: func(t *testing.T, b *Browser) {
			answer(t, b, qs[0], qs[1].Prompt, "phone")
			answer(t, b, qs[1], qs[2].Prompt, "yes")
			require.NoError(t, b.ClickButton(lb.Back))
			require.NoError(t, b.WaitText("#step-heading", qs[1].Prompt, stepWait))
		}},
		{name: "on the result", give: func(t *testing.T, b *Browser) {
			answerAll(t, b, q, questionnaire.Answers{"devices": {"phone"}, "household": {"shared"}})
			require.NoError(t, b.ClickButton(lb.SeeResult))
			require.NoError(t, b.WaitContains("#step-heading", "My suggestion", stepWait))
		}},
		{name: "changing an answer from the check step", give: func(t *testing.T, b *Browser) {
			answerAll(t, b, q, questionnaire.Answers{"devices": {"phone"}})
			require.NoError(t, chromedp.Run(b.Ctx, chromedp.Click(`.check-row button[value="household"]`, chromedp.ByQuery)))
			household, _ := q.Question("household")
			require.NoError(t, b.WaitText("#step-heading", household.Prompt, stepWait))
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b := NewBrowser(t)
			standInForNeutralSite(t, b, s.Settings.QuickExit)
			require.NoError(t, b.Navigate(origin+"/"))
			require.NoError(t, b.Navigate(origin+site.QuestionnairePath))
			require.NoError(t, b.WaitReady(appStart))
			tt.give(t, b)

			require.NoError(t, b.Click("a.quick-exit"))
			require.Eventually(t, func() bool {
				h := tabHistory(b)
				return len(h) > 0 && h[len(h)-1] == s.Settings.QuickExit
			}, stepWait, 100*time.Millisecond, "history: %v", tabHistory(b))
			require.Equal(t, []string{"about:blank", origin + "/", origin + site.QuestionnairePath, s.Settings.QuickExit}, tabHistory(b),
				"the tab's history keeps a step of the questionnaire")

			require.NoError(t, chromedp.Run(b.Ctx, chromedp.NavigateBack()))
			require.NoError(t, b.WaitReady(appStart))
			require.NoError(t, b.WaitText("#step-heading", qs[0].Prompt, stepWait))
			var after struct {
				Hash    string `json:"hash"`
				Checked int    `json:"checked"`
				Hidden  bool   `json:"hidden"`
			}
			require.NoError(t, b.Eval(`({hash: location.hash, checked: document.querySelectorAll(".questionnaire input:checked").length,
				hidden: document.body.hidden})`, &after))
			require.Equal(t, "", after.Hash)
			require.Zero(t, after.Checked, "an answer came back")
			require.False(t, after.Hidden)
			// The stand-in neutral page has no icon: the browser's request
			// for it is not the site's problem.
			neutral, err := url.Parse(s.Settings.QuickExit)
			require.NoError(t, err)
			for _, p := range b.Problems() {
				require.Contains(t, p, "//"+neutral.Host+"/favicon.ico", "a problem on the site")
			}
		})
	}
}

// TestStepAddressInANewDocument opens a step's address in a new document,
// as a reload or Back into an entry left by an earlier visit does: a new
// document has no answers, so it shows the start, and takes the step out of
// the address bar.
func TestStepAddressInANewDocument(t *testing.T) {
	s := built.root.Site
	qs := questionnaire.New(s).Questions()
	origin := Serve(t, built.root.Dir, "")
	b := NewBrowser(t)
	for _, frag := range []string{"q-" + qs[3].ID, "check", "result"} {
		require.NoError(t, b.Navigate(origin+"/"))
		require.NoError(t, b.Navigate(origin+site.QuestionnairePath+"#"+frag))
		require.NoError(t, b.WaitReady(appStart))
		require.NoError(t, b.WaitText("#step-heading", qs[0].Prompt, stepWait), frag)
		require.Eventually(t, func() bool {
			var hash string
			return b.Eval(`location.hash`, &hash) == nil && hash == ""
		}, stepWait, 50*time.Millisecond, frag)
	}
	require.Empty(t, b.Problems())
}
