package app

import (
	"strconv"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"callprivacy/internal/site"
)

// page shows one page of the policy inside the site's frame.
type page struct {
	app.Compo
	// Path is exported because go-app updates a mounted component in place
	// when navigation yields one of the same type, copying only exported
	// fields: unexported, the old page would stay on screen.
	Path string
	// frame, when set, is the header and footer taken over from the
	// prerendered page (see Frame).
	frame Frame
}

func newPage(path string, frame Frame) *page {
	return &page{Path: path, frame: frame}
}

func (p *page) data() (*site.Site, site.Page) {
	s := current()
	if p.Path == site.NotFoundPath {
		return s, s.NotFound
	}
	pg, _ := s.Page(p.Path)
	return s, pg
}

// lastPath is the path the browser app last showed; "" before the first.
var lastPath string

// OnNav sets the document's title and description; it runs when the page
// is prerendered and again in the browser after each navigation. When the
// app moves to another page, focus goes to its title, so that a keyboard
// starts at the top of the new page and a screen reader announces it.
func (p *page) OnNav(ctx app.Context) {
	s, pg := p.data()
	ctx.Page().SetTitle(attr(site.Fill(s.Labels.Frame.Title, "page", pg.Title, "practice", s.Settings.Practice)))
	ctx.Page().SetDescription(attr(pg.Description))
	if !app.IsClient {
		return
	}
	path := ctx.Page().URL().Path
	if lastPath != "" && path != lastPath {
		ctx.Defer(func(app.Context) {
			if h1 := app.Window().GetElementByID(site.PageTitleID); h1.Truthy() {
				h1.Call("focus")
			}
		})
	}
	lastPath = path
}

func (p *page) Render() app.UI {
	s, pg := p.data()
	lb := s.Labels.Frame
	// web/site.js and the page's first script read their words from the
	// frame, they have none of their own; site.js also reads the service
	// worker's address, which it registers on the pages that do not run
	// the app.
	root := app.Div().Class("site").DataSet("app", renderedBy()).DataSet("worker", attr(link(site.WorkerPath))).
		DataSet("update-notice", attr(lb.UpdateNotice)).DataSet("update-button", attr(lb.UpdateButton))
	if site.NeedsApp(p.Path) {
		// app.js fetches the app's data as the page opens (FetchSite).
		root = root.DataSet("site-data", attr(siteDataPath()))
	}
	return root.Body(
		app.A().Class("skip-link").Href("#"+site.MainID).Text(lb.SkipLink),
		p.header(s),
		app.Main().ID(site.MainID).TabIndex(-1).Body(
			app.Article().Class("page").Body(
				app.H1().ID(site.PageTitleID).TabIndex(-1).Text(pg.Title),
				when(len(pg.TOC) >= 3, func() app.UI { return tableOfContents(lb, pg.TOC) }),
				app.Raw(site.WithBase(pg.HTML, basePath())),
				when(pg.OffersRemoval, func() app.UI { return removeSiteData(s.Labels.Device) }),
				when(p.Path == site.QuestionnairePath, func() app.UI { return newQuestionnaire() }),
			),
		),
		p.footer(s),
	)
}

// header is the site's header, taken over as it was prerendered when the
// page has it (see Frame).
func (p *page) header(s *site.Site) app.UI {
	if p.frame.Header != "" {
		return app.Raw(p.frame.Header)
	}
	return siteHeader(s, p.Path)
}

// footer is the site's footer, taken over like the header.
func (p *page) footer(s *site.Site) app.UI {
	if p.frame.Footer != "" {
		return app.Raw(p.frame.Footer)
	}
	return siteFooter(s)
}

// renderedBy says who rendered the page: "build" for the prerendered HTML,
// "browser" once the app has replaced it. go-app replaces the prerendered
// nodes when it starts, so a script (or a test) holding one of them must
// wait for "browser".
func renderedBy() string {
	if app.IsClient {
		return "browser"
	}
	return "build"
}

// siteFooter carries the practice's name, contact line and policy date, so
// that a printed page says whose policy it is and how current.
func siteFooter(s *site.Site) app.UI {
	return app.Footer().Class("site-footer").Body(
		app.P().Class("footer-practice").Text(s.Settings.Practice),
		app.Raw(s.Settings.ContactHTML),
		// The policy date leads to what changed on that day, and why.
		app.Raw(site.WithBase(s.Settings.PolicyHTML, basePath())),
	)
}

// tableOfContents links to the page's sections.
func tableOfContents(lb site.FrameLabels, toc []site.Heading) app.UI {
	return app.Nav().Class("toc").Aria("label", attr(lb.OnThisPage)).Body(
		app.P().Class("toc-title").Text(lb.OnThisPage),
		app.Ul().Body(
			app.Range(toc).Slice(func(i int) app.UI {
				h := toc[i]
				return app.Li().Class("toc-level-" + strconv.Itoa(h.Level)).Body(
					app.A().Href(attr("#" + h.ID)).Text(h.Text),
				)
			}),
		),
	)
}
