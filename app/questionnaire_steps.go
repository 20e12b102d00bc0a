package app

import (
	"slices"
	"strconv"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"callprivacy/internal/questionnaire"
	"callprivacy/internal/site"
)

// The question and check-your-answers steps of the questionnaire page.

func (c *questionnairePage) renderQuestion(qs []site.Question, i int) app.UI {
	lb := c.q.Site().Labels.Questionnaire
	question := &qs[i]
	chosen := c.answers[question.ID]
	kind := "radio"
	if question.Multiple {
		kind = "checkbox"
	}
	errorID := site.ErrorID(question.ID)
	fieldset := app.FieldSet()
	if c.error != "" {
		fieldset = fieldset.Class("has-error").Aria("describedby", attr(errorID))
	}
	return app.Div().Class("step").Body(
		// A button, not a link: it replaces the step's history entry
		// rather than adding one (see questionnaire_nav.go).
		when(i > 0, func() app.UI {
			return app.Button().Type("button").Class("back link-button").Disabled(!c.ready()).Text(lb.Back).OnClick(c.onBack)
		}),
		// GOV.UK's error summary: announced, and linked to the question.
		// Its slot is always there, so that the elements after it stay the
		// same ones: go-app replaces shifted elements, and a replaced
		// Continue button would cancel the focus move onContinue defers.
		app.Div().Class("error-slot").Body(
			when(c.error != "", func() app.UI {
				return app.Div().Class("error-summary").Aria("labelledby", site.ErrorTitleID).Role("alert").Body(
					app.H2().ID(site.ErrorTitleID).TabIndex(-1).Text(lb.ErrorTitle),
					app.P().Body(app.A().Href(attr("#"+site.OptionID(question.ID, question.Options[0].ID))).Text(c.error)),
				)
			}),
		),
		app.P().Class("progress").Text(site.Fill(lb.Progress, "n", strconv.Itoa(i+1), "total", strconv.Itoa(len(qs)))),
		fieldset.Body(
			app.Legend().Body(
				app.H2().ID(site.StepHeadingID).TabIndex(-1).Text(question.Prompt),
			),
			when(question.Hint != "", func() app.UI { return app.P().Class("hint").Text(question.Hint) }),
			when(c.error != "", func() app.UI { return app.P().Class("error-message").ID(attr(errorID)).Text(c.error) }),
			app.Div().Class("options").Body(
				app.Range(question.Options).Slice(func(j int) app.UI {
					o := &question.Options[j]
					id := site.OptionID(question.ID, o.ID)
					selected := slices.Contains(chosen, o.ID)
					// autocomplete="off": otherwise the browser saves the
					// ticks with the history entry and puts them back into
					// the prerendered page when the client returns to it
					// (even with Back after "Leave this site"), where the
					// app would take them for the client's own.
					in := app.Input().Type(kind).ID(attr(id)).Name(attr(question.ID)).Value(attr(o.ID)).AutoComplete(false).OnChange(c.onChoose)
					// go-app prerenders Checked(false) as checked="false", which
					// browsers read as checked: only say it when it is true, or
					// in the browser, where it sets the property.
					if selected || app.IsClient {
						in = in.Checked(selected)
					}
					div := app.Div().Class("option")
					if o.Exclusive {
						div = div.Class("option exclusive")
					}
					return div.Body(in, app.Label().For(attr(id)).Text(o.Label))
				}),
			),
		),
		app.Details().Class("why").Body(
			app.Summary().Text(lb.Why),
			app.P().Text(question.Why),
		),
		app.Div().Class("actions").Body(
			app.Button().Type("button").Class("primary").Disabled(!c.ready()).Text(lb.Continue).OnClick(c.onContinue),
			when(len(chosen) == 0, func() app.UI {
				return app.Button().Type("button").Class("secondary").Disabled(!c.ready()).Text(lb.Skip).OnClick(c.onSkip)
			}),
			// Only on the prerendered page: why the buttons wait, and
			// that what is chosen meanwhile is kept.
			when(!c.ready(), func() app.UI {
				return app.P().Class("preparing").ID(site.PreparingID).Text(lb.Preparing)
			}),
		),
	)
}

// onChoose records a choice. It reads the question and option from the
// input itself: go-app re-uses the inputs of one question for the next and
// keeps an element's first handler when a new one comes from the same
// function literal, so a handler that captured them would answer the
// previous question.
func (c *questionnairePage) onChoose(ctx app.Context, e app.Event) {
	target := e.Get("target")
	question, ok := c.q.Question(target.Get("name").String())
	if !ok {
		return
	}
	// The error summary stays until Continue, as on GOV.UK's forms: taking
	// it away here would move the Continue button under the finger that
	// is about to press it.
	opt := target.Get("value").String()
	if !question.Multiple {
		c.answers[question.ID] = []string{opt}
		return
	}
	// The boxes on screen are the truth: read them all rather than
	// toggle a copy, which two quick taps can leave out of step. An
	// exclusive answer ("None of these") and the others rule each other
	// out; the question's own order is kept, whatever the order of taps.
	clicked, _ := question.Option(opt)
	on := target.Get("checked").Bool()
	var next []string
	for _, o := range question.Options {
		el := app.Window().GetElementByID(site.OptionID(question.ID, o.ID))
		checked := el.Truthy() && el.Get("checked").Bool()
		if checked && o.ID != opt && on && (clicked.Exclusive || o.Exclusive) {
			checked = false
			el.Set("checked", false)
		}
		if checked {
			next = append(next, o.ID)
		}
	}
	if len(next) == 0 {
		delete(c.answers, question.ID)
	} else {
		c.answers[question.ID] = next
	}
}

// onContinue leaves an answered question; with no answer it asks for one,
// as GOV.UK's forms do, and moves focus to the message.
func (c *questionnairePage) onContinue(ctx app.Context, e app.Event) {
	question := c.q.Questions()[c.step]
	if !c.answers.Answered(question.ID) {
		lb := c.q.Site().Labels.Questionnaire
		c.error = lb.ChooseOne
		if question.Multiple {
			c.error = lb.ChooseAny
		}
		ctx.Defer(func(app.Context) {
			if el := app.Window().GetElementByID(site.ErrorTitleID); el.Truthy() {
				el.Call("focus")
			}
		})
		return
	}
	c.next(ctx)
}

// onBack goes back one question, replacing the step's history entry.
func (c *questionnairePage) onBack(ctx app.Context, e app.Event) {
	if c.step > 0 && c.step < len(c.q.Questions()) {
		c.error = ""
		c.goTo(ctx, questionStep+c.q.Questions()[c.step-1].ID)
	}
}

// onChange opens a question from the check step; Continue then returns
// there. It reads the question from the button itself: go-app keeps an
// element's first handler, so a handler that captured it could open
// another question.
func (c *questionnairePage) onChange(ctx app.Context, e app.Event) {
	if question, ok := c.q.Question(ctx.JSSrc().Get("value").String()); ok {
		c.fromCheck = true
		c.goTo(ctx, questionStep+question.ID)
	}
}

// onSkip leaves the question unanswered.
func (c *questionnairePage) onSkip(ctx app.Context, e app.Event) { c.next(ctx) }

// next moves on from the question on screen.
func (c *questionnairePage) next(ctx app.Context) {
	qs := c.q.Questions()
	c.message, c.error = "", ""
	if c.fromCheck || c.step+1 >= len(qs) {
		c.fromCheck = false
		c.goTo(ctx, stepCheck)
		return
	}
	c.goTo(ctx, questionStep+qs[c.step+1].ID)
}

func (c *questionnairePage) renderCheck(qs []site.Question) app.UI {
	lb := c.q.Site().Labels.Questionnaire
	return app.Div().Class("step").Body(
		app.H2().ID(site.StepHeadingID).TabIndex(-1).Text(lb.CheckHeading),
		app.P().Text(lb.CheckIntro),
		app.Dl().Class("check-answers").Body(
			app.Range(qs).Slice(func(i int) app.UI {
				question := &qs[i]
				answer := questionnaire.AnswerText(question, c.answers)
				if answer == "" {
					answer = lb.NotAnswered
				}
				return app.Div().Class("check-row").Body(
					app.Dt().Text(question.Prompt),
					app.Dd().Text(answer),
					app.Dd().Class("change").Body(
						app.Button().Type("button").Class("link-button").Value(attr(question.ID)).OnClick(c.onChange).
							Body(app.Text(lb.Change), app.Span().Class("visually-hidden").Text(site.Fill(lb.ChangeHidden, "question", question.Prompt))),
					),
				)
			}),
		),
		app.Div().Class("actions").Body(
			app.Button().Type("button").Class("primary").Disabled(!c.ready()).Text(lb.SeeResult).
				OnClick(func(ctx app.Context, e app.Event) { c.goTo(ctx, stepResult) }),
		),
	)
}
