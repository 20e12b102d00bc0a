package app

import (
	"net/url"
	"slices"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"callprivacy/internal/questionnaire"
	"callprivacy/internal/site"
)

// How the questionnaire moves between its steps: each step is a URL
// fragment and a history entry, read back on every navigation.

// Steps other than questions, as URL fragments. A question's fragment is
// "q-" and its ID. The fragment holds where the client is, never what they
// answered (except in a resumable link they ask for).
const (
	stepCheck    = "check"
	stepResult   = "result"
	questionStep = "q-"
)

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
				if el := app.Window().GetElementByID(site.OptionID(question.ID, o.ID)); el.Truthy() {
					el.Set("checked", slices.Contains(c.answers[question.ID], o.ID))
				}
			}
		}
		if el := app.Window().GetElementByID(site.StepHeadingID); focus && el.Truthy() {
			el.Call("focus")
		}
	})
}
