package content

import (
	"io/fs"
	"strings"

	"callprivacy/internal/site"
)

// changesMeta is the front matter of the change log: the page's own
// fields, and every change of the policy with its date and its reason.
type changesMeta struct {
	pageMeta `yaml:",inline"`
	Changes  []changeMeta `yaml:"changes"`
}

type changeMeta struct {
	Date   string `yaml:"date"`
	Change string `yaml:"change"`
	Why    string `yaml:"why"`
}

// changesPage reads the change log. Its entries, newest first, follow the
// page's introduction; the policy date in site.yaml must be one of them,
// so that a reader who follows the footer's date finds what changed then.
func (l *loader) changesPage(file, route, policyDate string, settingsDoc yamlDoc) (site.Page, bool) {
	src, err := fs.ReadFile(l.fsys, file)
	if err != nil {
		l.problem(file, 0, "missing: the page %s needs it, with the policy's changes", route)
		return site.Page{}, false
	}
	var m changesMeta
	p, ok := l.render(file, route, src, &m, &m.pageMeta)
	if !ok {
		return site.Page{}, false
	}
	before := len(l.problems)
	if m.Nav != "" {
		l.problem(file, p.doc.line("nav"), "nav: this page is linked from the footer's policy date, not the menu; remove the field")
	}
	if len(m.Changes) == 0 {
		l.problem(file, p.line, "missing required field \"changes\": list each change of the policy (date, change, why), newest first")
	}
	dated := false
	for i, c := range m.Changes {
		line := p.doc.seqItemLine(i, "changes")
		for _, r := range []struct{ key, val string }{{"date", c.Date}, {"change", c.Change}, {"why", c.Why}} {
			if strings.TrimSpace(r.val) == "" {
				l.problem(file, line, "changes %d: missing required field %q", i+1, r.key)
			}
		}
		if c.Date != "" && !validDate(c.Date) {
			l.problem(file, line, "changes %d: date %q is not a date: write it as YYYY-MM-DD", i+1, c.Date)
		} else if i > 0 && c.Date > m.Changes[i-1].Date {
			l.problem(file, line, "changes %d: %s is newer than the entry above it: put the newest change first", i+1, c.Date)
		}
		dated = dated || c.Date == policyDate
	}
	if policyDate != "" && len(m.Changes) > 0 && !dated {
		l.problem(site.SettingsFile, settingsDoc.line("policy_date"), "policy_date %s has no entry in %s: add what changed that day and why", policyDate, file)
	}
	if len(l.problems) > before {
		return site.Page{}, false
	}
	l.changes = m.Changes
	return p.Page, true
}

// writePolicyLine writes the footer's policy line (site.Settings.PolicyHTML)
// in the practice's words: "Policy dated {date}." linked to the change log,
// then the promise.
func writePolicyLine(s *site.Site) {
	lb := s.Labels.Frame
	w := &htmlWriter{s: s}
	w.raw(`<p class="policy"><a class="policy-date" href="`, site.ChangesPath, `">`)
	w.dated(lb.PolicyDated, s.Settings.PolicyDate)
	w.raw(`</a> `)
	w.text(lb.Promise)
	w.raw(`</p>`)
	s.Settings.PolicyHTML = w.String()
}

// writeChanges writes the change log's entries after its introduction:
// each date a heading, so that a screen reader can move from one change to
// the next.
func writeChanges(s *site.Site, changes []changeMeta) {
	for i, pg := range s.Pages {
		if pg.Path != site.ChangesPath {
			continue
		}
		w := &htmlWriter{s: s}
		w.raw(`<div class="page-body">`, pg.HTML, `<ol class="changes">`)
		for _, c := range changes {
			w.raw(`<li><h2>`)
			w.date(c.Date)
			w.raw(`</h2><p>`)
			w.text(c.Change)
			w.raw(`</p><p><strong>`)
			w.text(s.Labels.Changes.Why)
			w.raw(`</strong> `)
			w.text(c.Why)
			w.raw(`</p></li>`)
		}
		w.raw(`</ol></div>`)
		s.Pages[i].HTML = w.String()
	}
}
