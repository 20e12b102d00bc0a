package content

import (
	"io/fs"
	"strings"

	"callprivacy/internal/markdown"
	"callprivacy/internal/site"
)

// pageMeta is the front matter of an ordinary page.
type pageMeta struct {
	Title       string `yaml:"title"`
	Description string `yaml:"description"`
	Nav         string `yaml:"nav"`
	// RemoveSiteData shows the control that removes the site's offline
	// copy from the device after the page's text.
	RemoveSiteData bool `yaml:"remove_site_data"`
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
	body = []byte(l.expandSetup(file, bodyLine, string(body), true))
	rendered := markdown.Render(body, bodyLine, l.codeLabel)
	for _, p := range rendered.Problems {
		l.problem(file, p.Line, "%s", p.Msg)
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
			Path:          route,
			Title:         m.Title,
			Description:   m.Description,
			Nav:           m.Nav,
			OffersRemoval: m.RemoveSiteData,
			HTML:          rendered.HTML,
			TOC:           toc,
		},
		line: doc.line(),
		doc:  doc,
	}, true
}
