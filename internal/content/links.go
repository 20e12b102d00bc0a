package content

import (
	"io/fs"
	"path"
	"sort"
	"strings"

	"callprivacy/internal/markdown"
	"callprivacy/internal/site"
)

// unexpectedFiles reports Markdown files that no route shows: an edit there
// would silently never reach the site.
func (l *loader) unexpectedFiles() {
	known := map[string]bool{site.NotFoundFile: true, site.SettingsFile: true, site.LabelsFile: true, site.CriteriaFile: true, site.QuestionnaireFile: true}
	for _, r := range site.Routes {
		known[r.File] = true
	}
	_ = fs.WalkDir(l.fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || known[p] {
			return nil
		}
		switch path.Ext(p) {
		case ".md":
			if path.Dir(p) != site.PlatformDir {
				l.problem(p, 0, "not part of the site: pages are %s, plus %s/<name>.md for platforms", routeFiles(), site.PlatformDir)
			}
		case ".yaml", ".yml":
			l.problem(p, 0, "not part of the site: the settings files are %s, %s, %s and %s", site.SettingsFile, site.LabelsFile, site.CriteriaFile, site.QuestionnaireFile)
		}
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
// criterion links to, and points at the criterion's line if not.
func (l *loader) checkCriteriaLinks(s *site.Site) {
	for i, c := range s.Criteria {
		p, frag, _ := strings.Cut(c.Explained, "#")
		line := l.criteriaDoc.lineAt(i, "explained")
		dest, ok := l.docs[p]
		if !ok && !l.exists[p] {
			l.problem(site.CriteriaFile, line, "%s: explained %s is not a page of this site (pages: %s)", c.Key, c.Explained, l.routeList())
			continue
		}
		if ok && frag != "" && !hasHeading(dest.doc, frag) {
			l.problem(site.CriteriaFile, line, "%s: explained %s, but %s has no heading with the ID %q: link to a heading it has, or keep the heading", c.Key, c.Explained, dest.file, frag)
		}
	}
}

// checkPracticeSource checks the page that facts about the practice's own
// setup cite.
func (l *loader) checkPracticeSource(s *site.Site) {
	p := s.Labels.Platform.PracticeSourcePage
	if !l.exists[p] || p == site.NotFoundPath {
		l.problem(site.LabelsFile, l.labelsDoc.lineAt("platform", "practice_source_page"), "platform.practice_source_page: %s is not a page of this site (pages: %s)", p, l.routeList())
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
