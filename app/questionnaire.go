package app

import (
	"net/url"
	"slices"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"callprivacy/internal/questionnaire"
)

// Steps other than questions, as URL fragments. A question's fragment is
// "q-" and its ID. The fragment holds where the client is, never what they
// answered (except in a resumable link they ask for).
const (
	stepCheck     = "check"
	stepResult    = "result"
	questionStep  = "q-"
	stepHeadingID = "step-heading"
)

// questionnairePage asks one question per screen (the GOV.UK pattern),
// then shows the answers to check, then the recommendation.
//
// Answers live in this component's memory only: no cookie, no storage, no
// request. Closing or reloading the page forgets them.
type questionnairePage struct {
	app.Compo

	q       *questionnaire.Questionnaire
	answers questionnaire.Answers
	// step is the index of the question shown; len(questions) is the
	// check-your-answers step and len(questions)+1 the result.
	step int
	// fromCheck is set when a "Change" link on the check step led to a
	// question: "Continue" then returns to the check step.
	fromCheck bool
	// message is a calm note, e.g. about a link that could not be read.
	message string
	// ready is set once the app runs in the browser: before that the
	// prerendered buttons can do nothing, so they are disabled.
	ready bool
	// resumeLink is shown after the client asks for one.
	resumeLink string
	// copyStatus says whether the summary reached the clipboard.
	copyStatus string
	// error asks for an answer when Continue was pressed with none.
	error string
	// includeSensitive puts the answers marked sensitive in the summary;
	// the client ticks a box for it.
	includeSensitive bool
	// navigated is set after the first navigation: focus moves to a step's
	// heading when the client moves between steps, not when the page opens.
	navigated bool
	// onExit forgets the answers when the reader leaves in a hurry.
	onExit app.Func
}

func newQuestionnaire() *questionnairePage {
	return &questionnairePage{}
}

func (c *questionnairePage) questionnaire() *questionnaire.Questionnaire {
	if c.q == nil {
		c.q = questionnaire.New(current())
		c.answers = questionnaire.Answers{}
	}
	return c.q
}

// exitEvent is dispatched on the document by web/site.js when the reader
// uses "Leave this site" (or presses Shift three times).
const exitEvent = "callprivacy:exit"

func (c *questionnairePage) OnMount(ctx app.Context) {
	c.ready = true
	c.onExit = app.FuncOf(func(app.Value, []app.Value) any {
		// Synchronously: the page is about to be replaced.
		c.forget()
		return nil
	})
	app.Window().Get("document").Call("addEventListener", exitEvent, c.onExit)
}

func (c *questionnairePage) OnDismount() {
	app.Window().Get("document").Call("removeEventListener", exitEvent, c.onExit)
	c.onExit.Release()
}

// forget clears every answer and everything derived from them.
func (c *questionnairePage) forget() {
	c.answers = questionnaire.Answers{}
	c.message, c.resumeLink, c.copyStatus, c.error = "", "", "", ""
	c.fromCheck, c.includeSensitive = false, false
}

// OnNav follows the URL fragment: the browser's back and forward buttons
// move between questions because each step is a history entry.
func (c *questionnairePage) OnNav(ctx app.Context) {
	q := c.questionnaire()
	frag := currentFragment()
	if frag != "" && frag != stepCheck && frag != stepResult && !strings.HasPrefix(frag, questionStep) &&
		!strings.HasPrefix(frag, questionnaire.FragmentPrefix) {
		return // another anchor on the page, such as the skip link
	}
	c.resumeLink, c.copyStatus, c.error = "", "", ""
	if !strings.HasPrefix(frag, questionnaire.FragmentPrefix) && c.navigated {
		c.message = ""
	}
	switch {
	case strings.HasPrefix(frag, questionnaire.FragmentPrefix):
		lb := q.Site().Labels.Questionnaire
		a, err := q.Decode(frag)
		if err != nil {
			c.message = lb.LinkError
			c.step = 0
			c.replaceFragment("")
		} else {
			c.answers, c.message = a, lb.LinkLoaded
			c.step = len(q.Questions())
			c.replaceFragment(stepCheck)
		}
	case frag == stepCheck:
		c.step = len(q.Questions())
	case frag == stepResult:
		c.step = len(q.Questions()) + 1
	case strings.HasPrefix(frag, questionStep):
		c.step = 0
		for i, question := range q.Questions() {
			if question.ID == strings.TrimPrefix(frag, questionStep) {
				c.step = i
			}
		}
	default:
		c.step = 0
	}
	c.afterStepChange(ctx, c.navigated)
	c.navigated = true
}

// currentFragment reads the URL fragment from the browser itself: a
// hand-edited link may not parse as a URL at all (say "%ZZ"), and must
// still reach Decode to get its calm message.
func currentFragment() string {
	if !app.IsClient {
		return "" // prerendering: browsers never send the fragment
	}
	raw := strings.TrimPrefix(app.Window().Get("location").Get("hash").String(), "#")
	if f, err := url.PathUnescape(raw); err == nil {
		return f
	}
	return raw
}

// replaceFragment rewrites the current history entry, so that answers
// read from a link do not stay in the address bar.
func (c *questionnairePage) replaceFragment(frag string) {
	if !app.IsClient {
		return
	}
	loc := app.Window().Get("location")
	u := loc.Get("pathname").String() + loc.Get("search").String()
	if frag != "" {
		u += "#" + frag
	}
	app.Window().Get("history").Call("replaceState", nil, "", u)
}

// goTo moves to a step, as a new history entry.
func (c *questionnairePage) goTo(ctx app.Context, frag string) {
	u := *ctx.Page().URL()
	u.Fragment = frag
	ctx.NavigateTo(&u)
}

// afterStepChange runs once the new step is on screen. It sets each
// option's checked state from the answers: go-app re-uses the inputs of one
// question for the next and only writes "checked" when its own record of
// the attribute changes, so a click it has not re-rendered yet would
// otherwise show up as a pre-selected option on the next question. Then,
// unless the page has just opened, it moves focus to the step's heading,
// so that keyboard and screen-reader users start there and hear the change.
func (c *questionnairePage) afterStepChange(ctx app.Context, focus bool) {
	ctx.Defer(func(app.Context) {
		if c.step < len(c.q.Questions()) {
			question := c.q.Questions()[c.step]
			for _, o := range question.Options {
				if el := app.Window().GetElementByID("opt-" + question.ID + "-" + o.ID); el.Truthy() {
					el.Set("checked", slices.Contains(c.answers[question.ID], o.ID))
				}
			}
		}
		if el := app.Window().GetElementByID(stepHeadingID); focus && el.Truthy() {
			el.Call("focus")
		}
	})
}

func (c *questionnairePage) Render() app.UI {
	q := c.questionnaire()
	qs := q.Questions()
	var step app.UI
	switch {
	case c.step < len(qs):
		step = c.renderQuestion(qs, c.step)
	case c.step == len(qs):
		step = c.renderCheck(qs)
	default:
		step = c.renderResult()
	}
	return app.Section().Class("questionnaire").Aria("label", attr(q.Site().Labels.Questionnaire.Region)).Body(
		when(c.message != "", func() app.UI {
			return app.P().Class("notice").Aria("live", "polite").Text(c.message)
		}),
		step,
	)
}
