package content

import (
	"io/fs"
	"net/url"
	"path"
	"regexp"
	"slices"
	"sort"
	"strings"

	"callprivacy/internal/site"
)

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

var slugPattern = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

var stances = []string{site.StancePreferred, site.StanceOffered, site.StanceNotUsed}

// platforms reads every platforms/<slug>.md, in display order.
func (l *loader) platforms(s *site.Site, settingsDoc yamlDoc, settingsOK, criteriaOK bool) []site.Page {
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
			l.brokenPlatforms[slug] = true
			continue
		}
		l.stanceLines[slug] = p.doc.line("stance")
		platform, ok := l.platform(s, file, slug, m, p.doc, criteriaOK)
		if !ok {
			l.brokenPlatforms[slug] = true
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
			file := path.Join(site.PlatformDir, slug+".md")
			switch {
			case !ok && l.brokenPlatforms[slug]:
				// Its page exists and has problems of its own, reported
				// there: they are the mistake to fix, not this line.
			case !ok:
				l.problem(site.SettingsFile, line, "offered: no platform %q (expected %s)", slug, file)
			case !p.Offered():
				l.problem(site.SettingsFile, line, "offered: %q has stance %q in %s:%d; offered platforms need stance preferred or offered: change one of the two", slug, p.Stance, l.at(file), l.stanceLines[slug])
				l.problem(file, l.stanceLines[slug], "stance is %q but %s:%d lists %q under offered: change one of the two", p.Stance, l.at(site.SettingsFile), line, slug)
			}
			if _, dup := offeredAt[slug]; dup {
				l.problem(site.SettingsFile, line, "offered: %q is listed twice", slug)
			}
			offeredAt[slug] = i
		}
		for _, p := range s.Platforms {
			if _, ok := offeredAt[p.Slug]; p.Offered() && !ok {
				file, offeredLine := path.Join(site.PlatformDir, p.Slug+".md"), settingsDoc.line("offered")
				l.problem(file, l.stanceLines[p.Slug], "stance is %q but %s:%d does not list %q under offered: add it there, or make the stance not-used", p.Stance, l.at(site.SettingsFile), offeredLine, p.Slug)
				l.problem(site.SettingsFile, offeredLine, "offered: %q is missing, but %s:%d has stance %q: add it here, or make that stance not-used", p.Slug, l.at(file), l.stanceLines[p.Slug], p.Stance)
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
		out = append(out, pages[p.Slug])
	}
	return out
}

// platform checks a platform's structured facts.
func (l *loader) platform(s *site.Site, file, slug string, m platformMeta, doc yamlDoc, criteriaOK bool) (site.Platform, bool) {
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
	} else if stale(m.Reviewed, reviewFresh, l.now) {
		l.warn(file, doc.line("reviewed"), "reviewed %s, more than %d months ago: check the facts and sources of this page against the platform's own pages again, then update reviewed", m.Reviewed, reviewFresh)
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
		if _, ok := s.Criterion(k.msg); !ok && criteriaOK {
			l.problem(file, k.line, "facts: unknown criterion %q (known: %s)", k.msg, criterionKeys(s))
		}
	}
	var facts []site.Fact
	for _, c := range s.Criteria {
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
		if f.Source == site.SourcePractice && !setupRef.MatchString(f.Explain) {
			l.problem(file, doc.line("facts", c.Key, "explain"), "facts.%s: this fact rests on your own setup (source: %s), so its explain quotes it from %s, e.g. {setup:logs}", c.Key, site.SourcePractice, site.SettingsFile)
		}
		explain := l.expandSetup(file, doc.line("facts", c.Key, "explain"), f.Explain, false)
		facts = append(facts, site.Fact{Criterion: c.Key, Value: f.Value, Explain: explain, Source: f.Source})
	}
	for i, src := range m.Sources {
		if used, ok := sourceIDs[src.ID]; ok && !used && criteriaOK {
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

func criterionKeys(s *site.Site) string {
	keys := make([]string, len(s.Criteria))
	for i, c := range s.Criteria {
		keys[i] = c.Key
	}
	return strings.Join(keys, ", ")
}
