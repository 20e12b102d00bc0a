package app

import (
	"unicode"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"callprivacy/internal/site"
)

// stanceLabels say the practice's position on a platform in words.
var stanceLabels = map[string]string{
	site.StancePreferred: "My preferred platform",
	site.StanceOffered:   "Offered for sessions",
	site.StanceNotUsed:   "Not used for sessions",
}

// platformStance opens a platform page with the practice's position.
func platformStance(p site.Platform) app.UI {
	return app.P().Class("stance stance-"+p.Stance).Body(
		app.Strong().Text(stanceLabels[p.Stance]+". "),
		app.Text(p.Summary),
	)
}

// platformFacts answers every criterion for the platform: the short
// answer, a plain explanation with its conditions, and where it comes from.
func platformFacts(p site.Platform) app.UI {
	return app.Section().Class("facts").Aria("labelledby", "platform-facts").Body(
		app.H2().ID("platform-facts").Text("The facts, criterion by criterion"),
		app.Dl().Body(
			app.Range(p.Facts).Slice(func(i int) app.UI {
				f := p.Facts[i]
				c, _ := site.CriterionByKey(f.Criterion)
				return app.Div().Class("fact").Body(
					app.Dt().Text(c.Label),
					app.Dd().Body(
						app.Strong().Text(sentence(c.ValueLabel(f.Value))+" "),
						app.Text(f.Explain+" "),
						sourceLink(p, f.Source),
					),
				)
			}),
		),
		app.P().Class("reviewed").Body(
			app.Text("Facts last checked on "),
			app.Time().DateTime(p.Reviewed).Text(longDate(p.Reviewed)),
			app.Text(". "),
			app.A().Href(link(site.ComparePath)).Text("Compare all the platforms side by side"),
			app.Text("."),
		),
	)
}

// sourceLink links a fact to its source.
func sourceLink(p site.Platform, id string) app.UI {
	if id == site.SourcePractice {
		return app.A().Class("source").Href(link("/how-i-work")).Text("(Source: how I work)")
	}
	for _, s := range p.Sources {
		if s.ID == id {
			return app.A().Class("source").Href(s.URL).Rel("noopener noreferrer").Text("(Source: " + s.Title + ")")
		}
	}
	return nil
}

// platformSources lists the documents the page's facts rest on, with the
// day each was consulted.
func platformSources(p site.Platform) app.UI {
	return app.Section().Class("sources").Aria("labelledby", "platform-sources").Body(
		app.H2().ID("platform-sources").Text("Sources"),
		app.Ul().Body(
			app.Range(p.Sources).Slice(func(i int) app.UI {
				s := p.Sources[i]
				return app.Li().Body(
					app.A().Href(s.URL).Rel("noopener noreferrer").Text(s.Title),
					app.Text(", consulted "),
					app.Time().DateTime(s.Date).Text(longDate(s.Date)),
				)
			}),
		),
	)
}

// sentence capitalises a short value and ends it with a full stop.
func sentence(s string) string {
	if s == "" {
		return s
	}
	r := []rune(s)
	r[0] = unicode.ToUpper(r[0])
	return string(r) + "."
}
