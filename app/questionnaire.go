package app

import (
	"net/url"
	"slices"
	"strconv"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"callprivacy/internal/questionnaire"
	"callprivacy/internal/site"
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
	// summary is shown for copying by hand when the clipboard refuses it.
	summary string
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
	c.message, c.resumeLink, c.copyStatus, c.summary, c.fromCheck = "", "", "", "", false
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
	c.resumeLink, c.copyStatus, c.summary, c.message = "", "", "", ""
	switch {
	case strings.HasPrefix(frag, questionnaire.FragmentPrefix):
		a, err := q.Decode(frag)
		if err != nil {
			c.message = "This link's answers could not be read (" + err.Error() + "). Nothing was stored anywhere, so nothing is lost: you can answer the questions again below."
			c.step = 0
			c.replaceFragment("")
		} else {
			c.answers, c.message = a, "Your answers from the link are below. Check them, then see your recommendation."
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
	return app.Section().Class("questionnaire").Aria("label", "Questionnaire").Body(
		app.If(c.message != "", func() app.UI {
			return app.P().Class("notice").Aria("live", "polite").Text(c.message)
		}),
		step,
	)
}

func (c *questionnairePage) renderQuestion(qs []questionnaire.Question, i int) app.UI {
	question := qs[i]
	chosen := c.answers[question.ID]
	kind := "radio"
	if question.Multiple {
		kind = "checkbox"
	}
	return app.Div().Class("step").Body(
		app.If(i > 0, func() app.UI {
			return app.A().Class("back").Href("#" + questionStep + qs[i-1].ID).Text("Back to the previous question")
		}),
		app.P().Class("progress").Text("Question "+strconv.Itoa(i+1)+" of "+strconv.Itoa(len(qs))),
		app.FieldSet().Body(
			app.Legend().Body(
				app.H2().ID(stepHeadingID).TabIndex(-1).Text(question.Prompt),
			),
			app.If(question.Hint != "", func() app.UI { return app.P().Class("hint").Text(question.Hint) }),
			app.Div().Class("options").Body(
				app.Range(question.Options).Slice(func(j int) app.UI {
					o := question.Options[j]
					id := "opt-" + question.ID + "-" + o.ID
					selected := slices.Contains(chosen, o.ID)
					in := app.Input().Type(kind).ID(id).Name(question.ID).Value(o.ID).OnChange(c.onChoose)
					// go-app prerenders Checked(false) as checked="false", which
					// browsers read as checked: only say it when it is true, or
					// in the browser, where it sets the property.
					if selected || app.IsClient {
						in = in.Checked(selected)
					}
					return app.Div().Class("option").Body(in, app.Label().For(id).Text(o.Label))
				}),
			),
		),
		app.Details().Class("why").Body(
			app.Summary().Text("Why I ask"),
			app.P().Text(question.Why),
		),
		app.Div().Class("actions").Body(
			app.Button().Type("button").Class("primary").Disabled(!c.ready).Text("Continue").OnClick(c.onContinue),
			app.If(len(chosen) == 0, func() app.UI {
				return app.Button().Type("button").Class("secondary").Disabled(!c.ready).Text("Skip this question").OnClick(c.onContinue)
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
	question, ok := questionnaire.Find(c.q.Questions(), target.Get("name").String())
	if !ok {
		return
	}
	opt := target.Get("value").String()
	if !question.Multiple {
		c.answers[question.ID] = []string{opt}
		return
	}
	on := target.Get("checked").Bool()
	// Keep the question's own order, whatever the order of the clicks.
	var next []string
	for _, o := range question.Options {
		if (o.ID == opt && on) || (o.ID != opt && slices.Contains(c.answers[question.ID], o.ID)) {
			next = append(next, o.ID)
		}
	}
	if len(next) == 0 {
		delete(c.answers, question.ID)
	} else {
		c.answers[question.ID] = next
	}
}

// onContinue leaves the question on screen, answered or skipped.
func (c *questionnairePage) onContinue(ctx app.Context, e app.Event) {
	qs := c.q.Questions()
	c.message = ""
	if c.fromCheck || c.step+1 >= len(qs) {
		c.fromCheck = false
		c.goTo(ctx, stepCheck)
		return
	}
	c.goTo(ctx, questionStep+qs[c.step+1].ID)
}

func (c *questionnairePage) renderCheck(qs []questionnaire.Question) app.UI {
	return app.Div().Class("step").Body(
		app.H2().ID(stepHeadingID).TabIndex(-1).Text("Check your answers"),
		app.P().Text("Nothing has left this page. Change any answer, or see what I would suggest."),
		app.Dl().Class("check-answers").Body(
			app.Range(qs).Slice(func(i int) app.UI {
				question := qs[i]
				return app.Div().Class("check-row").Body(
					app.Dt().Text(question.Prompt),
					app.Dd().Text(questionnaire.AnswerText(question, c.answers)),
					app.Dd().Class("change").Body(
						app.A().Href("#"+questionStep+question.ID).
							OnClick(func(ctx app.Context, e app.Event) { c.fromCheck = true }).
							Body(app.Text("Change"), app.Span().Class("visually-hidden").Text(" your answer to: "+question.Prompt)),
					),
				)
			}),
		),
		app.Div().Class("actions").Body(
			app.Button().Type("button").Class("primary").Disabled(!c.ready).Text("See my recommendation").
				OnClick(func(ctx app.Context, e app.Event) { c.goTo(ctx, stepResult) }),
		),
	)
}

func (c *questionnairePage) renderResult() app.UI {
	q := c.questionnaire()
	res := q.Recommend(c.answers)
	if len(res.Ranked) == 0 {
		return app.P().Text("The practice has not listed a platform yet.")
	}
	top, others := res.Ranked[0], res.Ranked[1:]
	return app.Div().Class("step result").Body(
		app.H2().ID(stepHeadingID).TabIndex(-1).Text("My suggestion for you: "+top.Platform.Name),
		rankedDetails(top, "h3"),
		app.Range(res.Declined).Slice(func(i int) app.UI {
			d := res.Declined[i]
			return app.Section().Class("declined").Body(
				app.H3().Text("About "+d.Platform.Name),
				app.P().Text(d.Text),
				app.P().Body(app.A().Href(link(site.PlatformPath(d.Platform.Slug))).Text("Why I don't use "+d.Platform.Name)),
			)
		}),
		app.If(len(others) > 0, func() app.UI {
			return app.Section().Class("others").Body(
				app.H3().Text("Also possible"),
				app.Range(others).Slice(func(i int) app.UI {
					return app.Div().Class("other").Body(
						app.H4().Text(others[i].Platform.Name),
						rankedDetails(others[i], "h5"),
					)
				}),
			)
		}),
		app.If(len(res.Notes) > 0, func() app.UI {
			return app.Section().Body(
				app.H3().Text("About what you need"),
				app.Range(res.Notes).Slice(func(i int) app.UI { return app.P().Text(res.Notes[i]) }),
			)
		}),
		app.Section().Class("checklist").Body(
			app.H3().Text("Before your first session"),
			app.Ul().Body(app.Range(res.Checklist).Slice(func(i int) app.UI { return app.Li().Text(res.Checklist[i]) })),
		),
		app.Div().Class("actions no-print").Body(
			app.Button().Type("button").Class("primary").Text("Copy summary").OnClick(c.onCopy),
			app.Button().Type("button").Class("secondary").Text("Print").
				OnClick(func(ctx app.Context, e app.Event) { app.Window().Call("print") }),
			app.Button().Type("button").Class("secondary").Text("Start again").OnClick(c.onRestart),
		),
		app.P().Class("notice").Aria("live", "polite").Text(c.copyStatus),
		app.If(c.summary != "", func() app.UI {
			return app.Div().Body(
				app.Label().For("summary-text").Text("Your summary"),
				app.Textarea().ID("summary-text").ReadOnly(true).Rows(12).Text(c.summary),
			)
		}),
		app.Details().Class("resume no-print").Body(
			app.Summary().Text("Make a link to come back to these answers"),
			app.P().Text("The link holds your answers after the # sign, a part of the address that browsers never send to any server. But anyone who sees the link can read your answers, and if you open it, it stays in this browser's history. Only make one if that is safe for you."),
			app.If(c.resumeLink == "", func() app.UI {
				return app.Button().Type("button").Class("secondary").Text("Make the link").OnClick(c.onMakeLink)
			}).Else(func() app.UI {
				return app.Div().Body(
					app.Label().For("resume-link").Text("Your link"),
					app.Input().ID("resume-link").Type("text").ReadOnly(true).Value(c.resumeLink),
				)
			}),
		),
	)
}

// rankedDetails lists why a platform is suggested, what to bear in mind and
// what to expect.
func rankedDetails(r questionnaire.Ranked, heading string) app.UI {
	var pros, cons []questionnaire.Reason
	for _, reason := range r.Reasons {
		if reason.Score < 0 {
			cons = append(cons, reason)
		} else {
			pros = append(pros, reason)
		}
	}
	h := func(text string) app.UI {
		if heading == "h3" {
			return app.H3().Text(text)
		}
		return app.H5().Text(text)
	}
	reasonList := func(rs []questionnaire.Reason) app.UI {
		return app.Ul().Body(app.Range(rs).Slice(func(i int) app.UI {
			reason := rs[i]
			return app.Li().Body(
				app.Text(reason.Text),
				app.If(reason.Criterion != "", func() app.UI {
					c, _ := site.CriterionByKey(reason.Criterion)
					return app.Span().Body(
						app.Text(" "),
						app.A().Class("criterion").Href(link(site.ComparePath)+"#criterion-"+c.Key).Text("("+c.Label+")"),
					)
				}),
			)
		}))
	}
	return app.Div().Body(
		app.If(len(pros) > 0, func() app.UI {
			return app.Div().Body(h("Why"), reasonList(pros))
		}),
		app.If(len(cons) > 0, func() app.UI {
			return app.Div().Body(h("To bear in mind"), reasonList(cons))
		}),
		h("What to expect"),
		app.Ul().Body(app.Range(r.Expect).Slice(func(i int) app.UI { return app.Li().Text(r.Expect[i]) })),
		app.P().Body(app.A().Href(link(site.PlatformPath(r.Platform.Slug))).Text("More about "+r.Platform.Name)),
	)
}

func (c *questionnairePage) onCopy(ctx app.Context, e app.Event) {
	{
		text := c.q.Summary(c.answers, c.q.Recommend(c.answers))
		clip := app.Window().Get("navigator").Get("clipboard")
		if !clip.Truthy() {
			c.copyStatus, c.summary = "This browser cannot copy for you: the summary is below, to select and copy.", text
			return
		}
		p := clip.Call("writeText", text)
		ctx.Async(func() {
			_, err := await(p)
			ctx.Dispatch(func(app.Context) {
				if err != nil {
					c.copyStatus, c.summary = "The summary could not be copied: it is below, to select and copy.", text
					return
				}
				c.copyStatus, c.summary = "Summary copied. You can paste it into your reply to my email.", ""
			})
		})
	}
}

func (c *questionnairePage) onMakeLink(ctx app.Context, e app.Event) {
	u := *ctx.Page().URL()
	u.Fragment = ""
	c.resumeLink = u.String() + "#" + c.q.Encode(c.answers)
}

// onRestart forgets every answer and goes back to the first question.
func (c *questionnairePage) onRestart(ctx app.Context, e app.Event) {
	c.forget()
	c.goTo(ctx, "")
}
