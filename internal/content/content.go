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
	"path"
	"slices"
	"sort"
	"strings"
	"time"

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
	// criteriaDoc and labelsDoc place problems found after they are read.
	criteriaDoc, labelsDoc yamlDoc
	// codeLabel names code blocks in the practice's words, once labels.yaml
	// is read.
	codeLabel func(language string) string

	// now is the day dates are judged against (confirmations, reviews).
	now time.Time
	// warnings are reminders that do not stop a build.
	warnings Problems
	// setupItems are site.yaml's setup items by key, nil if site.yaml could
	// not be read; setupUsed the ones a page quotes; setupLines where each
	// is in settingsFile.
	setupItems   map[string]string
	setupUsed    map[string]bool
	setupLines   map[string]int
	settingsFile string
	// changes are the change log's entries, for its page.
	changes []changeMeta
	// sources are files already read to place a sentence on its line.
	sources map[string]string
	// stanceLines are the lines of each platform page's stance, for the
	// problems that set it against site.yaml.
	stanceLines map[string]int
	// brokenPlatforms are the platforms whose page exists but has problems
	// of its own. Everything that names them (site.yaml's offered, the
	// questionnaire) would otherwise report them missing, a screenful of
	// follow-on problems hiding the one mistake to fix.
	brokenPlatforms map[string]bool
}

type renderedPage struct {
	file string
	doc  markdown.Document
}

// Load reads the content folder fsys and returns the site it describes.
// dir is the folder's name as the user knows it ("content"), used in
// messages. The error, if any, is a Problems listing every mistake.
func Load(fsys fs.FS, dir string) (*site.Site, error) {
	s, _, err := LoadAt(fsys, dir, time.Now())
	return s, err
}

// LoadAt is Load on the day now, which also returns reminders: claims
// whose confirmation or review has grown old, and example values still in
// place. They do not stop a build, and they are returned even when err
// lists mistakes.
func LoadAt(fsys fs.FS, dir string, now time.Time) (*site.Site, Problems, error) {
	s := &site.Site{}
	l := &loader{fsys: fsys, dir: dir, now: now, docs: map[string]renderedPage{}, exists: map[string]bool{}, stanceLines: map[string]int{}, brokenPlatforms: map[string]bool{}, codeLabel: func(language string) string { return s.Labels.Frame.CodeLabel(language) }}

	settingsDoc, settingsOK := l.settings(&s.Settings)
	labelsOK := l.labels(s)
	criteriaOK := l.criteria(s)

	var leaflet site.Route
	for _, r := range site.Routes {
		if r.Path == site.LeafletPath {
			leaflet = r // it lists the platforms, read below
			continue
		}
		page, ok := site.Page{}, false
		if r.Path == site.ChangesPath {
			page, ok = l.changesPage(r.File, r.Path, s.Settings.PolicyDate, settingsDoc)
		} else {
			page, ok = l.page(r.File, r.Path, !r.Unlisted)
		}
		if ok {
			s.Pages = append(s.Pages, page)
		}
	}
	if p, ok := l.page(site.NotFoundFile, site.NotFoundPath, false); ok {
		s.NotFound = p
	}

	platformPages := l.platforms(s, settingsDoc, settingsOK, criteriaOK)
	// Platform pages follow the overview in navigation order.
	if len(s.Pages) > 0 && s.Pages[0].Path == "/" {
		s.Pages = slices.Insert(s.Pages, 1, platformPages...)
	} else {
		s.Pages = append(platformPages, s.Pages...)
	}

	if leaflet.Path != "" {
		if p, ok := l.leaflet(s, leaflet); ok {
			s.Pages = append(s.Pages, p)
		}
	}

	// The questionnaire is checked against every platform's facts: with a
	// platform page that did not load, most of its sentences would look
	// wrong. Its own problems show once that page is fixed.
	if criteriaOK && len(l.brokenPlatforms) == 0 {
		l.questionnaire(s)
	}

	l.unexpectedFiles()
	l.checkLinks()
	l.checkFrameIDs(s)
	if criteriaOK {
		l.checkCriteriaLinks(s)
	}
	if labelsOK {
		l.checkPracticeSource(s)
	}
	if l.setupItems != nil {
		l.checkSetupUsed()
	}
	if len(l.problems) == 0 {
		// Only once everything reads: a page with mistakes is fixed first.
		l.checkReadability(s)
	}
	sortProblems(l.warnings)

	if len(l.problems) > 0 {
		sortProblems(l.problems)
		return nil, l.warnings, l.problems
	}
	writeTables(s)
	writeChanges(s, l.changes)
	writePolicyLine(s)
	return s, l.warnings, nil
}

// sortProblems puts problems in file, then line, order.
func sortProblems(ps Problems) {
	sort.SliceStable(ps, func(i, j int) bool {
		a, b := ps[i], ps[j]
		if a.File != b.File {
			return a.File < b.File
		}
		return a.Line < b.Line
	})
}

// warn records a reminder, which does not stop a build.
func (l *loader) warn(file string, line int, format string, args ...any) {
	l.warnings = append(l.warnings, Problem{File: path.Join(l.dir, file), Line: line, Msg: fmt.Sprintf(format, args...)})
}

// at is file as messages name it, inside the content folder.
func (l *loader) at(file string) string { return path.Join(l.dir, file) }

func (l *loader) problem(file string, line int, format string, args ...any) {
	l.problems = append(l.problems, Problem{File: path.Join(l.dir, file), Line: line, Msg: fmt.Sprintf(format, args...)})
}
