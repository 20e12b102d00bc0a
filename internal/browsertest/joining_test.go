package browsertest

import (
	"testing"

	"github.com/stretchr/testify/require"

	"callprivacy/internal/questionnaire"
	"callprivacy/internal/site"
)

// TestResultLeadsToJoining: the result's next step and its checklist both
// link to the page on joining a session, which opens as a page of its own.
func TestResultLeadsToJoining(t *testing.T) {
	s := built.root.Site
	lb := s.Labels.Questionnaire
	b, origin, q := openQuestionnaire(t)
	give := questionnaire.Answers{"devices": {"computer"}, "who": {"me"}}
	answerAll(t, b, q, give)
	require.NoError(t, b.ClickButton(lb.SeeResult))
	res := q.Recommend(give)
	require.NoError(t, b.WaitText("#step-heading", site.Fill(lb.ResultHeading, "name", res.Ranked[0].Platform.Name), stepWait))
	for _, where := range []string{".next-step", ".checklist"} {
		var text string
		require.NoError(t, b.Eval(`document.querySelector(`+jsString(where+` a[href="/joining"]`)+`)?.textContent ?? ""`, &text))
		require.Equal(t, lb.JoiningLink, text, where)
	}
	require.NoError(t, b.Click(`.checklist a[href="/joining"]`))
	require.NoError(t, b.WaitText("h1", mustPage(t, s, site.JoiningPath).Title, stepWait))
	requireNothingLeft(t, b, origin)
}
