package app

import (
	"strconv"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"callprivacy/internal/questionnaire"
	"callprivacy/internal/site"
)

// The result step of the questionnaire page: one suggestion first with its
// next step, then the other offered platforms, what was declined and why,
// the checklist, and the summary the client can send.

func (c *questionnairePage) renderResult() app.UI {
	q := c.questionnaire()
	lb := q.Site().Labels.Questionnaire
	res := q.Recommend(c.answers)
	if len(res.Ranked) == 0 {
		return app.Div() // the loader refuses a site that offers no platform
	}
	top, others := &res.Ranked[0], res.Ranked[1:]
	summary := q.Summary(c.answers, &res, c.includeSensitive)
	// One box, unticked, when the client gave an answer marked sensitive:
	// the summary leaves all of them out until it is ticked.
	consent := q.Consent(c.answers)
	return app.Div().Class("step result").Body(
		app.H2().ID(site.StepHeadingID).TabIndex(-1).Text(site.Fill(lb.ResultHeading, "name", top.Platform.Name)),
		// On paper only: whose advice it is, and from when.
		app.P().Class("printed-on").Text(site.Fill(lb.PrintedOn, "practice", q.Site().Settings.Practice, "date", q.Site().Labels.Dates.Date(today()))),
		when(len(top.Next) > 0, func() app.UI {
			return app.Div().Class("next-step").Body(app.H3().Text(lb.NextHeading), saidList(q.Site(), top.Next), joiningLink(q.Site()))
		}),
		when(res.Tie != "", func() app.UI { return app.P().Class("tie").Text(res.Tie) }),
		rankedDetails(q.Site(), top, "h3"),
		app.Range(res.Declined).Slice(func(i int) app.UI {
			d := res.Declined[i]
			return app.Section().Class("declined").Body(
				app.H3().Text(site.Fill(lb.DeclinedHead, "name", d.Platform.Name)),
				app.P().Text(d.Text),
				when(d.Closest != "", func() app.UI { return app.P().Text(d.Closest) }),
				app.P().Body(app.A().Href(attr(link(site.PlatformPath(d.Platform.Slug)))).Text(site.Fill(lb.DeclinedLink, "name", d.Platform.Name))),
			)
		}),
		when(len(others) > 0, func() app.UI {
			return app.Section().Class("others").Body(
				app.H3().Text(lb.OthersHeading),
				app.Range(others).Slice(func(i int) app.UI {
					return app.Div().Class("other").Body(
						app.H4().Text(others[i].Platform.Name),
						rankedDetails(q.Site(), &others[i], "h5"),
					)
				}),
			)
		}),
		when(len(res.Notes) > 0, func() app.UI {
			return app.Section().Body(
				app.H3().Text(lb.NotesHeading),
				app.Range(res.Notes).Slice(func(i int) app.UI { return app.P().Text(res.Notes[i].Text) }),
			)
		}),
		app.Section().Class("checklist").Body(
			app.H3().Text(lb.Checklist),
			saidList(q.Site(), res.Checklist),
			joiningLink(q.Site()),
		),
		app.Section().Class("summary no-print").Body(
			app.H3().Text(lb.SummaryHead),
			app.P().Text(lb.SummaryIntro),
			when(consent != "", func() app.UI {
				return app.Div().Class("option").Body(
					app.Input().Type("checkbox").ID(site.IncludeSensitiveID).AutoComplete(false).Checked(c.includeSensitive).
						OnChange(func(ctx app.Context, e app.Event) { c.includeSensitive = ctx.JSSrc().Get("checked").Bool() }),
					app.Label().For(site.IncludeSensitiveID).Text(consent),
				)
			}),
			app.Label().For(site.SummaryTextID).Text(lb.SummaryLabel),
			app.Textarea().ID(site.SummaryTextID).ReadOnly(true).Rows(12).Text(summary),
			app.Div().Class("actions").Body(
				app.Button().Type("button").Class("primary").Text(lb.Copy).OnClick(c.onCopy),
				app.Button().Type("button").Class("secondary").Text(lb.Print).
					OnClick(func(ctx app.Context, e app.Event) { app.Window().Call("print") }),
				app.Button().Type("button").Class("secondary").Text(lb.Restart).OnClick(c.onRestart),
			),
			app.P().Class("notice").Aria("live", "polite").Text(c.copyStatus),
		),
		app.Details().Class("resume no-print").Body(
			app.Summary().Text(lb.ResumeSummary),
			app.P().Text(lb.ResumeWarning),
			app.If(c.resumeLink == "", func() app.UI {
				return app.Button().Type("button").Class("secondary").Text(lb.ResumeButton).OnClick(c.onMakeLink)
			}).Else(func() app.UI {
				return app.Div().Body(
					app.Label().For(site.ResumeLinkID).Text(lb.ResumeLabel),
					app.Input().ID(site.ResumeLinkID).Type("text").ReadOnly(true).Value(attr(c.resumeLink)),
				)
			}),
		),
	)
}

// rankedDetails lists why a platform suits the client and what to bear in
// mind, each under its own label, then what to expect.
func rankedDetails(s *site.Site, r *questionnaire.Ranked, heading string) app.UI {
	lb := s.Labels.Questionnaire
	return app.Div().Body(
		saidGroup(s, "reasons-for", heading, lb.ForHeading, r.For),
		saidGroup(s, "reasons-against", heading, lb.AgainstHead, r.Against),
		saidGroup(s, "expect", heading, lb.ExpectHeading, r.Expect),
		app.P().Body(app.A().Href(attr(link(site.PlatformPath(r.Platform.Slug)))).Text(site.Fill(lb.MoreAbout, "name", r.Platform.Name))),
	)
}

// saidGroup shows statements under their label, a heading of the given
// level ("h3" or "h5"), or nothing when there are none.
func saidGroup(s *site.Site, class, heading, title string, said []questionnaire.Said) app.UI {
	if len(said) == 0 {
		return nil
	}
	var h app.UI = app.H5().Text(title)
	if heading == "h3" {
		h = app.H3().Text(title)
	}
	return app.Div().Class(class).Body(h, saidList(s, said))
}

// saidList lists statements, each linked to the comparison row of the
// criterion it is about.
func saidList(s *site.Site, said []questionnaire.Said) app.UI {
	return app.Ul().Body(app.Range(said).Slice(func(i int) app.UI {
		item := said[i]
		c, ok := s.Criterion(item.Criterion)
		return app.Li().Body(
			app.Text(item.Text),
			when(ok, func() app.UI {
				return app.Span().Body(
					app.Text(" "),
					app.A().Class("criterion").Href(attr(link(site.ComparePath)+"#"+site.CriterionRowID(c.Key))).
						Text(site.Fill(s.Labels.Questionnaire.CriterionLink, "label", c.Label)),
				)
			}),
		)
	}))
}

// onCopy copies the summary exactly as the client sees it above.
func (c *questionnairePage) onCopy(ctx app.Context, e app.Event) {
	lb := c.q.Site().Labels.Questionnaire
	res := c.q.Recommend(c.answers)
	text := c.q.Summary(c.answers, &res, c.includeSensitive)
	clip := app.Window().Get("navigator").Get("clipboard")
	if !clip.Truthy() {
		c.copyStatus = lb.CopyFailed
		return
	}
	p := clip.Call("writeText", text)
	ctx.Async(func() {
		_, err := await(p)
		ctx.Dispatch(func(app.Context) {
			if err != nil {
				c.copyStatus = lb.CopyFailed
				return
			}
			c.copyStatus = lb.Copied
		})
	})
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

// today is the client's date as YYYY-MM-DD, from the browser's clock and
// time zone (Go's in wasm knows no zone), for the printed result's date.
func today() string {
	if !app.IsClient {
		return ""
	}
	d := app.Window().Get("Date").New()
	two := func(n int) string { return strconv.Itoa(n/10) + strconv.Itoa(n%10) }
	return strconv.Itoa(d.Call("getFullYear").Int()) + "-" + two(d.Call("getMonth").Int()+1) + "-" + two(d.Call("getDate").Int())
}

// joiningLink leads to the step-by-step page on joining a session, when
// the site has one: from the next step, and again from the checklist,
// which a client may print and keep for the day.
func joiningLink(s *site.Site) app.UI {
	_, ok := s.Page(site.JoiningPath)
	return when(ok, func() app.UI {
		return app.P().Class("joining-link").Body(app.A().Href(attr(link(site.JoiningPath))).Text(s.Labels.Questionnaire.JoiningLink))
	})
}
