package content

import (
	"html"
	"strings"
	"unicode"

	"callprivacy/internal/site"
)

// The platform facts and the comparison are pure functions of the content,
// so they are written as HTML here, once, at build time, like the Markdown:
// the browser receives them ready-made, and app.wasm carries no code to
// build tables and lists it would only ever build the same way.

// writeTables writes the platform pages' facts and the comparison into
// their pages, after the Markdown they follow.
func writeTables(s *site.Site) {
	for i, pg := range s.Pages {
		if p, ok := s.Platform(pg.Platform); ok && pg.Platform != "" {
			s.Pages[i].HTML = platformPageHTML(s, p, pg.HTML)
		}
		if pg.Path == site.ComparePath {
			s.Pages[i].HTML = comparisonPageHTML(s, pg.HTML)
		}
	}
}

// htmlWriter builds HTML with every text escaped, in the practice's words.
type htmlWriter struct {
	strings.Builder
	s *site.Site
}

func (w *htmlWriter) raw(s ...string) {
	for _, x := range s {
		w.WriteString(x)
	}
}

func (w *htmlWriter) text(s string) { w.WriteString(html.EscapeString(s)) }

func (w *htmlWriter) link(href, text string, external bool) {
	w.raw(`<a href="`, html.EscapeString(href), `"`)
	if external {
		w.raw(` rel="noopener noreferrer"`)
	}
	w.raw(`>`)
	w.text(text)
	w.raw(`</a>`)
}

func (w *htmlWriter) date(d string) {
	w.raw(`<time datetime="`, html.EscapeString(d), `">`)
	w.text(w.s.Labels.Dates.Date(d))
	w.raw(`</time>`)
}

// dated writes a label that holds {date}, with the date in a <time>.
func (w *htmlWriter) dated(label, d string) {
	before, after, _ := strings.Cut(label, "{date}")
	w.text(before)
	w.date(d)
	w.text(after)
}

// stance writes the practice's position on p and p's summary.
func (w *htmlWriter) stance(p site.Platform) {
	w.raw(`<p class="stance stance-`, p.Stance, `"><strong>`)
	w.text(site.Fill(w.s.Labels.Platform.StanceLine, "stance", w.s.Labels.Platform.Stances[p.Stance]))
	w.raw(`</strong> `)
	w.text(p.Summary)
	w.raw(`</p>`)
}

// platformPageHTML is a platform page's body: the practice's position, the
// Markdown, every criterion with its source, and the sources.
func platformPageHTML(s *site.Site, p site.Platform, prose string) string {
	w := htmlWriter{s: s}
	lb := s.Labels.Platform
	w.raw(`<div class="page-body">`)
	w.stance(p)
	w.raw(prose)

	w.raw(`<section class="facts" aria-labelledby="`, site.PlatformFactsID, `"><h2 id="`, site.PlatformFactsID, `">`)
	w.text(lb.FactsHeading)
	w.raw(`</h2><dl>`)
	for _, c := range s.Criteria {
		w.raw(`<div class="fact"><dt>`)
		w.text(c.Label)
		w.raw(`</dt><dd>`)
		factCell(&w, p, c)
		w.raw(`</dd></div>`)
	}
	w.raw(`</dl><p class="reviewed">`)
	w.dated(lb.Reviewed, p.Reviewed)
	w.raw(` `)
	w.link(site.ComparePath, lb.CompareLink, false)
	w.raw(`</p></section>`)

	w.raw(`<section class="sources" aria-labelledby="`, site.PlatformSourcesID, `"><h2 id="`, site.PlatformSourcesID, `">`)
	w.text(lb.SourcesHeading)
	w.raw(`</h2><ul>`)
	for _, src := range p.Sources {
		w.raw(`<li>`)
		w.link(src.URL, src.Title, true)
		w.dated(lb.Consulted, src.Date)
		w.raw(`</li>`)
	}
	w.raw(`</ul></section></div>`)
	return w.String()
}

// factCell is one platform's answer to one criterion: the short value, a
// plain explanation and its source.
func factCell(w *htmlWriter, p site.Platform, c site.Criterion) {
	f, _ := p.Fact(c.Key) // the loader refuses a platform that misses one
	w.raw(`<strong>`)
	w.text(sentence(c.ValueLabel(f.Value)))
	w.raw(`</strong> `)
	explainAndSource(w, p, f)
}

// explainAndSource writes a fact's plain explanation and a link to the
// source it rests on.
func explainAndSource(w *htmlWriter, p site.Platform, f site.Fact) {
	lb := w.s.Labels.Platform
	w.text(f.Explain)
	w.raw(` `)
	if f.Source == site.SourcePractice {
		w.raw(`<a class="source" href="`, html.EscapeString(lb.PracticeSourcePage), `">`)
		w.text(site.Fill(lb.Source, "title", lb.PracticeSource))
		w.raw(`</a>`)
		return
	}
	for _, src := range p.Sources {
		if src.ID == f.Source {
			w.raw(`<a class="source" href="`, html.EscapeString(src.URL), `" rel="noopener noreferrer">`)
			w.text(site.Fill(lb.Source, "title", src.Title))
			w.raw(`</a>`)
		}
	}
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
