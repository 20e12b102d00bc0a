package app

import (
	"net/url"
	"slices"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"callprivacy/internal/questionnaire"
	"callprivacy/internal/site"
)

// How the questionnaire moves between its steps. The step on screen is the
// URL fragment, but the questionnaire keeps at most two history entries:
// its start (no fragment) and the step on screen, which every move
// replaces.
//
// Why not one entry per step: "Leave this site" replaces only the current
// history entry, so Back from the neutral page used to show the step before
// it ("Question 4 of 10"), telling whoever picks up the device what the
// client was doing. Now Back from the neutral page lands on the
// questionnaire's start, and the tab's history holds no trail of steps.
//
// The trade-off: the browser's Back button no longer steps back one
// question. From any step it goes to the start, the first question, with
// every answer still there (they are in this page's memory, never in an
// address); Forward returns to the step. The page's own "Back to the
// previous question" goes back one question. Leaving the page forgets the
// answers, as it always did.
//
// A step's address opened in a new document (a reload, or Back into an
// entry an earlier visit left) shows the start: a new document has no
// answers, so "Question 4 of 10" there would only tell where someone was.

// Steps other than questions, as URL fragments. A question's fragment is
// "q-" and its ID. The fragment holds where the client is, never what they
// answered (except in a resumable link they ask for).
const (
	stepCheck    = "check"
	stepResult   = "result"
	questionStep = "q-"
)

// isStep reports whether a fragment is one of the questionnaire's steps
// (the start being ""), rather than another anchor on the page such as the
// skip link's.
func isStep(frag string) bool {
	return frag == "" || frag == stepCheck || frag == stepResult || strings.HasPrefix(frag, questionStep)
}

// OnNav follows the URL fragment: after a move (goTo), the browser's Back
// and Forward buttons, a fragment changed by hand, or a resumable link.
func (c *questionnairePage) OnNav(ctx app.Context) {
	q := c.questionnaire()
	frag := currentFragment()
	isLink := strings.HasPrefix(frag, questionnaire.FragmentPrefix)
	if !isStep(frag) && !isLink {
		return // another anchor on the page, such as the skip link
	}
	if c.navigated && frag == c.shown {
		return // go-app's own navigation after goTo already showed it
	}
	first := !c.navigated
	c.resumeLink, c.copyStatus, c.error = "", "", ""
	if !isLink && !first {
		c.message = ""
	}
	switch {
	case isLink:
		lb := q.Site().Labels.Questionnaire
		a, err := q.Decode(frag)
		if err != nil {
			c.message = lb.LinkError
			c.step = 0
			frag = ""
		} else {
			// The link, which the client made on purpose, replaces
			// whatever was ticked before the app started.
			c.answers, c.message = a, lb.LinkLoaded
			c.step = len(q.Questions())
			frag = stepCheck
		}
		c.replaceFragment(frag)
	case first:
		// A new document: nothing answered yet, so the start.
		c.step = 0
		if frag != "" {
			frag = ""
			c.replaceFragment(frag)
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
	c.shown = frag
	c.afterStepChange(ctx, !first)
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

// goTo moves to a step. From the start it adds the one history entry the
// steps share; from a step it replaces that entry (see the top of this
// file).
func (c *questionnairePage) goTo(ctx app.Context, frag string) {
	if currentFragment() == "" && frag != "" {
		u := *ctx.Page().URL()
		u.Fragment = frag
		ctx.NavigateTo(&u)
		return
	}
	c.replaceFragment(frag)
}

// replaceFragment rewrites the current history entry, then tells go-app,
// which follows the address only on its own navigations and on popstate:
// a popstate event makes it read the new address, remember it (so that a
// later Back to an address it last saw is not ignored as "already there")
// and call OnNav, without adding a history entry. It also takes answers
// read from a link out of the address bar.
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
	app.Window().Call("dispatchEvent", app.Window().Get("PopStateEvent").New("popstate"))
}

// afterStepChange runs once the new step is on screen. It sets each
// option's checked state from the answers: go-app re-uses the inputs of one
// question for the next and only writes "checked" when its own record of
// the attribute changes, so a click it has not re-rendered yet would
// otherwise show up as a pre-selected option on the next question. Then,
// unless the page has just opened, it moves focus to the step's heading,
// so that keyboard and screen-reader users start there and hear the change.
// (When the page has just opened, OnMount has put focus back where it was
// before the app started.)
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
		if !focus {
			return
		}
		if el := app.Window().GetElementByID(site.StepHeadingID); el.Truthy() {
			el.Call("focus")
		}
	})
}
