package app

import (
	"slices"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// What a client does before the app starts. The first question is
// prerendered with working checkboxes and radio buttons, so that on a slow
// phone (app.wasm can take ten seconds on a first visit) the client can
// answer at once. go-app replaces the prerendered nodes when it starts, so
// without this a box ticked meanwhile would be cleared without a word.

// early holds what was ticked and focused on the prerendered page, read by
// KeepEarlyInput just before go-app replaced it.
var early struct {
	// ticked lists, by input name (a question's ID), the values (option
	// IDs) that were checked.
	ticked map[string][]string
	// focus is the ID of the element that had the focus, if any.
	focus string
}

// KeepEarlyInput reads the prerendered page's ticked options and focused
// element. Call it right before app.RunWhenOnBrowser: from there to the
// moment go-app replaces the page, Go does not give the browser back its
// turn, so nothing ticked in between can slip through.
func KeepEarlyInput() {
	doc := app.Window().Get("document")
	checked := doc.Call("querySelectorAll", ".questionnaire input:checked")
	early.ticked = map[string][]string{}
	for i := 0; i < checked.Length(); i++ {
		in := checked.Index(i)
		name := in.Get("name").String()
		early.ticked[name] = append(early.ticked[name], in.Get("value").String())
	}
	if el := doc.Get("activeElement"); el.Truthy() {
		early.focus = el.Get("id").String()
	}
}

// carryOver takes the options ticked before the app started into the
// answers, as the client would have recorded them with the app running:
// only options the question offers, one for a question that takes one,
// and an exclusive option ("None of these") only on its own. If the client
// ticked an exclusive option and others, the others stay: they say more.
func (c *questionnairePage) carryOver() {
	for id, values := range early.ticked {
		question, ok := c.q.Question(id)
		if !ok {
			continue
		}
		var kept, exclusive []string
		for _, o := range question.Options {
			if !slices.Contains(values, o.ID) {
				continue
			}
			if o.Exclusive {
				exclusive = append(exclusive, o.ID)
			} else {
				kept = append(kept, o.ID)
			}
		}
		if len(kept) == 0 && len(exclusive) > 0 {
			kept = exclusive[:1]
		}
		if !question.Multiple && len(kept) > 1 {
			kept = kept[:1]
		}
		if len(kept) > 0 {
			c.answers[question.ID] = kept
		}
	}
	early.ticked = nil
}
