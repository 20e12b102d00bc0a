package app

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"callprivacy/internal/questionnaire"
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
	// shown is the fragment of the step on screen: go-app's own
	// navigation to an address the page has already followed changes
	// nothing.
	shown string
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
		// What the client ticked before the app started is ticked from
		// the app's first render, with no moment unticked in between.
		c.carryOver()
	}
	return c.q
}

// exitEvent is dispatched on the document by the page's first script
// (internal/hosting/first.js) when the reader uses "Leave this site" (or
// presses Shift three times).
const exitEvent = "callprivacy:exit"

// ready reports whether the buttons work: only once the app runs in the
// browser. Before that the prerendered buttons can do nothing, so they are
// disabled and say so; the options work, and the app takes them over
// (carryOver). It holds from the app's first render, so that Continue
// works as soon as the page is mounted, not one render later.
func (c *questionnairePage) ready() bool {
	return app.IsClient
}

func (c *questionnairePage) OnMount(ctx app.Context) {
	// Focus goes back where it was on the prerendered page, in the same
	// task that replaced it: a keyboard or a screen reader never finds
	// itself nowhere, not even for a frame.
	if id := early.focus; id != "" {
		early.focus = ""
		if el := app.Window().GetElementByID(id); el.Truthy() {
			el.Call("focus")
		}
	}
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
