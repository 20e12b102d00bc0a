package content

import (
	"strings"

	"callprivacy/internal/site"
)

// comparisonPageHTML is the comparison page's body: the introduction, then
// every platform against every criterion, written three ways, of which
// site.css shows one. A wide screen gets the table. A phone gets the
// criteria one under another, each platform's short value on one line and
// its explanation and source folded into a <details>: the table's cells
// laid out as cards made the page 18 screens tall at 360 px. Paper gets
// one card per platform with everything written out, since a closed
// <details> does not print its contents.
func comparisonPageHTML(s *site.Site, intro string) string {
	w := htmlWriter{s: s}
	w.raw(`<div class="page-body">`, intro, `<div class="comparison">`)
	compareTable(&w)
	compareList(&w)
	compareCards(&w)
	w.raw(`</div></div>`)
	return w.String()
}

// compareTable writes the wide screen's table: a column per platform, the
// practice's stance at its top, a row per criterion.
func compareTable(w *htmlWriter) {
	s, lb := w.s, w.s.Labels.Compare
	w.raw(`<div class="compare-table"><table><caption>`)
	w.text(lb.Caption)
	w.raw(`</caption><thead><tr><th scope="col">`)
	w.text(lb.CriterionColumn)
	w.raw(`</th>`)
	for _, p := range s.Platforms {
		w.raw(`<th scope="col">`)
		w.link(site.PlatformPath(p.Slug), p.Name, false)
		w.raw(`<span class="stance-tag stance-tag-`, p.Stance, `">`)
		w.text(s.Labels.Platform.Stances[p.Stance])
		w.raw(`</span></th>`)
	}
	w.raw(`</tr></thead><tbody>`)
	for _, c := range s.Criteria {
		w.raw(`<tr><th scope="row">`)
		w.link(c.Explained, c.Label, false)
		w.raw(`</th>`)
		for _, p := range s.Platforms {
			w.raw(`<td>`)
			factCell(w, p, c)
			w.raw(`</td>`)
		}
		w.raw(`</tr>`)
	}
	w.raw(`<tr><th scope="row">`)
	w.text(lb.ReviewedRow)
	w.raw(`</th>`)
	for _, p := range s.Platforms {
		w.raw(`<td>`)
		w.date(p.Reviewed)
		w.raw(`</td>`)
	}
	w.raw(`</tr></tbody></table></div>`)
}

// compareList writes the phone's view: the platforms grouped by the
// practice's stance, then each criterion with every platform's value, in the site's
// order (the practice's own platforms first). Each value is the summary
// of a <details> that holds its explanation and source, so the page reads
// as values and works with no script. The criterion anchors the
// questionnaire's result links to (#criterion-<key>) are here, because
// most clients follow them on a phone.
func compareList(w *htmlWriter) {
	s, lb := w.s, w.s.Labels.Compare
	w.raw(`<div class="compare-list"><h2 id="`, site.ComparePlatformsID, `">`)
	w.text(lb.PlatformsHeading)
	w.raw(`</h2><dl class="compare-stances">`)
	for _, stance := range stances {
		var ps []site.Platform
		for _, p := range s.Platforms {
			if p.Stance == stance {
				ps = append(ps, p)
			}
		}
		if len(ps) == 0 {
			continue
		}
		w.raw(`<div class="stance-`, stance, `"><dt>`)
		w.text(s.Labels.Platform.Stances[stance])
		w.raw(`</dt><dd>`)
		for i, p := range ps {
			switch {
			case i > 0 && i == len(ps)-1:
				w.text(s.Labels.Frame.ListAnd)
			case i > 0:
				w.text(", ")
			}
			w.link(site.PlatformPath(p.Slug), p.Name, false)
		}
		w.raw(`</dd></div>`)
	}
	w.raw(`</dl>`)
	for _, c := range s.Criteria {
		w.raw(`<div class="compare-criterion" id="`, site.CriterionRowID(c.Key), `"><h2>`)
		w.link(c.Explained, c.Label, false)
		w.raw(`</h2><ul>`)
		for _, p := range s.Platforms {
			f, _ := p.Fact(c.Key) // the loader refuses a platform that misses one
			w.raw(`<li class="stance-`, p.Stance, `"><details><summary>`)
			factLine(w, p.Name, sentence(c.ValueLabel(f.Value)))
			w.raw(`</summary><p class="compare-explain">`)
			explainAndSource(w, p, f)
			w.raw(`</p></details></li>`)
		}
		w.raw(`</ul></div>`)
	}
	w.raw(`<div class="compare-criterion"><h2>`)
	w.text(lb.ReviewedRow)
	w.raw(`</h2><dl class="compare-reviewed">`)
	for _, p := range s.Platforms {
		w.raw(`<div><dt>`)
		w.text(p.Name)
		w.raw(`</dt><dd>`)
		w.date(p.Reviewed)
		w.raw(`</dd></div>`)
	}
	w.raw(`</dl></div></div>`)
}

// factLine writes a platform's value as the label compare.fact words it,
// the platform's part and the value's part in their own spans so that
// site.css can line the values up in a column.
func factLine(w *htmlWriter, platform, value string) {
	before, after, _ := strings.Cut(w.s.Labels.Compare.Fact, "{value}")
	w.raw(`<span class="compare-platform">`)
	w.text(site.Fill(before, "platform", platform))
	w.raw(`</span><span class="compare-value"><strong>`)
	w.text(value)
	w.raw(`</strong>`)
	w.text(site.Fill(after, "platform", platform))
	w.raw(`</span>`)
}

// compareCards writes what paper gets: one card per platform, every value
// with its explanation and source written out.
func compareCards(w *htmlWriter) {
	s := w.s
	w.raw(`<div class="compare-cards">`)
	for _, p := range s.Platforms {
		w.raw(`<section class="compare-card" aria-labelledby="`, site.CompareCardID(p.Slug), `"><h2 id="`, site.CompareCardID(p.Slug), `">`)
		w.link(site.PlatformPath(p.Slug), p.Name, false)
		w.raw(`</h2>`)
		w.stance(p)
		w.raw(`<dl>`)
		for _, c := range s.Criteria {
			w.raw(`<div class="fact"><dt>`)
			w.link(c.Explained, c.Label, false)
			w.raw(`</dt><dd>`)
			factCell(w, p, c)
			w.raw(`</dd></div>`)
		}
		w.raw(`</dl><p class="reviewed">`)
		w.dated(s.Labels.Platform.Reviewed, p.Reviewed)
		w.raw(`</p></section>`)
	}
	w.raw(`</div>`)
}
