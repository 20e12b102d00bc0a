package site

import "strings"

// Route is a fixed page of the site and the content file it comes from.
type Route struct {
	Path string
	File string
	// Unlisted keeps the page out of the menu: its front matter has no
	// nav. It is still a page of the site, in the sitemap and offline,
	// linked from elsewhere: the change log from the footer's policy date,
	// the leaflet from the overview.
	Unlisted bool
}

// Routes are the site's fixed deep links, which the practice puts in
// emails, in navigation order. Platform pages come after the overview, one
// per file in PlatformDir, at PlatformPath(slug). This is the one place
// where routes are declared: the content loader reads these files and the
// app routes these paths.
var Routes = []Route{
	{Path: "/", File: "index.md"},
	{Path: "/how-i-work", File: "how-i-work.md"},
	{Path: "/metadata", File: "metadata.md"},
	{Path: "/security", File: "security.md"},
	{Path: QuestionnairePath, File: "questionnaire.md"},
	{Path: JoiningPath, File: "joining.md"},
	{Path: ComparePath, File: "compare.md"},
	{Path: "/browsing-safely", File: "browsing-safely.md"},
	{Path: ChangesPath, File: "changes.md", Unlisted: true},
	{Path: LeafletPath, File: "leaflet.md", Unlisted: true},
}

// Pages whose content file is only the introduction: the app builds the
// rest, the questionnaire from QuestionnaireFile and the comparison from
// the platforms' facts.
const (
	QuestionnairePath = "/questionnaire"
	ComparePath       = "/compare"
	// ChangesPath is the policy's change log, which the footer's policy
	// date links to; its file lists the changes in its front matter.
	ChangesPath = "/changes"
	// JoiningPath is the page on joining a session, which the intake
	// links include.
	JoiningPath = "/joining"
)

// LeafletPath is the printable one-page leaflet: its content file holds
// the words, and the build adds the offered platforms, the site's address
// and a QR code of it.
const LeafletPath = "/leaflet"

// NeedsApp reports whether the page at path runs the wasm app. Only the
// questionnaire does: it needs the app to ask, remember and advise. Every
// other page is complete as prerendered, and starting the app there would
// only hold up a phone's main thread for seconds while the client reads:
// they are served as plain documents, and links between them are ordinary
// page loads, answered from the service worker's cache after a visit.
func NeedsApp(path string) bool { return path == QuestionnairePath }

// WorkerPath is where the build writes the service worker, under the base
// path. The app's start-up script registers it on the pages that run the
// app, web/site.js on the others.
const WorkerPath = "/app-worker.js"

// Content files that are not routed pages.
const (
	// SettingsFile holds the practice's name, contact line, policy date,
	// language and offered platforms.
	SettingsFile = "site.yaml"
	// NotFoundFile is shown for any path that is not a page.
	NotFoundFile = "not-found.md"
	// LabelsFile holds every word of the frame, the tables and the
	// questionnaire's screens.
	LabelsFile = "labels.yaml"
	// CriteriaFile holds the criteria every platform page answers.
	CriteriaFile = "criteria.yaml"
	// QuestionnaireFile holds the questionnaire's questions and the
	// statements its result is made of.
	QuestionnaireFile = "questionnaire.yaml"
	// PlatformDir holds one Markdown file per platform, named <slug>.md.
	PlatformDir = "platforms"
)

// NotFoundPath is where the build writes the not-found page (404.html),
// which static hosts serve for unknown paths.
const NotFoundPath = "/404"

// PlatformPath returns the route of a platform's page.
func PlatformPath(slug string) string { return "/platforms/" + slug }

// WithBase moves the root-relative links and images of rendered content
// HTML under the base path the site is hosted at ("" or "/privacy"). The
// Markdown renderer writes every internal link as href="/…" and every
// image as src="/web/…", and escapes quotes in text and code, so this
// replacement touches links and images only.
func WithBase(html, base string) string {
	if base == "" {
		return html
	}
	return strings.NewReplacer(` href="/`, ` href="`+base+`/`, ` src="/`, ` src="`+base+`/`).Replace(html)
}

// Link returns the address of a site path under base.
func Link(base, path string) string {
	if path == "/" {
		return base + "/"
	}
	return base + path
}

// ForBrowser is the part of s the browser app reads from site.json: the
// bodies (HTML and contents) of the pages it never renders are left out,
// since those pages are plain documents (NeedsApp), and so are the
// not-found page, which the app never routes to, and the platforms'
// sources and review dates, which only the platform pages and the
// comparison show. Decoding JSON is slow in wasm, and the bodies were two
// thirds of the file: on a phone this is time the questionnaire's first
// screen waits with its main thread busy. Titles, menu labels and the rest
// stay, for the frame around the questionnaire.
func (s *Site) ForBrowser() *Site {
	b := *s
	b.Pages = make([]Page, len(s.Pages))
	for i, p := range s.Pages {
		if !NeedsApp(p.Path) {
			p.HTML, p.TOC = "", nil
		}
		b.Pages[i] = p
	}
	b.NotFound = Page{}
	b.Platforms = make([]Platform, len(s.Platforms))
	for i, p := range s.Platforms {
		p.Sources, p.Reviewed = nil, ""
		b.Platforms[i] = p
	}
	return &b
}
