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

// stanceLabels say the practice's position on a platform in words.
var stanceLabels = map[string]string{
	site.StancePreferred: "My preferred platform",
	site.StanceOffered:   "Offered for sessions",
	site.StanceNotUsed:   "Not used for sessions",
}

// htmlWriter builds HTML with every text escaped.
type htmlWriter struct{ strings.Builder }

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
	w.text(longDate(d))
	w.raw(`</time>`)
}

// platformPageHTML is a platform page's body: the practice's position, the
// Markdown, every criterion with its source, and the sources.
func platformPageHTML(p site.Platform, prose string) string {
	var w htmlWriter
	w.raw(`<div class="page-body">`)
	w.raw(`<p class="stance stance-`, p.Stance, `"><strong>`)
	w.text(stanceLabels[p.Stance] + ". ")
	w.raw(`</strong>`)
	w.text(p.Summary)
	w.raw(`</p>`, prose)

	w.raw(`<section class="facts" aria-labelledby="platform-facts"><h2 id="platform-facts">The facts, criterion by criterion</h2><dl>`)
	for _, c := range site.Criteria {
		w.raw(`<div class="fact"><dt>`)
		w.text(c.Label)
		w.raw(`</dt><dd>`)
		factCell(&w, p, c)
		w.raw(`</dd></div>`)
	}
	w.raw(`</dl><p class="reviewed">Facts last checked on `)
	w.date(p.Reviewed)
	w.raw(`. `)
	w.link(site.ComparePath, "Compare all the platforms side by side", false)
	w.raw(`.</p></section>`)

	w.raw(`<section class="sources" aria-labelledby="platform-sources"><h2 id="platform-sources">Sources</h2><ul>`)
	for _, s := range p.Sources {
		w.raw(`<li>`)
		w.link(s.URL, s.Title, true)
		w.raw(`, consulted `)
		w.date(s.Date)
		w.raw(`</li>`)
	}
	w.raw(`</ul></section></div>`)
	return w.String()
}

// comparisonPageHTML is the comparison page's body: the introduction, then
// every platform against every criterion, as a table for wide screens and
// as one card per platform for phones and paper (site.css shows one).
func comparisonPageHTML(ps []site.Platform, intro string) string {
	var w htmlWriter
	w.raw(`<div class="page-body">`, intro, `<div class="comparison">`)

	w.raw(`<div class="compare-table"><table><caption>The platforms compared, criterion by criterion</caption><thead><tr><th scope="col">Criterion</th>`)
	for _, p := range ps {
		w.raw(`<th scope="col">`)
		w.link(site.PlatformPath(p.Slug), p.Name, false)
		w.raw(`<span class="stance-tag stance-tag-`, p.Stance, `">`)
		w.text(stanceLabels[p.Stance])
		w.raw(`</span></th>`)
	}
	w.raw(`</tr></thead><tbody>`)
	for _, c := range site.Criteria {
		w.raw(`<tr id="criterion-`, c.Key, `"><th scope="row">`)
		w.link(c.Explained, c.Label, false)
		w.raw(`</th>`)
		for _, p := range ps {
			w.raw(`<td>`)
			factCell(&w, p, c)
			w.raw(`</td>`)
		}
		w.raw(`</tr>`)
	}
	w.raw(`<tr><th scope="row">Facts last checked</th>`)
	for _, p := range ps {
		w.raw(`<td>`)
		w.date(p.Reviewed)
		w.raw(`</td>`)
	}
	w.raw(`</tr></tbody></table></div>`)

	w.raw(`<div class="compare-cards">`)
	for _, p := range ps {
		w.raw(`<section class="compare-card" aria-labelledby="card-`, p.Slug, `"><h2 id="card-`, p.Slug, `">`)
		w.link(site.PlatformPath(p.Slug), p.Name, false)
		w.raw(`</h2><p class="stance stance-`, p.Stance, `"><strong>`)
		w.text(stanceLabels[p.Stance] + ". ")
		w.raw(`</strong>`)
		w.text(p.Summary)
		w.raw(`</p><dl>`)
		for _, c := range site.Criteria {
			w.raw(`<div class="fact"><dt>`)
			w.link(c.Explained, c.Label, false)
			w.raw(`</dt><dd>`)
			factCell(&w, p, c)
			w.raw(`</dd></div>`)
		}
		w.raw(`</dl><p class="reviewed">Facts last checked on `)
		w.date(p.Reviewed)
		w.raw(`.</p></section>`)
	}
	w.raw(`</div></div></div>`)
	return w.String()
}

// factCell is one platform's answer to one criterion: the short value, a
// plain explanation and its source.
func factCell(w *htmlWriter, p site.Platform, c site.Criterion) {
	f, ok := p.Fact(c.Key)
	if !ok {
		w.text("Not known")
		return
	}
	w.raw(`<strong>`)
	w.text(sentence(c.ValueLabel(f.Value)))
	w.raw(`</strong> `)
	w.text(f.Explain)
	w.raw(` `)
	if f.Source == site.SourcePractice {
		w.raw(`<a class="source" href="/how-i-work">(Source: how I work)</a>`)
		return
	}
	for _, s := range p.Sources {
		if s.ID == f.Source {
			w.raw(`<a class="source" href="`, html.EscapeString(s.URL), `" rel="noopener noreferrer">`)
			w.text("(Source: " + s.Title + ")")
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

// longDate writes a YYYY-MM-DD date the way a person reads it.
func longDate(d string) string {
	t, err := parseDate(d)
	if err != nil {
		return d
	}
	return t.Format("2 January 2006")
}
