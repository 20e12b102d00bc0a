package content

import (
	"html"
	"io/fs"
	"strings"

	"callprivacy/internal/qrsvg"
	"callprivacy/internal/site"
)

// leafletMeta is the front matter of the leaflet (site.LeafletPath): its
// words for what the build adds after the text.
type leafletMeta struct {
	pageMeta `yaml:",inline"`
	// PlatformsHeading heads the platforms offered, two lines each.
	PlatformsHeading string `yaml:"platforms_heading"`
	// Address introduces the site's address, written out and as a QR code.
	Address string `yaml:"address"`
	// QRLabel is the QR code's name for a screen reader.
	QRLabel string `yaml:"qr_label"`
}

// leaflet reads the printable leaflet and adds to its text what the
// practice should not have to keep in step by hand: the platforms it
// offers, each with its stance and summary, and the site's address in
// words and as a QR code, drawn here at build time. Without a url in
// site.yaml the leaflet has no address and no QR code: a code that
// pointed nowhere would be worse on paper than none. It runs after the
// platforms are read.
func (l *loader) leaflet(s *site.Site, r site.Route) (site.Page, bool) {
	src, err := fs.ReadFile(l.fsys, r.File)
	if err != nil {
		l.problem(r.File, 0, "missing: the page %s needs it", r.Path)
		return site.Page{}, false
	}
	var m leafletMeta
	p, ok := l.render(r.File, r.Path, src, &m, &m.pageMeta)
	if !ok {
		return site.Page{}, false
	}
	if m.Nav != "" {
		l.problem(r.File, p.doc.line("nav"), "nav: the leaflet is for printing and is not in the menu; remove the field")
	}
	for _, f := range []struct{ key, val string }{{"platforms_heading", m.PlatformsHeading}, {"address", m.Address}, {"qr_label", m.QRLabel}} {
		if strings.TrimSpace(f.val) == "" {
			l.problem(r.File, p.line, "missing required field %q (the leaflet's words for what the build adds)", f.key)
		}
	}
	var b strings.Builder
	b.WriteString(`<div class="leaflet">`)
	b.WriteString(p.HTML)
	b.WriteString(`<h2>` + html.EscapeString(m.PlatformsHeading) + `</h2><ul class="leaflet-platforms">`)
	for _, pl := range s.Platforms {
		if !pl.Offered() {
			continue
		}
		b.WriteString(`<li><p class="leaflet-platform"><strong>` + html.EscapeString(pl.Name) + `</strong> · ` + html.EscapeString(s.Labels.Platform.Stances[pl.Stance]) + `</p>`)
		b.WriteString(`<p>` + html.EscapeString(pl.Summary) + `</p></li>`)
	}
	b.WriteString(`</ul>`)
	if s.Settings.URL != "" {
		qr, err := qrsvg.SVG(s.Settings.URL, m.QRLabel)
		if err != nil {
			l.problem(site.SettingsFile, 0, "url: %v", err)
		}
		b.WriteString(`<div class="leaflet-address"><div><p>` + html.EscapeString(m.Address) + `</p>`)
		b.WriteString(`<p class="leaflet-url">` + html.EscapeString(addressInWords(s.Settings.URL)) + `</p></div>`)
		b.WriteString(qr + `</div>`)
	}
	b.WriteString(`</div>`)
	p.HTML = b.String()
	return p.Page, true
}

// addressInWords is the site's address as a client types it:
// "example.org/privacy" for https://example.org/privacy/.
func addressInWords(siteURL string) string {
	return strings.TrimSuffix(strings.TrimPrefix(siteURL, "https://"), "/")
}
