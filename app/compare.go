package app

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"callprivacy/internal/site"
)

// comparison shows every platform against every criterion, from the
// platforms' front matter (the one source of truth). Wide screens get a
// table; narrow screens and paper get one card per platform, because a
// table that scrolls sideways hides most of itself on a phone.
func comparison(s *site.Site) app.UI {
	return app.Div().Class("comparison").Body(
		compareTable(s),
		compareCards(s),
	)
}

func compareTable(s *site.Site) app.UI {
	ps := s.Platforms
	return app.Div().Class("compare-table").Body(
		app.Table().Body(
			app.Caption().Text("The platforms compared, criterion by criterion"),
			app.THead().Body(
				app.Tr().Body(
					app.Th().Scope("col").Text("Criterion"),
					app.Range(ps).Slice(func(i int) app.UI {
						p := ps[i]
						return app.Th().Scope("col").Body(
							app.A().Href(link(site.PlatformPath(p.Slug))).Text(p.Name),
							app.Span().Class("stance-tag stance-tag-"+p.Stance).Text(stanceLabels[p.Stance]),
						)
					}),
				),
			),
			app.TBody().Body(
				app.Range(site.Criteria).Slice(func(i int) app.UI {
					c := site.Criteria[i]
					return app.Tr().ID("criterion-"+c.Key).Body(
						app.Th().Scope("row").Body(criterionName(c)),
						app.Range(ps).Slice(func(j int) app.UI {
							return app.Td().Body(factCell(ps[j], c))
						}),
					)
				}),
				app.Tr().Body(
					app.Th().Scope("row").Text("Facts last checked"),
					app.Range(ps).Slice(func(j int) app.UI {
						return app.Td().Body(app.Time().DateTime(ps[j].Reviewed).Text(longDate(ps[j].Reviewed)))
					}),
				),
			),
		),
	)
}

func compareCards(s *site.Site) app.UI {
	ps := s.Platforms
	return app.Div().Class("compare-cards").Body(
		app.Range(ps).Slice(func(i int) app.UI {
			p := ps[i]
			return app.Section().Class("compare-card").Aria("labelledby", "card-"+p.Slug).Body(
				app.H2().ID("card-"+p.Slug).Body(
					app.A().Href(link(site.PlatformPath(p.Slug))).Text(p.Name),
				),
				app.P().Class("stance stance-"+p.Stance).Body(
					app.Strong().Text(stanceLabels[p.Stance]+". "),
					app.Text(p.Summary),
				),
				app.Dl().Body(
					app.Range(site.Criteria).Slice(func(j int) app.UI {
						c := site.Criteria[j]
						return app.Div().Class("fact").Body(
							app.Dt().Body(criterionName(c)),
							app.Dd().Body(factCell(p, c)),
						)
					}),
				),
				app.P().Class("reviewed").Body(
					app.Text("Facts last checked on "),
					app.Time().DateTime(p.Reviewed).Text(longDate(p.Reviewed)),
					app.Text("."),
				),
			)
		}),
	)
}

// criterionName links a criterion to the part of the policy that says why
// it matters.
func criterionName(c site.Criterion) app.UI {
	return app.A().Href(link(c.Explained)).Text(c.Label)
}

// factCell is one platform's answer to one criterion: the short value, a
// plain explanation and its source.
func factCell(p site.Platform, c site.Criterion) app.UI {
	f, ok := p.Fact(c.Key)
	if !ok {
		return app.Text("Not known")
	}
	return app.Div().Class("fact-cell").Body(
		app.Strong().Text(sentence(c.ValueLabel(f.Value))),
		app.Text(" "+f.Explain+" "),
		sourceLink(p, f.Source),
	)
}
