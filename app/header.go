package app

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"callprivacy/internal/site"
)

// siteHeader is the practice's name, "Leave this site", the menu and, in
// the installed app, a way back. It is one component for the prerendered
// pages and for the app, so that the questionnaire's header does not
// change when go-app takes the page over.
//
// On a phone the menu is a native <details>: it opens and closes with no
// script and before the wasm, and a screen reader announces it as a
// collapsed or expanded control. On a wide screen site.css hides the
// summary and shows the menu as a plain list (see "Header" there).
//
// The words the page's first script (internal/hosting/first.js) announces
// while Shift is pressed towards leaving travel in data- attributes: the
// script has no words of its own.
func siteHeader(s *site.Site, current string) app.UI {
	lb := s.Labels.Frame
	var main, platforms []site.Page
	for _, pg := range s.Pages {
		if pg.Platform != "" {
			platforms = append(platforms, pg)
		} else if pg.Nav != "" {
			main = append(main, pg)
		}
	}
	item := func(pg site.Page) app.UI {
		a := app.A().Href(attr(link(pg.Path))).Text(pg.Nav)
		if pg.Path == current {
			a = a.Aria("current", "page")
		}
		return app.Li().Body(a)
	}
	return app.Header().Class("site-header").
		DataSet("shift-count", attr(lb.ShiftCount)).DataSet("shift-reset", attr(lb.ShiftReset)).Body(
		// A real link, so that it works with no script at all; the page's
		// first script makes it faster and clears the questionnaire first. The pips
		// show how many times Shift has been pressed towards leaving.
		app.A().Class("quick-exit").Href(attr(s.Settings.QuickExit)).Rel("noreferrer").Body(
			app.Span().Class("quick-exit-label").Text(lb.Leave),
			app.Span().Class("exit-pips").Aria("hidden", "true").Body(
				app.Span().Class("pip"), app.Span().Class("pip"), app.Span().Class("pip"),
			),
		),
		// Shown only in the installed app (site.css); site.js goes back.
		app.Button().Type("button").Class("app-back").Text(lb.AppBack),
		app.A().Class("site-name").Href(attr(link("/"))).Text(s.Settings.Practice),
		app.Details().Class("site-menu").Body(
			app.Summary().Class("menu-button").Text(lb.Menu),
			app.Nav().Aria("label", attr(lb.MainMenu)).Body(
				app.Ul().Class("nav-pages").Body(
					app.Range(main).Slice(func(i int) app.UI { return item(main[i]) }),
				),
				// The list's visible heading is for the eye; its aria-label
				// says the same to a screen reader.
				app.Div().Class("nav-group").Body(
					app.Span().Class("nav-heading").Aria("hidden", "true").Text(lb.PlatformsMenu),
					app.Ul().Class("nav-platforms").Aria("label", attr(lb.PlatformsMenu)).Body(
						app.Range(platforms).Slice(func(i int) app.UI { return item(platforms[i]) }),
					),
				),
			),
		),
		// Where the page's first script announces the Shift presses.
		app.P().Class("shift-status visually-hidden").Aria("live", "polite"),
	)
}
