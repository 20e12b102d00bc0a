// Package site holds the data the browser app needs to show the practice's
// policy: settings, rendered pages and the structured facts about each
// platform.
//
// It is deliberately tiny and dependency-free: the native build produces a
// Site from Markdown (package content) and ships it as JSON; the wasm client
// decodes that JSON with the encoding/json that go-app already links. Nothing
// here may import goldmark, chroma, a YAML parser or a template package.
package site

// Site is everything the app shows, in display order.
type Site struct {
	Settings Settings `json:"settings"`
	// Labels are the words of the frame, the tables and the questionnaire.
	Labels Labels `json:"labels"`
	// Criteria are the questions every platform page answers, in display
	// order.
	Criteria []Criterion `json:"criteria"`
	// Questionnaire is the questionnaire's questions and statements.
	Questionnaire Questionnaire `json:"questionnaire"`
	// Pages holds every routed page in navigation order, platform pages
	// included.
	Pages []Page `json:"pages"`
	// Platforms holds the platforms in display order: the ones the practice
	// offers first (in the order of Settings.Offered), then the others.
	Platforms []Platform `json:"platforms"`
	// NotFound is shown for any path that is not a page.
	NotFound Page `json:"notFound"`
}

// Settings are the few facts about the practice that another practice would
// change to adopt the site.
type Settings struct {
	Practice string `json:"practice"`
	// ContactHTML is the contact line rendered from inline Markdown.
	ContactHTML string `json:"contactHTML"`
	// PolicyHTML is the footer's last line: the policy date, linked to the
	// change log, and the site's promise. It is written at build time as
	// one piece of HTML because go-app, prerendering text and elements as
	// separate indented lines, would put a space before the full stop
	// after the date.
	PolicyHTML string `json:"policyHTML"`
	// PolicyDate is the date of the policy, YYYY-MM-DD.
	PolicyDate string `json:"policyDate"`
	// Language is a BCP 47 tag such as "en-GB".
	Language string `json:"language"`
	// Offered lists the slugs of the platforms the practice uses, most
	// preferred first.
	Offered []string `json:"offered"`
	// QuickExit is the neutral page the "Leave this site" control opens.
	QuickExit string `json:"quickExit"`
	// App is how the site looks once installed on a phone's home screen.
	App AppSettings `json:"app"`

	// URL is where the site is published, "https://example.org/privacy/"
	// (always ending in "/"), or "" when site.yaml does not say. Only the
	// build reads it: the link previews, canonical links, sitemap, leaflet
	// and intake links are written with it.
	URL string `json:"-"`
}

// AppSettings go into the web manifest, for the installed app.
type AppSettings struct {
	// ShortName is the name under the icon (the practice's name unless
	// site.yaml says otherwise).
	ShortName string `json:"shortName"`
	// ThemeColor (the title bar) and BackgroundColor (the splash screen)
	// are #rrggbb.
	ThemeColor      string `json:"themeColor"`
	BackgroundColor string `json:"backgroundColor"`
}

// Page is one rendered page.
type Page struct {
	// Path is the route, without the hosting base path: "/platforms/jitsi".
	Path        string `json:"path"`
	Title       string `json:"title"`
	Description string `json:"description"`
	// Nav is the short label used in the navigation menu.
	Nav string `json:"nav,omitempty"`
	// HTML is the rendered body: a single root element whose internal links
	// are root-relative ("/metadata"), so that WithBase can move them under
	// a sub-path.
	HTML string `json:"html"`
	// TOC lists the page's h2 and h3 headings.
	TOC []Heading `json:"toc,omitempty"`
	// Platform is the platform's slug when the page describes one.
	Platform string `json:"platform,omitempty"`
	// OffersRemoval shows, after the page's text, the control that
	// removes the site's offline copy from the device.
	OffersRemoval bool `json:"offersRemoval,omitempty"`
}

// Heading is an entry of a page's table of contents.
type Heading struct {
	Level int    `json:"level"`
	ID    string `json:"id"`
	Text  string `json:"text"`
}

// Stances a practice can take on a platform.
const (
	StancePreferred = "preferred"
	StanceOffered   = "offered"
	StanceNotUsed   = "not-used"
)

// Platform holds the structured facts about one video platform.
type Platform struct {
	Slug    string `json:"slug"`
	Name    string `json:"name"`
	Stance  string `json:"stance"`
	Summary string `json:"summary"`
	// Reviewed is the date the facts were last checked, YYYY-MM-DD.
	Reviewed string   `json:"reviewed"`
	Facts    []Fact   `json:"facts"`
	Sources  []Source `json:"sources"`
}

// Offered reports whether the practice uses the platform for sessions.
func (p *Platform) Offered() bool {
	return p.Stance == StancePreferred || p.Stance == StanceOffered
}

// Fact answers one criterion for one platform.
type Fact struct {
	Criterion string `json:"criterion"`
	// Value is the short answer; for enumerated criteria it is one of the
	// criterion's allowed values.
	Value string `json:"value"`
	// Explain says in plain language what the value means for a client,
	// with its conditions.
	Explain string `json:"explain"`
	// Source is the ID of one of the platform's Sources, or SourcePractice.
	Source string `json:"source"`
}

// SourcePractice marks a fact that rests on the practice's own setup, which
// the "How I work" page describes.
const SourcePractice = "practice"

// Source is a public document a fact rests on.
type Source struct {
	ID    string `json:"id"`
	Title string `json:"title"`
	URL   string `json:"url"`
	// Date is the day the source was consulted, YYYY-MM-DD.
	Date string `json:"date"`
}

// Fact returns the platform's fact for a criterion, and whether it exists.
// It is not inlined: app.wasm would carry its loop at every call site.
//
//go:noinline
func (p *Platform) Fact(criterion string) (Fact, bool) {
	for _, f := range p.Facts {
		if f.Criterion == criterion {
			return f, true
		}
	}
	return Fact{}, false
}

// Page returns the page routed at path, and whether it exists.
// It is not inlined: app.wasm would carry its loop at every call site.
//
//go:noinline
func (s *Site) Page(path string) (Page, bool) {
	for _, p := range s.Pages {
		if p.Path == path {
			return p, true
		}
	}
	return Page{}, false
}

// Platform returns the platform with the given slug, and whether it exists.
// It is not inlined: app.wasm would carry its loop at every call site.
//
//go:noinline
func (s *Site) Platform(slug string) (Platform, bool) {
	for _, p := range s.Platforms {
		if p.Slug == slug {
			return p, true
		}
	}
	return Platform{}, false
}

// noEqual makes a struct that holds it not comparable. The compiler then
// writes no equality function for it: for the large label structs, which
// nothing compares, that keeps about 12 KB of code out of app.wasm.
type noEqual [0]func()
