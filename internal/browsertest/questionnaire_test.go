package browsertest

import (
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/browser"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
	"github.com/stretchr/testify/require"

	"callprivacy/internal/questionnaire"
	"callprivacy/internal/site"
)

const stepWait = 10 * time.Second

// openQuestionnaire opens /questionnaire in a fresh browser and waits for
// the app.
func openQuestionnaire(t *testing.T) (*Browser, string, *questionnaire.Questionnaire) {
	t.Helper()
	origin := Serve(t, built.root.Dir, "")
	b := NewBrowser(t)
	require.NoError(t, b.Navigate(origin+site.QuestionnairePath))
	require.NoError(t, b.WaitReady(appStart))
	return b, origin, questionnaire.New(built.root.Site)
}

// answer answers the question on screen with the given options (none:
// skip) and moves on, checking that the next screen appears and that focus
// moved to its heading.
func answer(t *testing.T, b *Browser, q site.Question, next string, options ...string) {
	t.Helper()
	require.NoError(t, b.WaitText("#step-heading", q.Prompt, stepWait))
	for _, o := range options {
		require.NoError(t, chromedp.Run(b.Ctx, chromedp.Click("#opt-"+q.ID+"-"+o, chromedp.ByQuery, chromedp.NodeVisible)), q.ID+"/"+o)
	}
	lb := built.root.Site.Labels.Questionnaire
	if len(options) == 0 {
		require.NoError(t, b.ClickButton(lb.Skip), q.ID)
	} else {
		require.NoError(t, b.ClickButton(lb.Continue), q.ID)
	}
	require.NoError(t, b.WaitText("#step-heading", next, stepWait), "after "+q.ID)
	require.NoError(t, b.WaitFocus("step-heading", stepWait), "after "+q.ID)
}

// answerAll answers every question on screen with give, from the first
// question on screen to the check step.
func answerAll(t *testing.T, b *Browser, q *questionnaire.Questionnaire, give questionnaire.Answers) {
	t.Helper()
	qs := q.Questions()
	for i, question := range qs {
		next := built.root.Site.Labels.Questionnaire.CheckHeading
		if i+1 < len(qs) {
			next = qs[i+1].Prompt
		}
		answer(t, b, question, next, give[question.ID]...)
	}
}

// requireNothingLeft asserts the promise of the questionnaire: no request
// left the origin, nothing was stored, nothing went wrong.
func requireNothingLeft(t *testing.T, b *Browser, origin string) {
	t.Helper()
	requireSameOrigin(t, origin, b.Requests())
	used, err := b.StorageUsed()
	require.NoError(t, err)
	require.Empty(t, used, "the questionnaire stored something in the browser")
	for _, r := range b.Requests() {
		require.NotContains(t, r, "answers=", "answers went into a request")
	}
	require.Empty(t, b.Problems())
}

// TestQuestionnaireFullPath answers every question, checks the answers,
// gets a suggestion, includes the sensitive answer on purpose and copies
// exactly the summary shown.
func TestQuestionnaireFullPath(t *testing.T) {
	b, origin, q := openQuestionnaire(t)
	lb := q.Site().Labels.Questionnaire
	give := questionnaire.Answers{
		"devices": {"computer", "phone"}, "signal": {"willing"}, "install": {"no"}, "who": {"me"},
		"household": {"shared"}, "metadata": {"a-lot"}, "phone": {"yes"}, "connection": {"patchy"},
		"access": {"captions"}, "preference": {"whatsapp"},
	}
	answerAll(t, b, q, give)
	check, err := b.Text(".check-answers")
	require.NoError(t, err)
	for _, question := range q.Questions() {
		require.Contains(t, check, questionnaire.AnswerText(&question, give))
	}

	want := q.Recommend(give)
	top := want.Ranked[0]
	require.NoError(t, b.ClickButton(lb.SeeResult))
	require.NoError(t, b.WaitText("#step-heading", site.Fill(lb.ResultHeading, "name", top.Platform.Name), stepWait))
	result, err := b.Text(".result")
	require.NoError(t, err)
	for _, r := range slices.Concat(top.For, top.Against, top.Next, want.Notes, want.Checklist) {
		require.Contains(t, result, r.Text)
	}
	require.Len(t, want.Declined, 1)
	require.Contains(t, result, want.Declined[0].Text, "the promised explanation of the platform the client preferred")

	// The summary on screen is the one to copy, and leaves the sensitive
	// answer out until the client ticks the box.
	summary := func() string {
		var v string
		require.NoError(t, b.Eval(`document.getElementById("summary-text").value`, &v))
		return v
	}
	require.Equal(t, q.Summary(give, &want, false), summary())
	require.NotContains(t, summary(), "I share a device")
	require.NoError(t, b.Click("#include-sensitive"))
	require.Eventually(t, func() bool { return summary() == q.Summary(give, &want, true) }, stepWait, 50*time.Millisecond)
	require.Contains(t, summary(), "Yes, I share a device")

	// Copy summary: the real clipboard, with the permission a visitor
	// grants by clicking.
	require.NoError(t, chromedp.Run(b.Ctx, browser.GrantPermissions([]browser.PermissionType{
		browser.PermissionTypeClipboardReadWrite, browser.PermissionTypeClipboardSanitizedWrite,
	}).WithOrigin(origin)))
	require.NoError(t, b.ClickButton(lb.Copy))
	require.NoError(t, b.WaitText(".result .notice", lb.Copied, stepWait))
	var copied string
	require.NoError(t, b.Eval(`navigator.clipboard.readText()`, &copied))
	require.Equal(t, summary(), copied, "the clipboard holds exactly what the page shows")

	requireNothingLeft(t, b, origin)
}

// TestQuestionnaireClients walks the three clients the redesign started
// from through the real page, and reads their results as they would.
func TestQuestionnaireClients(t *testing.T) {
	b, origin, q := openQuestionnaire(t)
	lb := q.Site().Labels.Questionnaire
	tests := []struct {
		name     string
		give     questionnaire.Answers
		wantTop  string
		wantFor  []string // under "Why it suits you" for the suggestion
		wantNot  []string // nowhere in the result
		declined string
	}{
		{
			name:    "a computer user who already uses Signal",
			give:    questionnaire.Answers{"devices": {"computer"}, "signal": {"yes"}},
			wantTop: "Signal",
			wantFor: []string{"Because you already use Signal, there is nothing new to set up."},
			wantNot: []string{"you didn't choose a smartphone", "If you don't have Signal yet"},
		},
		{
			name:     "a phone user who prefers WhatsApp",
			give:     questionnaire.Answers{"devices": {"phone"}, "preference": {"whatsapp"}},
			wantTop:  "Signal",
			wantFor:  []string{"You said you would prefer WhatsApp. Of the platforms I use, Signal is the closest to it."},
			wantNot:  []string{"nothing new to set up"},
			declined: "WhatsApp",
		},
		{
			name:     "a phone user who can install apps and prefers WhatsApp",
			give:     questionnaire.Answers{"devices": {"phone"}, "install": {"yes"}, "preference": {"whatsapp"}},
			wantTop:  "Signal",
			wantFor:  []string{"Because you can use a smartphone: Signal calls are end-to-end encrypted by default, on the phone too."},
			wantNot:  []string{"rather not install"},
			declined: "WhatsApp",
		},
	}
	for i, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if i > 0 {
				require.NoError(t, b.ClickButton(lb.Restart))
				require.NoError(t, b.WaitText("#step-heading", q.Questions()[0].Prompt, stepWait))
			}
			answerAll(t, b, q, tt.give)
			require.NoError(t, b.ClickButton(lb.SeeResult))
			require.NoError(t, b.WaitText("#step-heading", site.Fill(lb.ResultHeading, "name", tt.wantTop), stepWait))
			reasons, err := b.Text(".result > .reasons-for, .result > div > .reasons-for")
			require.NoError(t, err)
			for _, w := range tt.wantFor {
				require.Contains(t, reasons, w)
			}
			result, err := b.Text(".result")
			require.NoError(t, err)
			require.NotEmpty(t, strings.TrimSpace(reasons), "the suggestion has a reason")
			for _, w := range tt.wantNot {
				require.NotContains(t, result, w)
			}
			if tt.declined != "" {
				declined, err := b.Text(".result .declined")
				require.NoError(t, err)
				require.Contains(t, declined, site.Fill(lb.DeclinedHead, "name", tt.declined))
				require.Contains(t, declined, "the closest platform I use is "+tt.wantTop)
			}
		})
	}
	requireNothingLeft(t, b, origin)
}

// TestQuestionnaireContinueWithNothing presses Continue without choosing:
// GOV.UK's error summary, announced and focused, then the question goes
// on as normal.
func TestQuestionnaireContinueWithNothing(t *testing.T) {
	b, origin, q := openQuestionnaire(t)
	lb := q.Site().Labels.Questionnaire
	qs := q.Questions()
	require.NoError(t, b.WaitText("#step-heading", qs[0].Prompt, stepWait))
	require.NoError(t, b.ClickButton(lb.Continue))
	require.NoError(t, b.WaitText(".error-summary a", lb.ChooseAny, stepWait))
	require.NoError(t, b.WaitFocus("error-title", stepWait))
	var described string
	require.NoError(t, b.Eval(`document.querySelector("fieldset").getAttribute("aria-describedby")`, &described))
	require.Equal(t, "error-"+qs[0].ID, described)
	answer(t, b, qs[0], qs[1].Prompt, "phone")
	var errors int
	require.NoError(t, b.Eval(`document.querySelectorAll(".error-summary").length`, &errors))
	require.Zero(t, errors, "the message goes once the question is answered")

	// "None of these" is an answer, recorded as such, and rules out the
	// others.
	for i := 1; i < len(qs); i++ {
		next := lb.CheckHeading
		if i+1 < len(qs) {
			next = qs[i+1].Prompt
		}
		if qs[i].ID != "access" {
			answer(t, b, qs[i], next)
			continue
		}
		require.NoError(t, b.Click("#opt-access-captions"))
		require.NoError(t, b.Click("#opt-access-none"))
		require.Eventually(t, func() bool {
			var captions bool
			return b.Eval(`document.getElementById("opt-access-captions").checked`, &captions) == nil && !captions
		}, stepWait, 50*time.Millisecond, "None of these and Captions are both ticked")
		require.NoError(t, b.ClickButton(lb.Continue))
		require.NoError(t, b.WaitText("#step-heading", next, stepWait))
	}
	check, err := b.Text(".check-answers")
	require.NoError(t, err)
	access, _ := q.Question("access")
	none, _ := access.Option("none")
	require.Contains(t, check, none.Label)
	requireNothingLeft(t, b, origin)
}

// TestQuestionnaireSkipAll skips every question: the result still names an
// offered platform, says why, and says that the platforms tied.
func TestQuestionnaireSkipAll(t *testing.T) {
	b, origin, q := openQuestionnaire(t)
	lb := q.Site().Labels.Questionnaire
	answerAll(t, b, q, nil)
	require.NoError(t, b.ClickButton(lb.SeeResult))
	want := q.Recommend(questionnaire.Answers{})
	require.NoError(t, b.WaitText("#step-heading", site.Fill(lb.ResultHeading, "name", want.Ranked[0].Platform.Name), stepWait))
	result, err := b.Text(".result")
	require.NoError(t, err)
	require.Contains(t, result, want.Ranked[0].For[0].Text)
	require.NotEmpty(t, want.Tie)
	require.Contains(t, result, want.Tie)

	// Start again forgets everything.
	require.NoError(t, b.ClickButton(lb.Restart))
	require.NoError(t, b.WaitText("#step-heading", q.Questions()[0].Prompt, stepWait))
	requireNothingLeft(t, b, origin)
}

// TestQuestionnaireBackChangeAndResume uses the page's Back, the browser's
// back and forward buttons, the "Change" links, a resumable link and a
// tampered one.
func TestQuestionnaireBackChangeAndResume(t *testing.T) {
	b, origin, q := openQuestionnaire(t)
	lb := q.Site().Labels.Questionnaire
	qs := q.Questions()
	answer(t, b, qs[0], qs[1].Prompt, "computer")
	answer(t, b, qs[1], qs[2].Prompt, "yes")
	checked := func(id string) bool {
		var on bool
		require.NoError(t, b.Eval(`document.getElementById(`+jsString(id)+`).checked`, &on))
		return on
	}

	// The page's Back returns to the previous question, with the answer
	// still there, and focus on it.
	require.NoError(t, b.ClickButton(lb.Back))
	require.NoError(t, b.WaitText("#step-heading", qs[1].Prompt, stepWait))
	require.NoError(t, b.WaitFocus("step-heading", stepWait))
	require.True(t, checked("opt-signal-yes"), "going back lost the answer")
	require.NoError(t, b.ClickButton(lb.Continue))
	require.NoError(t, b.WaitText("#step-heading", qs[2].Prompt, stepWait))

	// The steps share one history entry after the start's: the browser's
	// back button goes to the first question, answers kept, and forward
	// returns to the step.
	var entries int
	require.NoError(t, b.Eval(`history.length`, &entries))
	require.Equal(t, 3, entries, "about:blank, the start, and one entry for the steps")
	require.NoError(t, b.Back())
	require.NoError(t, b.WaitText("#step-heading", qs[0].Prompt, stepWait))
	require.True(t, checked("opt-devices-computer"), "the browser's back button lost the answer")
	require.NoError(t, b.Eval(`history.forward()`, nil))
	require.NoError(t, b.WaitText("#step-heading", qs[2].Prompt, stepWait))
	for i := 2; i < len(qs); i++ {
		next := built.root.Site.Labels.Questionnaire.CheckHeading
		if i+1 < len(qs) {
			next = qs[i+1].Prompt
		}
		answer(t, b, qs[i], next)
	}

	// Change an answer from the check step, and come straight back.
	require.NoError(t, chromedp.Run(b.Ctx, chromedp.Click(`.check-row button[value="who"]`, chromedp.ByQuery)))
	who, _ := q.Question("who")
	answer(t, b, who, "Check your answers", "apart")
	check, err := b.Text(".check-answers")
	require.NoError(t, err)
	require.Contains(t, check, "Me and others, joining from different places")

	// A resumable link, asked for explicitly, carries the answers in the
	// fragment only.
	require.NoError(t, b.ClickButton(q.Site().Labels.Questionnaire.SeeResult))
	require.NoError(t, chromedp.Run(b.Ctx, chromedp.Click(`.resume summary`, chromedp.ByQuery)))
	require.NoError(t, b.ClickButton("Make the link"))
	var resume string
	require.NoError(t, chromedp.Run(b.Ctx, chromedp.Value("#resume-link", &resume, chromedp.ByQuery)))
	want := q.Encode(questionnaire.Answers{"devices": {"computer"}, "signal": {"yes"}, "who": {"apart"}})
	require.Equal(t, origin+site.QuestionnairePath+"#"+want, resume)

	// Opening it in a fresh browser restores the answers, and takes them
	// out of the address bar.
	b2 := NewBrowser(t)
	require.NoError(t, b2.Navigate(resume))
	// The link starts the app by itself: what it shows needs the app.
	require.NoError(t, b2.WaitStarted(appStart))
	require.NoError(t, b2.WaitText("#step-heading", "Check your answers", stepWait))
	check, err = b2.Text(".check-answers")
	require.NoError(t, err)
	require.Contains(t, check, "Yes, I already use it")
	var hash string
	require.NoError(t, b2.Eval(`location.hash`, &hash))
	require.Equal(t, "#check", hash)

	// A hand-edited or truncated link gets a calm message, not a crash.
	for _, bad := range []string{
		strings.Replace(resume, "apart", "everyone", 1),
		resume[:len(resume)-6],
		origin + site.QuestionnairePath + "#answers=v1;%ZZ;<script>",
	} {
		b3 := NewBrowser(t)
		require.NoError(t, b3.Navigate(bad))
		require.NoError(t, b3.WaitReady(appStart))
		require.NoError(t, b3.WaitContains(".questionnaire .notice", "This link's answers could not be read", stepWait), "%s %v", bad, b3.Problems())
		require.NoError(t, b3.WaitText("#step-heading", qs[0].Prompt, stepWait), bad)
		var hash string
		require.NoError(t, b3.Eval(`location.hash`, &hash))
		require.Empty(t, hash, "the unreadable answers stay in the address bar")
		require.Empty(t, b3.Problems(), bad)
	}

	requireNothingLeft(t, b, origin)
	requireNothingLeft(t, b2, origin)
}

// TestQuestionnaireBeforeTheApp checks the prerendered questionnaire: the
// first question is there, nothing is pre-selected (go-app writes
// checked="false", which browsers read as checked), the options can be
// ticked already (the app takes them over: TestTickBeforeTheAppStarts),
// and the buttons wait, saying why.
func TestQuestionnaireBeforeTheApp(t *testing.T) {
	origin := Serve(t, built.root.Dir, "")
	b := NewBrowser(t)
	require.NoError(t, b.Navigate(origin+site.QuestionnairePath+"?wasm=false"))
	lb := built.root.Site.Labels.Questionnaire
	qs := questionnaire.New(built.root.Site).Questions()
	h, err := b.Text("#step-heading")
	require.NoError(t, err)
	require.Equal(t, qs[0].Prompt, h)
	var state struct {
		Inputs   int  `json:"inputs"`
		Checked  int  `json:"checked"`
		Disabled bool `json:"disabled"`
	}
	require.NoError(t, b.Eval(`({
		inputs: document.querySelectorAll(".questionnaire input:not(:disabled)").length,
		checked: document.querySelectorAll(".questionnaire input:checked").length,
		disabled: [...document.querySelectorAll(".questionnaire button")].every(b => b.disabled),
	})`, &state))
	var loader string
	require.NoError(t, b.Eval(`fetch(location.pathname).then(r => r.text())`, &loader))
	require.Contains(t, loader, "Preparing the questionnaire… 0%", "the prerendered page says the questionnaire is getting ready")
	require.Equal(t, len(qs[0].Options), state.Inputs, "every option can be chosen")
	require.Zero(t, state.Checked, "an option looks pre-selected before the app runs")
	require.True(t, state.Disabled)
	preparing, err := b.Text(".questionnaire .actions .preparing")
	require.NoError(t, err)
	require.Equal(t, lb.Preparing, preparing, "the waiting buttons say why")

	// Without the app no answer may reach an address, the history or the
	// network: there is no form to submit, the buttons are inactive, and
	// a client who clicks, taps and presses keys anyway changes nothing
	// but the boxes they ticked.
	var before struct {
		Href    string `json:"href"`
		History int    `json:"history"`
		Forms   int    `json:"forms"`
		Active  int    `json:"active"`
	}
	const where = `({href: location.href, history: history.length, forms: document.forms.length,
		active: document.querySelectorAll(".questionnaire button:not(:disabled)").length})`
	require.NoError(t, b.Eval(where, &before))
	require.Zero(t, before.Forms, "a form could carry answers into an address")
	for _, r := range b.Requests() {
		require.NotContains(t, r, "/web/site.json", "the app's data was fetched for an app that will not run")
	}
	require.Zero(t, before.Active, "a button works before the app runs")
	sent := len(b.Requests())
	for _, o := range qs[0].Options {
		require.NoError(t, chromedp.Run(b.Ctx, chromedp.Click(`label[for="opt-`+qs[0].ID+`-`+o.ID+`"]`, chromedp.ByQuery)))
	}
	// The buttons, by the mouse: a disabled button takes no click.
	var buttons [][2]float64
	require.NoError(t, b.Eval(`[...document.querySelectorAll(".questionnaire button")].map(e => {
		e.scrollIntoView({block: "center"});
		const r = e.getBoundingClientRect();
		return [r.x + r.width / 2, r.y + r.height / 2];
	})`, &buttons))
	require.NotEmpty(t, buttons)
	for _, xy := range buttons {
		require.NoError(t, chromedp.Run(b.Ctx, chromedp.MouseClickXY(xy[0], xy[1])))
	}
	require.NoError(t, chromedp.Run(b.Ctx, chromedp.KeyEvent(" "), chromedp.KeyEvent(kb.Enter)))
	after := before
	require.NoError(t, b.Eval(where, &after))
	require.Equal(t, before, after, "the page changed its address or history without the app")
	require.NoError(t, b.Eval(`document.querySelectorAll(".questionnaire input:checked").length`, &state.Checked))
	ticked := len(qs[0].Options)
	if !qs[0].Multiple {
		ticked = 1
	}
	require.Equal(t, ticked, state.Checked, "the client's ticks do not show")
	require.Len(t, b.Requests(), sent, "a request left the page: %v", b.Requests()[sent:])
}

// TestAddressChangedAfterStart changes the address under a running app:
// a fragment with a stray "%" set by hand, and Back to a history entry
// that holds one. go-app parses the address on every navigation and, given
// one it cannot parse, used to stop the whole Go program. The app must
// stay alive: it says calmly that the link could not be read, and the
// questionnaire still answers.
func TestAddressChangedAfterStart(t *testing.T) {
	s := built.root.Site
	lb := s.Labels.Questionnaire
	qs := questionnaire.New(s).Questions()
	origin := Serve(t, built.root.Dir, "")
	tests := []struct {
		name string
		give string // JavaScript that changes the address
	}{
		{name: "fragment set by hand", give: `location.hash = "answers=v1;%ZZ"`},
		{name: "Back to an entry with a stray %", give: `history.pushState(null, "", "#answers=%ZZ"); history.pushState(null, "", "#elsewhere"); history.back()`},
		{name: "a lone % at the end", give: `location.hash = "answers=%"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b := NewBrowser(t)
			require.NoError(t, b.Navigate(origin+site.QuestionnairePath))
			require.NoError(t, b.WaitReady(appStart))
			require.NoError(t, b.WaitText("#step-heading", qs[0].Prompt, stepWait))
			require.NoError(t, b.Eval(tt.give+`, 0`, new(int)))
			require.NoError(t, b.WaitContains(".questionnaire .notice", lb.LinkError, stepWait), "%v", b.Problems())
			// The app still runs: Continue with nothing chosen asks for an
			// answer and moves focus to the message.
			require.NoError(t, b.WaitText("#step-heading", qs[0].Prompt, stepWait))
			require.NoError(t, b.ClickButton(lb.Continue))
			require.NoError(t, b.WaitFocus("error-title", stepWait), "%v", b.Problems())
			require.Empty(t, b.Problems())
		})
	}
}
