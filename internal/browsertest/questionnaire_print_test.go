package browsertest

import (
	"regexp"
	"testing"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
	"github.com/stretchr/testify/require"

	"callprivacy/internal/questionnaire"
	"callprivacy/internal/site"
)

// TestPrintTheResult prints a result as a client with many answers gets
// it: on paper it starts with the suggestion, without the page's
// introduction, buttons or a focus ring, says whose advice it is and the
// day it was printed, and fits on two A4 pages at most.
func TestPrintTheResult(t *testing.T) {
	s := built.root.Site
	lb := s.Labels.Questionnaire
	b, _, q := openQuestionnaire(t)
	give := questionnaire.Answers{
		"devices": {"computer", "phone"}, "signal": {"willing"}, "install": {"no"}, "who": {"me"},
		"household": {"shared"}, "metadata": {"a-lot"}, "phone": {"yes"}, "connection": {"patchy"},
		"access": {"captions"}, "preference": {"whatsapp"},
	}
	answerAll(t, b, q, give)
	// By keyboard, as most who print from here get there: the heading
	// the app then focuses shows its focus ring on screen.
	tabTo(t, b, "button.primary")
	pressKey(t, b, kb.Enter)
	res := q.Recommend(give)
	heading := site.Fill(lb.ResultHeading, "name", res.Ranked[0].Platform.Name)
	require.NoError(t, b.WaitText("#step-heading", heading, stepWait))
	require.NoError(t, b.WaitFocus("step-heading", stepWait))
	const ring = `getComputedStyle(document.activeElement).outlineStyle`
	var outline string
	require.NoError(t, b.Eval(ring, &outline))
	require.NotEqual(t, "none", outline, "on screen the focused heading shows its ring (else this test proves nothing)")

	require.NoError(t, chromedp.Run(b.Ctx, emulation.SetEmulatedMedia().WithMedia("print")))
	var paper struct {
		First     string `json:"first"`
		FirstID   string `json:"firstID"`
		Main      string `json:"main"`
		Page      string `json:"page"`
		Buttons   int    `json:"buttons"`
		Outline   string `json:"outline"`
		Today     string `json:"today"`
		Checklist string `json:"checklist"`
	}
	require.NoError(t, b.Eval(`(() => {
		// The first text a reader of the printed page meets in the main text.
		const walk = document.createTreeWalker(document.querySelector("main"), NodeFilter.SHOW_TEXT);
		let first = null;
		for (let n = walk.nextNode(); n; n = walk.nextNode()) {
			if (n.textContent.trim() && n.parentElement.getClientRects().length > 0 &&
				getComputedStyle(n.parentElement).visibility === "visible") { first = n.parentElement; break; }
		}
		const visible = (e) => e.getClientRects().length > 0;
		const d = new Date();
		const two = (n) => String(n).padStart(2, "0");
		return {
			first: first ? first.innerText : "",
			firstID: first ? first.id : "",
			main: document.querySelector("main").innerText,
			page: document.body.innerText,
			buttons: [...document.querySelectorAll("button, .quick-exit, .site-header nav")].filter(visible).length,
			outline: `+ring+`,
			today: d.getFullYear() + "-" + two(d.getMonth() + 1) + "-" + two(d.getDate()),
			checklist: document.querySelector(".result .checklist").innerText,
		};
	})()`, &paper))
	require.Equal(t, "step-heading", paper.FirstID, "the printed page starts with %q", paper.First)
	require.Equal(t, heading, paper.First)
	pg, _ := s.Page(site.QuestionnairePath)
	require.NotContains(t, paper.Main, pg.Title, "the page's title is printed")
	intro := regexp.MustCompile(`<[^>]+>`).ReplaceAllString(pg.HTML, "")
	require.NotContains(t, paper.Main, intro[:60], "the page's introduction is printed")
	require.Zero(t, paper.Buttons, "buttons, the exit or the menu are printed")
	require.Equal(t, "none", paper.Outline, "the focus ring is printed")
	require.Contains(t, paper.Main, site.Fill(lb.PrintedOn, "practice", s.Settings.Practice, "date", s.Labels.Dates.Date(paper.Today)))
	for _, c := range res.Checklist {
		require.Contains(t, paper.Checklist, c.Text)
	}

	pages := printedA4Pages(t, b)
	t.Logf("the result of %d answers prints on %d A4 page(s)", len(give), pages)
	require.Positive(t, pages)
	require.LessOrEqual(t, pages, 2, "the printed result takes %d A4 pages", pages)
	require.Empty(t, b.Problems())
}
