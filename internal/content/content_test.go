package content

import (
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/stretchr/testify/require"

	"callprivacy/internal/site"
)

const validSettings = `practice: Test Practice
contact: "Email [me](mailto:me@example.org)."
policy_date: 2026-11-25
language: en-GB
offered: [alpha]
quick_exit: https://example.org/weather
`

func validPage(title, nav, body string) string {
	return "---\ntitle: " + title + "\ndescription: About " + title + ".\nnav: " + nav + "\n---\n" + body
}

// shippedFile is one of the practice's own files: the fixtures share its
// criteria and labels.
func shippedFile(name string) string {
	b, err := os.ReadFile(filepath.Join("..", "..", "content", name))
	if err != nil {
		panic(err)
	}
	return string(b)
}

// shippedCriteria are the practice's criteria, which every fixture
// platform answers.
func shippedCriteria() []site.Criterion {
	var s site.Site
	l := &loader{fsys: os.DirFS(filepath.Join("..", "..", "content")), dir: "content"}
	if !l.criteria(&s) {
		panic(l.problems.Error())
	}
	return s.Criteria
}

// validQuestionnaire is a small questionnaire for the fixture's platforms;
// its line numbers are relied on below.
const validQuestionnaire = `questions:
  - id: devices
    prompt: Which devices?
    why: Because.
    summary: Devices I could use
    multiple: true
    options:
      - {id: computer, label: A computer, echo: you can use a computer}
      - {id: phone, label: A phone, echo: you can use a phone}
  - id: preference
    prompt: Which platform?
    why: Because.
    summary: Platform I would prefer
    platform_options: {label: "{name}", echo: "you'd prefer {name}"}
    options:
      - {id: none, label: No preference, echo: you have no preference, summary_only: true}
reasons:
  - id: on-computer
    if: {devices: [computer]}
    platform: alpha
    score: 1
    criterion: browser
    text: "Because {answer}, {name} works."
  - if: {devices: [phone]}
    where: {e2ee: [by-default]}
    score: -1
    text: "Because {answer}: {name} needs {phrase:account}."
preferred: {score: 2, text: "You said {name}."}
closest: {score: 1, text: "{name} is like {declined}."}
default: "{name} fits."
tie: "{name} and {others} fit equally."
declined: {text: "About {name}: {summary} {fact:servers}", closest: "{name} is closest to {declined}."}
next: [{platform: alpha, text: Wait for the link.}]
expect: [{platform: alpha, text: A link.}]
notes: []
checklist: [{text: Find a quiet room.}]
summary: {opening: "Hello {practice}.", suggested: "It suggests {name}.", others: "Also {names}.", declined: "I would prefer {name}.", answers: "My answers:", answer: "- {question}: {answer}", skipped: Not answered}
`

// validPlatform is a platform page; its line numbers are relied on below.
func validPlatform(name, stance string) string {
	var b strings.Builder
	b.WriteString("---\n")                                    // 1
	b.WriteString("title: " + name + " title\n")              // 2
	b.WriteString("name: " + name + "\n")                     // 3
	b.WriteString("description: About " + name + ".\n")       // 4
	b.WriteString("nav: " + name + "\n")                      // 5
	b.WriteString("stance: " + stance + "\n")                 // 6
	b.WriteString("summary: What I think of " + name + ".\n") // 7
	b.WriteString("reviewed: 2026-11-20\n")                   // 8
	b.WriteString("facts:\n")                                 // 9
	line := 10
	for _, c := range shippedCriteria() {
		value := "some value"
		if c.Values != nil {
			value = c.Values[0].Key
		}
		b.WriteString("  " + c.Key + ":\n")
		b.WriteString("    value: " + value + "\n")
		b.WriteString("    explain: Plain words.\n")
		b.WriteString("    source: doc\n")
		line += 4
	}
	b.WriteString("sources:\n")
	b.WriteString("  - id: doc\n")
	b.WriteString("    title: The documentation\n")
	b.WriteString("    url: https://example.org/doc\n")
	b.WriteString("    date: 2026-11-20\n")
	b.WriteString("---\n## What it is\n\nA platform. See [metadata](/metadata#who-talks-to-whom).\n")
	return b.String()
}

// validChanges is a change log whose newest entry is validSettings'
// policy date.
const validChanges = `---
title: Changes
description: What changed.
changes:
  - date: 2026-11-25
    change: Said more about logs.
    why: A reader asked.
  - date: 2026-10-01
    change: First version.
    why: To explain.
---
Newest first.
`

// validLeaflet is the leaflet; its line numbers are relied on below.
const validLeaflet = `---
title: Leaflet
description: To print.
platforms_heading: The platforms
address: "Read more at:"
qr_label: A QR code of the address
---
Some words.
`

// validFS is a small, complete content folder with no problems.
func validFS() fstest.MapFS {
	file := func(s string) *fstest.MapFile { return &fstest.MapFile{Data: []byte(s)} }
	return fstest.MapFS{
		"site.yaml":          file(validSettings),
		"labels.yaml":        file(shippedFile("labels.yaml")),
		"criteria.yaml":      file(shippedFile("criteria.yaml")),
		"questionnaire.yaml": file(validQuestionnaire),
		"index.md":           file(validPage("Overview", "Overview", "## Start\n\nRead [how I work](/how-i-work) and [Alpha](/platforms/alpha).\n\n## Encryption is only part of the picture\n\n## What matters for a therapy call\n")),
		"how-i-work.md":      file(validPage("How I work", "How I work", "## Platforms\n\nSee [below](#the-bottom-line).\n\n## The bottom line\n\nBoundaries.\n\n## Primary platforms\n\n## No silent AI tools\n\n## Controlled access\n")),
		"compare.md":         file(validPage("Compare", "Compare", "Side by side.\n")),
		"browsing-safely.md": file(validPage("Browsing safely", "Browsing safely", "Private windows.\n")),
		"metadata.md":        file(validPage("Metadata", "Metadata", "## Who talks to whom\n\nPatterns.\n")),
		"security.md":        file(validPage("Security", "Security", "## TLS\n\n```nginx\nssl_protocols TLSv1.3;\n```\n")),
		"questionnaire.md":   file(validPage("Which platform?", "Questionnaire", "A few questions.\n")),
		"changes.md":         file(validChanges),
		"joining.md":         file(validPage("Joining a session", "Joining", "Open the link.\n")),
		"not-found.md":       file("---\ntitle: Not found\ndescription: No such page.\n---\nTry [the overview](/).\n"),
		"leaflet.md":         file(validLeaflet),
		"platforms/alpha.md": file(validPlatform("Alpha", "preferred")),
		"platforms/beta.md":  file(validPlatform("Beta", "not-used")),
	}
}

// addURL returns an edit that adds url: u to site.yaml, as its line 7.
func addURL(u string) func(string) string {
	return func(s string) string { return s + "url: " + u + "\n" }
}

func TestLoadValid(t *testing.T) {
	s, err := Load(validFS(), "content")
	require.NoError(t, err)
	require.Equal(t, "Test Practice", s.Settings.Practice)
	require.Contains(t, s.Settings.ContactHTML, `href="mailto:me@example.org"`)
	require.Equal(t, site.AppSettings{ShortName: "Test Practice", ThemeColor: "#1d5c63", BackgroundColor: "#ffffff"}, s.Settings.App,
		"without short_name and colours, the installed app takes the practice's name and the site's colours")

	var paths []string
	for _, p := range s.Pages {
		paths = append(paths, p.Path)
	}
	require.Equal(t, []string{"/", "/platforms/alpha", "/platforms/beta", "/how-i-work", "/metadata", "/security", "/questionnaire", "/joining", "/compare", "/browsing-safely", "/changes", "/leaflet"}, paths)
	require.Equal(t, "alpha", s.Platforms[0].Slug, "offered platforms come first")
	require.Len(t, s.Platforms[0].Facts, len(s.Criteria))
	require.Equal(t, "Not found", s.NotFound.Title)

	sec, _ := s.Page("/security")
	require.Contains(t, sec.HTML, `class="chroma"`)
}

func TestLoadReportsProblemsAtFileAndLine(t *testing.T) {
	tests := []struct {
		name string
		file string
		give string // new content of file; "" deletes it
		edit func(string) string
		want string
		// wantRe matches the first problem where its line depends on
		// the shipped criteria.yaml, which the fixture shares.
		wantRe string
	}{
		{name: "missing front matter", file: "metadata.md", give: "## No front matter\n",
			want: "content/metadata.md:1: missing front matter"},
		{name: "front matter not closed", file: "metadata.md", give: "---\ntitle: x\n",
			want: "content/metadata.md:1: front matter is not closed"},
		{name: "malformed front matter", file: "metadata.md", give: "---\ntitle: x\ndescription: [unclosed\nnav: y\n---\nbody\n",
			want: "content/metadata.md:3: a list in [brackets] is not closed, or one of its items needs quotes"},
		{name: "unknown field", file: "metadata.md", give: "---\ntitle: x\ndescription: y\nnav: z\nauthor: me\n---\n",
			want: `content/metadata.md:5: unknown field "author"`},
		{name: "missing required field", file: "metadata.md", give: "---\ntitle: x\nnav: z\n---\n",
			want: `content/metadata.md:2: missing required field "description"`},
		{name: "missing nav", file: "metadata.md", give: "---\ntitle: x\ndescription: y\n---\n",
			want: `content/metadata.md:2: missing required field "nav"`},
		{name: "missing page file", file: "security.md", give: "",
			want: "content/security.md: missing: the page /security needs it"},
		{name: "stance not allowed", file: "platforms/beta.md",
			edit: func(s string) string { return strings.Replace(s, "stance: not-used", "stance: deprecated", 1) },
			want: `content/platforms/beta.md:6: stance "deprecated" is not one of preferred, offered, not-used`},
		{name: "reviewed is not a date", file: "platforms/beta.md",
			edit: func(s string) string { return strings.Replace(s, "reviewed: 2026-11-20", "reviewed: last week", 1) },
			want: `content/platforms/beta.md:8: reviewed "last week" is not a date`},
		{name: "impossible date", file: "platforms/beta.md",
			edit: func(s string) string { return strings.Replace(s, "reviewed: 2026-11-20", "reviewed: 2026-02-30", 1) },
			want: `content/platforms/beta.md:8: reviewed "2026-02-30" is not a date`},
		{name: "policy date is not a date", file: "site.yaml",
			edit: func(s string) string {
				return strings.Replace(s, "policy_date: 2026-11-25", "policy_date: 25/11/2026", 1)
			},
			want: `content/site.yaml:3: policy_date "25/11/2026" is not a date`},
		{name: "source date is not a date", file: "platforms/beta.md",
			edit: func(s string) string { return strings.Replace(s, "    date: 2026-11-20", "    date: November", 1) },
			want: `source "doc": date "November" is not a date`},
		{name: "enumerated fact value not allowed", file: "platforms/beta.md",
			edit: func(s string) string { return strings.Replace(s, "value: by-default", "value: sometimes", 1) },
			want: `content/platforms/beta.md:11: facts.e2ee: value "sometimes" is not one of by-default, optional, not-available`},
		{name: "unknown criterion", file: "platforms/beta.md",
			edit: func(s string) string {
				return strings.Replace(s, "facts:\n", "facts:\n  colour:\n    value: blue\n", 1)
			},
			want: `content/platforms/beta.md:10: facts: unknown criterion "colour"`},
		{name: "missing criterion", file: "platforms/beta.md",
			edit: func(s string) string { return strings.Replace(s, "  group_calls:\n", "  group_callz:\n", 1) },
			want: `facts: missing criterion "group_calls"`},
		{name: "fact cites an unknown source", file: "platforms/beta.md",
			edit: func(s string) string { return strings.Replace(s, "    source: doc\n", "    source: nowhere\n", 1) },
			want: `content/platforms/beta.md:13: facts.e2ee: source "nowhere" is not in this page's sources`},
		{name: "source url not https", file: "platforms/beta.md",
			edit: func(s string) string {
				return strings.Replace(s, "https://example.org/doc", "http://example.org/doc", 1)
			},
			want: `url "http://example.org/doc" must be a full https address`},
		{name: "url not https", file: "site.yaml", edit: addURL("http://example.org/"),
			want: `content/site.yaml:7: url "http://example.org/" must be the full https address the site is published at`},
		{name: "url without a host", file: "site.yaml", edit: addURL("https:///privacy/"),
			want: `content/site.yaml:7: url "https:///privacy/" must be the full https address`},
		{name: "url with a query", file: "site.yaml", edit: addURL("https://example.org/?from=email"),
			want: `content/site.yaml:7: url "https://example.org/?from=email" has a ? or # part`},
		{name: "url with a fragment", file: "site.yaml", edit: addURL("https://example.org/#top"),
			want: `content/site.yaml:7: url "https://example.org/#top" has a ? or # part`},
		{name: "url that is a path", file: "site.yaml", edit: addURL("/privacy/"),
			want: `content/site.yaml:7: url "/privacy/" must be the full https address`},
		{name: "url with a password", file: "site.yaml", edit: addURL("https://me:secret@example.org/"),
			want: `content/site.yaml:7: url "https://me:secret@example.org/" holds a user name or password`},
		{name: "url with dots in its path", file: "site.yaml", edit: addURL("https://example.org/a/../privacy/"),
			want: `content/site.yaml:7: url "https://example.org/a/../privacy/": the path after the host must be a plain folder`},
		{name: "url with a space", file: "site.yaml", edit: addURL(`"https://example.org/my privacy/"`),
			want: `content/site.yaml:7: url "https://example.org/my privacy/" is not an address a browser shows`},
		{name: "leaflet in the menu", file: "leaflet.md",
			edit: func(s string) string { return strings.Replace(s, "qr_label:", "nav: Leaflet\nqr_label:", 1) },
			want: `content/leaflet.md:6: nav: the leaflet is for printing and is not in the menu`},
		{name: "leaflet without its words for the address", file: "leaflet.md",
			edit: func(s string) string { return strings.Replace(s, "address: \"Read more at:\"\n", "", 1) },
			want: `content/leaflet.md:2: missing required field "address"`},
		{name: "missing leaflet", file: "leaflet.md", give: "",
			want: "content/leaflet.md: missing: the page /leaflet needs it"},
		{name: "offered platform that does not exist", file: "site.yaml",
			edit: func(s string) string {
				return strings.Replace(s, "offered: [alpha]", "offered:\n  - alpha\n  - gamma", 1)
			},
			want: `content/site.yaml:7: offered: no platform "gamma"`},
		{name: "offered platform with stance not-used", file: "site.yaml",
			edit: func(s string) string { return strings.Replace(s, "offered: [alpha]", "offered: [alpha, beta]", 1) },
			want: `content/site.yaml:5: offered: "beta" has stance "not-used" in content/platforms/beta.md:6; offered platforms need stance preferred or offered`},
		{name: "offered platform with stance not-used, at the stance", file: "site.yaml",
			edit: func(s string) string { return strings.Replace(s, "offered: [alpha]", "offered: [alpha, beta]", 1) },
			want: `content/platforms/beta.md:6: stance is "not-used" but content/site.yaml:5 lists "beta" under offered`},
		{name: "stance offered but not listed", file: "platforms/beta.md",
			edit: func(s string) string { return strings.Replace(s, "stance: not-used", "stance: offered", 1) },
			want: `content/platforms/beta.md:6: stance is "offered" but content/site.yaml:5 does not list "beta" under offered: add it there, or make the stance not-used`},
		{name: "stance offered but not listed, at offered", file: "platforms/beta.md",
			edit: func(s string) string { return strings.Replace(s, "stance: not-used", "stance: offered", 1) },
			want: `content/site.yaml:5: offered: "beta" is missing, but content/platforms/beta.md:6 has stance "offered"`},
		{name: "broken internal link", file: "index.md",
			edit: func(s string) string { return strings.Replace(s, "/how-i-work", "/how-we-work", 1) },
			want: "content/index.md:8: link to /how-we-work: no such page"},
		{name: "broken anchor", file: "platforms/alpha.md",
			edit: func(s string) string { return strings.Replace(s, "#who-talks-to-whom", "#known-associates", 1) },
			want: `link to /metadata#known-associates: metadata.md has no heading with ID "known-associates"`},
		{name: "broken same-page anchor", file: "how-i-work.md",
			edit: func(s string) string { return strings.Replace(s, "(#the-bottom-line)", "(#bottom-line)", 1) },
			want: "content/how-i-work.md:8: link to #bottom-line: how-i-work.md has no heading"},
		{name: "duplicate heading ID", file: "metadata.md",
			edit: func(s string) string { return s + "\n## Who talks to whom\n" },
			want: `content/metadata.md:10: duplicate heading ID "who-talks-to-whom" (first used on line 6)`},
		{name: "heading ID the page frame uses", file: "metadata.md",
			edit: func(s string) string { return s + "\n## Main\n" },
			want: `content/metadata.md:10: heading ID "main" is used by the page itself`},
		{name: "explicit heading ID the page title uses", file: "metadata.md",
			edit: func(s string) string { return s + "\n## About {#page-title}\n" },
			want: `content/metadata.md:10: heading ID "page-title" is used by the page itself`},
		{name: "heading ID the questionnaire's step heading uses", file: "questionnaire.md",
			edit:   func(s string) string { return s + "\n## Step heading\n" },
			wantRe: `content/questionnaire\.md:\d+: heading ID "step-heading" is used by the page itself`},
		{name: "heading ID of a questionnaire option", file: "how-i-work.md",
			edit:   func(s string) string { return s + "\n## Opt devices computer\n" },
			wantRe: `content/how-i-work\.md:\d+: heading ID "opt-devices-computer" is used by the page itself`},
		{name: "heading ID of a comparison card", file: "compare.md",
			edit:   func(s string) string { return s + "\n## Card alpha\n" },
			wantRe: `content/compare\.md:\d+: heading ID "card-alpha" is used by the page itself`},
		{name: "heading ID of go-app's loader", file: "metadata.md",
			edit: func(s string) string { return s + "\n## X {#app-wasm-loader}\n" },
			want: `content/metadata.md:10: heading ID "app-wasm-loader" is used by the page itself`},
		{name: "image from another origin", file: "metadata.md",
			edit: func(s string) string { return s + "\n![chart](https://cdn.example.com/chart.png)\n" },
			want: `content/metadata.md:10: image "https://cdn.example.com/chart.png"`},
		{name: "script from another origin", file: "metadata.md",
			edit: func(s string) string { return s + "\n<script src=\"https://cdn.example.com/a.js\"></script>\n" },
			want: "content/metadata.md:10: raw HTML is not allowed (<script"},
		{name: "style from another origin", file: "metadata.md",
			edit: func(s string) string {
				return s + "\n<link rel=\"stylesheet\" href=\"https://cdn.example.com/a.css\">\n"
			},
			want: "content/metadata.md:10: raw HTML is not allowed (<link"},
		{name: "font from another origin", file: "metadata.md",
			edit: func(s string) string {
				return s + "\n<style>@font-face{src:url(https://fonts.example.com/a.woff2)}</style>\n"
			},
			want: "content/metadata.md:10: raw HTML is not allowed (<style>"},
		{name: "iframe from another origin", file: "metadata.md",
			edit: func(s string) string { return s + "\n<iframe src=\"https://video.example.com/\"></iframe>\n" },
			want: "content/metadata.md:10: raw HTML is not allowed (<iframe"},
		{name: "level-1 heading", file: "metadata.md",
			edit: func(s string) string { return s + "\n# Another title\n" },
			want: "content/metadata.md:10: level-1 heading"},
		{name: "a heading the comparison links to is gone", file: "how-i-work.md",
			edit:   func(s string) string { return strings.Replace(s, "## No silent AI tools", "## No AI", 1) },
			wantRe: `^content/criteria\.yaml:\d+: recording: explained /how-i-work#no-silent-ai-tools, but how-i-work\.md has no heading with the ID "no-silent-ai-tools": link to a heading it has, or keep the heading`},
		{name: "quick exit not https", file: "site.yaml",
			edit: func(s string) string {
				return regexp.MustCompile(`(?m)^quick_exit: .*$`).ReplaceAllString(s, "quick_exit: http://example.org/")
			},
			want: `content/site.yaml:6: quick_exit "http://example.org/" must be a full https address`},
		{name: "quick exit with a quote that would end its attribute", file: "site.yaml",
			edit: func(s string) string {
				return regexp.MustCompile(`(?m)^quick_exit: .*$`).ReplaceAllString(s, `quick_exit: 'https://example.org/"onmouseover=alert(1)//'`)
			},
			want: `content/site.yaml:6: quick_exit "https://example.org/\"onmouseover=alert(1)//" holds a space, quote or bracket`},
		{name: "theme colour not #rrggbb", file: "site.yaml",
			edit: func(s string) string { return s + "short_name: Test\ntheme_color: teal\n" },
			want: `content/site.yaml:8: theme_color "teal" is not a colour written as #rrggbb`},
		{name: "background colour with three digits", file: "site.yaml",
			edit: func(s string) string { return s + "background_color: \"#fff\"\n" },
			want: `content/site.yaml:7: background_color "#fff" is not a colour written as #rrggbb`},
		{name: "stray Markdown file", file: "extra.md", give: validPage("Extra", "Extra", "x"),
			want: "content/extra.md: not part of the site"},
		{name: "platform file name not a slug", file: "platforms/Big Blue.md", give: validPlatform("Big", "not-used"),
			want: `content/platforms/Big Blue.md: file name "Big Blue.md" must be lower-case`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fsys := validFS()
			switch {
			case tt.edit != nil:
				fsys[tt.file] = &fstest.MapFile{Data: []byte(tt.edit(string(fsys[tt.file].Data)))}
			case tt.give == "":
				delete(fsys, tt.file)
			default:
				fsys[tt.file] = &fstest.MapFile{Data: []byte(tt.give)}
			}
			s, err := Load(fsys, "content")
			require.Nil(t, s)
			var ps Problems
			require.True(t, errors.As(err, &ps), "error is %T: %v", err, err)
			if tt.wantRe != "" {
				require.Regexp(t, tt.wantRe, err.Error())
				return
			}
			require.Contains(t, err.Error(), tt.want)
		})
	}
}

// TestShippedContent loads the practice's real content: every page
// renders, every internal link and anchor resolves (Load checks both), and
// every platform answers every criterion with a source.
func TestShippedContent(t *testing.T) {
	s, err := Load(os.DirFS(filepath.Join("..", "..", "content")), "content")
	require.NoError(t, err)
	require.Len(t, s.Pages, len(site.Routes)+len(s.Platforms))
	for _, p := range s.Pages {
		require.NotEmpty(t, p.Title, p.Path)
		require.NotEmpty(t, p.Description, p.Path)
		if !unlisted(p.Path) { // linked from elsewhere instead
			require.NotEmpty(t, p.Nav, p.Path)
		}
		require.Greater(t, len(p.HTML), len(`<div class="prose"></div>`), p.Path)
	}
	for _, slug := range s.Settings.Offered {
		p, ok := s.Platform(slug)
		require.True(t, ok, slug)
		require.True(t, p.Offered(), slug)
	}
	for _, p := range s.Platforms {
		require.Len(t, p.Facts, len(s.Criteria), p.Slug)
		require.NotEmpty(t, p.Sources, p.Slug)
	}
	// The practice's positions, as the seed page states them.
	for slug, stance := range map[string]string{
		"jitsi": site.StancePreferred, "signal": site.StanceOffered,
		"whatsapp": site.StanceNotUsed, "zoom": site.StanceNotUsed, "teams": site.StanceNotUsed,
	} {
		p, ok := s.Platform(slug)
		require.True(t, ok, slug)
		require.Equal(t, stance, p.Stance, slug)
	}
}

// unlisted reports whether the route at path stays out of the menu.
func unlisted(path string) bool {
	for _, r := range site.Routes {
		if r.Path == path {
			return r.Unlisted
		}
	}
	return false
}

// TestBrokenPlatformPageIsTheOnlyProblem breaks the page of a platform that
// site.yaml offers and the questionnaire names: only that page's own
// problems are reported, not "no platform" wherever the platform is named.
// A platform page that is missing altogether is still reported where it
// is named.
func TestBrokenPlatformPageIsTheOnlyProblem(t *testing.T) {
	tests := []struct {
		name string
		edit func(string) string // of platforms/alpha.md; nil deletes it
		want []string
	}{
		{name: "a source no fact cites",
			edit: func(s string) string {
				return strings.Replace(s, "sources:\n", "sources:\n  - {id: spare, title: Spare, url: https://example.org/spare, date: 2026-11-20}\n", 1)
			},
			want: []string{`content/platforms/alpha.md:`}},
		{name: "front matter that is not YAML",
			edit: func(s string) string { return strings.Replace(s, "summary: What", "summary: \"What", 1) },
			want: []string{`content/platforms/alpha.md:7: a quote (") opened on this line is never closed`}},
		{name: "a fact without its source",
			edit: func(s string) string { return strings.Replace(s, "    source: doc\n", "", 1) },
			want: []string{`content/platforms/alpha.md:`}},
		{name: "the page is missing",
			want: []string{`content/questionnaire.yaml:`, `content/site.yaml:5: offered: no platform "alpha" (expected platforms/alpha.md)`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fsys := validFS()
			if tt.edit == nil {
				delete(fsys, "platforms/alpha.md")
			} else {
				fsys["platforms/alpha.md"] = &fstest.MapFile{Data: []byte(tt.edit(string(fsys["platforms/alpha.md"].Data)))}
			}
			_, err := Load(fsys, "content")
			var ps Problems
			require.True(t, errors.As(err, &ps), "error is %T: %v", err, err)
			for _, w := range tt.want {
				require.Contains(t, err.Error(), w)
			}
			if tt.edit != nil {
				for _, p := range ps {
					require.Equal(t, "content/platforms/alpha.md", p.File, "a follow-on problem: %s", p)
				}
			}
		})
	}
}
