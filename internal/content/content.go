// Package content loads the practice's Markdown and settings, checks them
// against the site's rules and renders them into a site.Site.
//
// It reads the folder the therapist edits (content/ at the module root):
// site.yaml, one Markdown file per page and platforms/<slug>.md for each
// platform. Every mistake is reported as "file:line: what is wrong", all of
// them at once, so one build run shows everything to fix.
//
// Load runs at build time only; it links goldmark, chroma and a YAML parser,
// which must never reach app.wasm.
package content

import (
	"fmt"
	"io/fs"
	"net/url"
	"path"
	"regexp"
	"slices"
	"sort"
	"strings"

	"callprivacy/internal/markdown"
	"callprivacy/internal/site"
)

// Problem is one mistake in the content, at a file and line.
type Problem struct {
	File string
	Line int
	Msg  string
}

func (p Problem) String() string {
	if p.Line > 0 {
		return fmt.Sprintf("%s:%d: %s", p.File, p.Line, p.Msg)
	}
	return fmt.Sprintf("%s: %s", p.File, p.Msg)
}

// Problems is the error Load returns: every mistake found, in file order.
type Problems []Problem

func (ps Problems) Error() string {
	lines := make([]string, len(ps))
	for i, p := range ps {
		lines[i] = p.String()
	}
	return strings.Join(lines, "\n")
}

// pageMeta is the front matter of an ordinary page.
type pageMeta struct {
	Title       string `yaml:"title"`
	Description string `yaml:"description"`
	Nav         string `yaml:"nav"`
}

// platformMeta is the front matter of a platform page.
type platformMeta struct {
	pageMeta `yaml:",inline"`
	Name     string              `yaml:"name"`
	Stance   string              `yaml:"stance"`
	Summary  string              `yaml:"summary"`
	Reviewed string              `yaml:"reviewed"`
	Facts    map[string]factMeta `yaml:"facts"`
	Sources  []sourceMeta        `yaml:"sources"`
}

type factMeta struct {
	Value   string `yaml:"value"`
	Explain string `yaml:"explain"`
	Source  string `yaml:"source"`
}

type sourceMeta struct {
	ID    string `yaml:"id"`
	Title string `yaml:"title"`
	URL   string `yaml:"url"`
	Date  string `yaml:"date"`
}

// settingsMeta is site.yaml.
type settingsMeta struct {
	Practice   string   `yaml:"practice"`
	Contact    string   `yaml:"contact"`
	PolicyDate string   `yaml:"policy_date"`
	Language   string   `yaml:"language"`
	Offered    []string `yaml:"offered"`
	QuickExit  string   `yaml:"quick_exit"`
}

// loader accumulates problems while it reads one content folder.
type loader struct {
	fsys     fs.FS
	dir      string
	problems Problems
	// rendered pages, by route, with what link checking needs.
	docs map[string]renderedPage
	// exists holds every route whose file exists, rendered or not, so that
	// one broken page does not make every link to it look broken too.
	exists map[string]bool
}

type renderedPage struct {
	file string
	doc  markdown.Document
}

// Load reads the content folder fsys and returns the site it describes.
// dir is the folder's name as the user knows it ("content"), used in
// messages. The error, if any, is a Problems listing every mistake.
func Load(fsys fs.FS, dir string) (*site.Site, error) {
	l := &loader{fsys: fsys, dir: dir, docs: map[string]renderedPage{}, exists: map[string]bool{}}
	s := &site.Site{}

	settingsDoc, settingsOK := l.settings(&s.Settings)

	for _, r := range site.Routes {
		if p, ok := l.page(r.File, r.Path, true); ok {
			s.Pages = append(s.Pages, p)
		}
	}
	if p, ok := l.page(site.NotFoundFile, site.NotFoundPath, false); ok {
		s.NotFound = p
	}

	platformPages := l.platforms(s, settingsDoc, settingsOK)
	// Platform pages follow the overview in navigation order.
	if len(s.Pages) > 0 && s.Pages[0].Path == "/" {
		s.Pages = slices.Insert(s.Pages, 1, platformPages...)
	} else {
		s.Pages = append(platformPages, s.Pages...)
	}

	for i, p := range s.Pages {
		if p.Path == site.ComparePath {
			s.Pages[i].HTML = comparisonPageHTML(s.Platforms, p.HTML)
		}
	}

	l.unexpectedFiles()
	l.checkLinks()
	l.checkCriteriaLinks()

	if len(l.problems) > 0 {
		sort.SliceStable(l.problems, func(i, j int) bool {
			a, b := l.problems[i], l.problems[j]
			if a.File != b.File {
				return a.File < b.File
			}
			return a.Line < b.Line
		})
		return nil, l.problems
	}
	return s, nil
}

func (l *loader) problem(file string, line int, format string, args ...any) {
	l.problems = append(l.problems, Problem{File: path.Join(l.dir, file), Line: line, Msg: fmt.Sprintf(format, args...)})
}

var langTag = regexp.MustCompile(`^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$`)

// settings reads site.yaml into st.
func (l *loader) settings(st *site.Settings) (yamlDoc, bool) {
	file := site.SettingsFile
	src, err := fs.ReadFile(l.fsys, file)
	if err != nil {
		l.problem(file, 0, "missing: the practice's settings (practice, contact, policy_date, language, offered) belong here")
		return yamlDoc{}, false
	}
	var m settingsMeta
	doc, ps := decodeStrict(src, 1, &m)
	for _, p := range ps {
		l.problem(file, p.line, "%s", p.msg)
	}
	if len(ps) > 0 {
		return doc, false
	}
	required := []struct{ key, val string }{
		{"practice", m.Practice}, {"contact", m.Contact}, {"policy_date", m.PolicyDate}, {"language", m.Language},
	}
	for _, r := range required {
		if strings.TrimSpace(r.val) == "" {
			l.problem(file, doc.line(r.key), "missing required field %q", r.key)
		}
	}
	if m.PolicyDate != "" && !validDate(m.PolicyDate) {
		l.problem(file, doc.line("policy_date"), "policy_date %q is not a date: write it as YYYY-MM-DD", m.PolicyDate)
	}
	if m.Language != "" && !langTag.MatchString(m.Language) {
		l.problem(file, doc.line("language"), "language %q is not a language tag such as en-GB", m.Language)
	}
	if len(m.Offered) == 0 {
		l.problem(file, doc.line("offered"), "offered must list at least one platform the practice uses, e.g. offered: [jitsi]")
	}
	if m.QuickExit == "" {
		m.QuickExit = site.DefaultQuickExit
	} else if u, err := url.Parse(m.QuickExit); err != nil || u.Scheme != "https" || u.Host == "" {
		l.problem(file, doc.line("quick_exit"), "quick_exit %q must be a full https address of a neutral site, such as a weather page", m.QuickExit)
	}
	contact := markdown.Render([]byte(m.Contact), doc.line("contact"))
	for _, p := range contact.Problems {
		l.problem(file, p.Line, "contact: %s", p.Msg)
	}
	if len(contact.Links) > 0 {
		l.problem(file, doc.line("contact"), "contact: link to a person's address (mailto:, tel:, https:), not to a page of this site")
	}
	*st = site.Settings{
		Practice:    m.Practice,
		ContactHTML: contact.HTML,
		PolicyDate:  m.PolicyDate,
		Language:    m.Language,
		Offered:     m.Offered,
		QuickExit:   m.QuickExit,
	}
	return doc, true
}

// page reads and renders one ordinary page.
func (l *loader) page(file, route string, nav bool) (site.Page, bool) {
	src, err := fs.ReadFile(l.fsys, file)
	if err != nil {
		l.problem(file, 0, "missing: the page %s needs it", route)
		return site.Page{}, false
	}
	var m pageMeta
	p, ok := l.render(file, route, src, &m, &m)
	if ok && !nav && m.Nav != "" {
		l.problem(file, p.line, "nav: this page is not in the navigation; remove the field")
	}
	if ok && nav && m.Nav == "" {
		l.problem(file, p.line, "missing required field \"nav\" (the page's label in the menu)")
	}
	return p.Page, ok
}

type loadedPage struct {
	site.Page
	line int
	doc  yamlDoc
}

// render splits front matter from body, decodes the front matter into v
// (whose common fields are m), checks the fields every page has and renders
// the body.
func (l *loader) render(file, route string, src []byte, v any, m *pageMeta) (loadedPage, bool) {
	l.exists[route] = true
	front, body, bodyLine, err := splitFrontMatter(src)
	if err != nil {
		l.problem(file, 1, "%v", err)
		return loadedPage{}, false
	}
	doc, ps := decodeStrict(front, 2, v)
	for _, p := range ps {
		l.problem(file, p.line, "%s", p.msg)
	}
	if len(ps) > 0 {
		return loadedPage{}, false
	}
	for _, r := range []struct{ key, val string }{{"title", m.Title}, {"description", m.Description}} {
		if strings.TrimSpace(r.val) == "" {
			l.problem(file, doc.line(r.key), "missing required field %q", r.key)
		}
	}
	rendered := markdown.Render(body, bodyLine)
	for _, p := range rendered.Problems {
		l.problem(file, p.Line, "%s", p.Msg)
	}
	for _, h := range rendered.Headings {
		if reservedIDs[h.ID] {
			l.problem(file, h.Line, "heading ID %q is used by the page itself; reword the heading", h.ID)
		}
	}
	l.docs[route] = renderedPage{file: file, doc: rendered}
	var toc []site.Heading
	for _, h := range rendered.Headings {
		if h.Level == 2 || h.Level == 3 {
			toc = append(toc, site.Heading{Level: h.Level, ID: h.ID, Text: h.Text})
		}
	}
	return loadedPage{
		Page: site.Page{
			Path:        route,
			Title:       m.Title,
			Description: m.Description,
			Nav:         m.Nav,
			HTML:        rendered.HTML,
			TOC:         toc,
		},
		line: doc.line(),
		doc:  doc,
	}, true
}

// reservedIDs are element IDs the app's page frame uses (see package app).
var reservedIDs = map[string]bool{"main": true, "platform-facts": true, "platform-sources": true}

var slugPattern = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

var stances = []string{site.StancePreferred, site.StanceOffered, site.StanceNotUsed}

// platforms reads every platforms/<slug>.md, in display order.
func (l *loader) platforms(s *site.Site, settingsDoc yamlDoc, settingsOK bool) []site.Page {
	entries, err := fs.ReadDir(l.fsys, site.PlatformDir)
	if err != nil {
		l.problem(site.PlatformDir, 0, "missing: one Markdown file per platform belongs in this folder")
		return nil
	}
	pages := map[string]site.Page{}
	for _, e := range entries {
		if e.IsDir() || path.Ext(e.Name()) != ".md" {
			continue
		}
		file := path.Join(site.PlatformDir, e.Name())
		slug := strings.TrimSuffix(e.Name(), ".md")
		if !slugPattern.MatchString(slug) {
			l.problem(file, 0, "file name %q must be lower-case letters, digits and hyphens: it becomes the address /platforms/<name>", e.Name())
			continue
		}
		src, err := fs.ReadFile(l.fsys, file)
		if err != nil {
			l.problem(file, 0, "cannot read: %v", err)
			continue
		}
		var m platformMeta
		p, ok := l.render(file, site.PlatformPath(slug), src, &m, &m.pageMeta)
		if !ok {
			continue
		}
		platform, ok := l.platform(file, slug, m, p.doc)
		if !ok {
			continue
		}
		p.Platform = slug
		pages[slug] = p.Page
		s.Platforms = append(s.Platforms, platform)
	}

	// Offered platforms first, in the practice's order, then the others by
	// name.
	offeredAt := map[string]int{}
	if settingsOK {
		for i, slug := range s.Settings.Offered {
			line := settingsDoc.seqItemLine(i, "offered")
			p, ok := s.Platform(slug)
			switch {
			case !ok && pages[slug].Path == "":
				l.problem(site.SettingsFile, line, "offered: no platform %q (expected %s/%s.md)", slug, site.PlatformDir, slug)
			case !ok:
			case !p.Offered():
				l.problem(site.SettingsFile, line, "offered: %q has stance %q in %s/%s.md; offered platforms need stance preferred or offered", slug, p.Stance, site.PlatformDir, slug)
			}
			if _, dup := offeredAt[slug]; dup {
				l.problem(site.SettingsFile, line, "offered: %q is listed twice", slug)
			}
			offeredAt[slug] = i
		}
		for _, p := range s.Platforms {
			if _, ok := offeredAt[p.Slug]; p.Offered() && !ok {
				l.problem(path.Join(site.PlatformDir, p.Slug+".md"), 0, "stance is %q but %s does not list %q under offered", p.Stance, site.SettingsFile, p.Slug)
			}
		}
	}
	rank := func(p site.Platform) int {
		if i, ok := offeredAt[p.Slug]; ok {
			return i
		}
		return len(offeredAt)
	}
	sort.SliceStable(s.Platforms, func(i, j int) bool {
		a, b := s.Platforms[i], s.Platforms[j]
		if rank(a) != rank(b) {
			return rank(a) < rank(b)
		}
		return a.Name < b.Name
	})
	var out []site.Page
	for _, p := range s.Platforms {
		page := pages[p.Slug]
		page.HTML = platformPageHTML(p, page.HTML)
		out = append(out, page)
	}
	return out
}

// platform checks a platform's structured facts.
func (l *loader) platform(file, slug string, m platformMeta, doc yamlDoc) (site.Platform, bool) {
	before := len(l.problems)
	for _, r := range []struct{ key, val string }{
		{"nav", m.Nav}, {"name", m.Name}, {"stance", m.Stance}, {"summary", m.Summary}, {"reviewed", m.Reviewed},
	} {
		if strings.TrimSpace(r.val) == "" {
			l.problem(file, doc.line(r.key), "missing required field %q", r.key)
		}
	}
	if m.Stance != "" && !slices.Contains(stances, m.Stance) {
		l.problem(file, doc.line("stance"), "stance %q is not one of %s", m.Stance, strings.Join(stances, ", "))
	}
	if m.Reviewed != "" && !validDate(m.Reviewed) {
		l.problem(file, doc.line("reviewed"), "reviewed %q is not a date: write it as YYYY-MM-DD", m.Reviewed)
	}

	sourceIDs := map[string]bool{}
	var sources []site.Source
	if len(m.Sources) == 0 {
		l.problem(file, doc.line("sources"), "missing required field \"sources\": list where each fact comes from (id, title, url, date)")
	}
	for i, src := range m.Sources {
		line := doc.seqItemLine(i, "sources")
		for _, r := range []struct{ key, val string }{{"id", src.ID}, {"title", src.Title}, {"url", src.URL}, {"date", src.Date}} {
			if strings.TrimSpace(r.val) == "" {
				l.problem(file, line, "source %d: missing required field %q", i+1, r.key)
			}
		}
		if u, err := url.Parse(src.URL); src.URL != "" && (err != nil || u.Scheme != "https" || u.Host == "") {
			l.problem(file, line, "source %q: url %q must be a full https address", src.ID, src.URL)
		}
		if src.Date != "" && !validDate(src.Date) {
			l.problem(file, line, "source %q: date %q is not a date: write it as YYYY-MM-DD", src.ID, src.Date)
		}
		if src.ID == site.SourcePractice {
			l.problem(file, line, "source id %q is reserved for the practice's own setup", src.ID)
		}
		if sourceIDs[src.ID] {
			l.problem(file, line, "source id %q is used twice", src.ID)
		}
		sourceIDs[src.ID] = false
		sources = append(sources, site.Source{ID: src.ID, Title: src.Title, URL: src.URL, Date: src.Date})
	}

	for _, k := range doc.mapKeys("facts") {
		if _, ok := site.CriterionByKey(k.msg); !ok {
			l.problem(file, k.line, "facts: unknown criterion %q (known: %s)", k.msg, criterionKeys())
		}
	}
	var facts []site.Fact
	for _, c := range site.Criteria {
		f, ok := m.Facts[c.Key]
		if !ok {
			l.problem(file, doc.line("facts"), "facts: missing criterion %q", c.Key)
			continue
		}
		line := doc.line("facts", c.Key)
		for _, r := range []struct{ key, val string }{{"value", f.Value}, {"explain", f.Explain}, {"source", f.Source}} {
			if strings.TrimSpace(r.val) == "" {
				l.problem(file, line, "facts.%s: missing required field %q", c.Key, r.key)
			}
		}
		if c.Values != nil && f.Value != "" && !hasValue(c, f.Value) {
			l.problem(file, doc.line("facts", c.Key, "value"), "facts.%s: value %q is not one of %s", c.Key, f.Value, valueKeys(c))
		}
		if f.Source != "" && f.Source != site.SourcePractice {
			if _, ok := sourceIDs[f.Source]; !ok {
				l.problem(file, doc.line("facts", c.Key, "source"), "facts.%s: source %q is not in this page's sources", c.Key, f.Source)
			}
			sourceIDs[f.Source] = true
		}
		facts = append(facts, site.Fact{Criterion: c.Key, Value: f.Value, Explain: f.Explain, Source: f.Source})
	}
	for i, src := range m.Sources {
		if used, ok := sourceIDs[src.ID]; ok && !used {
			l.problem(file, doc.seqItemLine(i, "sources"), "source %q is not used by any fact: remove it or cite it", src.ID)
		}
	}
	if len(l.problems) > before {
		return site.Platform{}, false
	}
	return site.Platform{
		Slug:     slug,
		Name:     m.Name,
		Stance:   m.Stance,
		Summary:  m.Summary,
		Reviewed: m.Reviewed,
		Facts:    facts,
		Sources:  sources,
	}, true
}

func hasValue(c site.Criterion, v string) bool {
	for _, x := range c.Values {
		if x.Key == v {
			return true
		}
	}
	return false
}

func valueKeys(c site.Criterion) string {
	keys := make([]string, len(c.Values))
	for i, v := range c.Values {
		keys[i] = v.Key
	}
	return strings.Join(keys, ", ")
}

func criterionKeys() string {
	keys := make([]string, len(site.Criteria))
	for i, c := range site.Criteria {
		keys[i] = c.Key
	}
	return strings.Join(keys, ", ")
}

// unexpectedFiles reports Markdown files that no route shows: an edit there
// would silently never reach the site.
func (l *loader) unexpectedFiles() {
	known := map[string]bool{site.NotFoundFile: true}
	for _, r := range site.Routes {
		known[r.File] = true
	}
	_ = fs.WalkDir(l.fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || path.Ext(p) != ".md" {
			return nil
		}
		if known[p] || path.Dir(p) == site.PlatformDir {
			return nil
		}
		l.problem(p, 0, "not part of the site: pages are %s, plus %s/<name>.md for platforms", routeFiles(), site.PlatformDir)
		return nil
	})
}

func routeFiles() string {
	files := make([]string, len(site.Routes))
	for i, r := range site.Routes {
		files[i] = r.File
	}
	return strings.Join(files, ", ")
}

// checkLinks checks that every internal link names a page, and every
// anchor a heading on that page.
func (l *loader) checkLinks() {
	for route, rp := range l.docs {
		for _, link := range rp.doc.Links {
			target := link.Path
			if target == "" {
				target = route
			}
			if target != "/" {
				target = strings.TrimSuffix(target, "/")
			}
			if !l.exists[target] || target == site.NotFoundPath {
				l.problem(rp.file, link.Line, "link to %s: no such page (pages: %s)", link.Path, l.routeList())
				continue
			}
			if dest, ok := l.docs[target]; ok && link.Fragment != "" && !hasHeading(dest.doc, link.Fragment) {
				l.problem(rp.file, link.Line, "link to %s#%s: %s has no heading with ID %q", link.Path, link.Fragment, dest.file, link.Fragment)
			}
		}
	}
}

// checkCriteriaLinks checks that the policy still has the section each
// criterion of the comparison links to.
func (l *loader) checkCriteriaLinks() {
	for _, c := range site.Criteria {
		p, frag, _ := strings.Cut(c.Explained, "#")
		dest, ok := l.docs[p]
		if !ok && !l.exists[p] {
			l.problem(site.PlatformDir, 0, "the comparison explains %q with %s, which is not a page", c.Label, c.Explained)
			continue
		}
		if ok && frag != "" && !hasHeading(dest.doc, frag) {
			l.problem(dest.file, 0, "the comparison explains %q with the heading %q, which %s no longer has: keep the heading or update site.Criteria", c.Label, frag, dest.file)
		}
	}
}

func hasHeading(doc markdown.Document, id string) bool {
	for _, h := range doc.Headings {
		if h.ID == id {
			return true
		}
	}
	return false
}

func (l *loader) routeList() string {
	var routes []string
	for r := range l.exists {
		if r != site.NotFoundPath {
			routes = append(routes, r)
		}
	}
	sort.Strings(routes)
	return strings.Join(routes, ", ")
}
