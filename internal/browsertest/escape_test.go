package browsertest

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"callprivacy/internal/site"
)

// hostile ends every word of the fixture site: each character that HTML or
// Go quoting treats specially, a newline, and a payload that adds an
// attribute and an element (both marked data-injected) wherever a value
// is written without the right escaping.
const hostile = ` "'<>&` + "\n" + `" data-injected="1" x='<i data-injected>&amp;</i>\`

// hostileQuickExit is the most hostile address the loader accepts:
// apostrophes and ampersands are valid in an address; quotes and brackets
// are refused (TestLoadProblems).
const hostileQuickExit = "https://example.org/weather?a='1'&b=2&amp;c=3"

// valuesReadBack lists what is wrong in a document: any element or
// attribute the hostile words injected, and every value that does not
// read back exactly as the practice wrote it. want maps a CSS selector and
// an attribute ("" for the text) to the intended value.
const valuesReadBack = `((doc, want) => {
	const bad = [];
	for (const el of doc.querySelectorAll("[data-injected], [x], i")) bad.push("injected: " + el.outerHTML.slice(0, 120));
	for (const [sel, attr, value] of want) {
		const el = doc.querySelector(sel);
		if (!el) { bad.push("missing: " + sel); continue; }
		const got = attr ? el.getAttribute(attr) : el.textContent;
		if (got !== value) bad.push(sel + (attr ? "[" + attr + "]" : "") + ": got " + JSON.stringify(got) + ", want " + JSON.stringify(value));
	}
	return bad;
})`

// TestHostileWordsStayWords builds a site whose every word ends in
// hostile and checks each page twice in Chromium: as the browser parses
// the prerendered HTML (what a visitor gets before the app starts, or
// without it), and once the app has rendered it. Neither may gain an
// element or attribute, and every title, description, name, label and
// address that reaches an attribute reads back exactly.
func TestHostileWordsStayWords(t *testing.T) {
	tmp := t.TempDir()
	contentDir := filepath.Join(tmp, "content")
	rewriteContent(t, contentDir, func(key, v string) string {
		if key == "contact" { // Markdown: its escaping is the Markdown tests'
			return v
		}
		return v + hostile
	}, func(body string) string { return body })
	settings := filepath.Join(contentDir, site.SettingsFile)
	raw, err := os.ReadFile(settings)
	require.NoError(t, err)
	raw = regexp.MustCompile(`(?m)^quick_exit: .*$`).ReplaceAll(raw, []byte(`quick_exit: "`+hostileQuickExit+`"`))
	require.NoError(t, os.WriteFile(settings, raw, 0o644))

	built, err := BuildFrom(contentDir, filepath.Join(tmp, "site"), "")
	require.NoError(t, err)
	s := built.Site
	require.True(t, strings.HasSuffix(s.Settings.Practice, hostile), "the fixture's practice name is hostile: %q", s.Settings.Practice)
	require.Equal(t, hostileQuickExit, s.Settings.QuickExit)
	lb := s.Labels
	require.True(t, strings.HasSuffix(lb.Frame.Loading, hostile), "the fixture's labels are hostile")

	origin := Serve(t, built.Dir, "")
	b := NewBrowser(t)
	for _, p := range append(s.Pages, s.NotFound) {
		path := p.Path
		if path == "" {
			path = "/no-such-page"
		}
		require.True(t, strings.HasSuffix(p.Title, hostile) && strings.HasSuffix(p.Description, hostile), "%s: the fixture's title and description are hostile", path)
		title := site.Fill(lb.Frame.Title, "page", p.Title, "practice", s.Settings.Practice)
		want := [][3]string{
			{"title", "", title},
			{`meta[property="og:title"]`, "content", title},
			{`meta[name="description"]`, "content", p.Description},
			{`meta[property="og:description"]`, "content", p.Description},
			{`meta[name="author"]`, "content", s.Settings.Practice},
			{"a.quick-exit", "href", s.Settings.QuickExit},
			{"a.site-name", "", s.Settings.Practice},
			{".site-header nav", "aria-label", lb.Frame.MainMenu},
			{".nav-platforms", "aria-label", lb.Frame.PlatformsMenu},
			{".site", "data-update-notice", lb.Frame.UpdateNotice},
			{".site", "data-update-button", lb.Frame.UpdateButton},
			{"#page-title", "", p.Title},
		}
		if len(p.TOC) >= 3 {
			want = append(want, [3]string{"nav.toc", "aria-label", lb.Frame.OnThisPage})
		}
		if p.Path == site.QuestionnairePath {
			want = append(want, [3]string{"section.questionnaire", "aria-label", lb.Questionnaire.Region})
		}
		wantJSON, err := json.Marshal(want)
		require.NoError(t, err)

		require.NoError(t, b.Navigate(origin+path))
		var bad []string
		require.NoError(t, b.Eval(`fetch(location.href).then(r => r.text()).then(html => `+valuesReadBack+`(new DOMParser().parseFromString(html, "text/html"), `+string(wantJSON)+`))`, &bad))
		require.Empty(t, bad, "%s as prerendered", path)
		require.NoError(t, b.WaitReady(appStart))
		require.NoError(t, b.Eval(valuesReadBack+`(document, `+string(wantJSON)+`)`, &bad))
		require.Empty(t, bad, "%s once ready (the app started, where the page runs it)", path)
		if site.NeedsApp(p.Path) {
			var loading string
			require.NoError(t, b.Eval(`goappLoadingLabel`, &loading))
			require.Equal(t, lb.Frame.Loading, loading, "%s: app.js holds the loading label as written", path)
		}
	}
	require.Empty(t, b.Problems())
}
