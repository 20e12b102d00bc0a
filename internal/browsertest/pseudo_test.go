package browsertest

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
	"go.yaml.in/yaml/v3"

	"callprivacy/internal/questionnaire"
	"callprivacy/internal/site"
)

// Pseudo-localisation proves that every word a reader meets comes from
// content/: the test builds the site from a copy of content/ in which
// every word the practice wrote is wrapped in ⟦ and ⟧, walks every page
// and every step of the questionnaire in Chromium, and fails on any
// visible text, title, aria-label or alt outside the markers. It is also
// the groundwork for translations: a word Go writes would be a word no
// translator could reach.
const (
	markOpen  = "⟦"
	markClose = "⟧"
)

// notWords are the YAML keys whose values are identifiers, conditions,
// numbers, dates, addresses or patterns rather than words a reader meets:
// translating them would break the site, so they are not wrapped.
var notWords = map[string]bool{
	"id": true, "key": true, "platform": true, "criterion": true, "if": true, "unless": true,
	"where": true, "excludes": true, "score": true, "multiple": true, "exclusive": true,
	"summary_only": true, "requires": true, "explained": true, "format": true,
	"policy_date": true, "language": true, "offered": true, "quick_exit": true, "date": true,
	"url": true, "source": true, "reviewed": true, "stance": true,
	"theme_color": true, "background_color": true,
}

// rewriteYAML passes every word-bearing scalar of a YAML document through
// wrap, with its key: in labels.yaml every one but the date format (its
// keys name labels, such as "source", not identifiers), elsewhere all but
// notWords. enumerated names criteria whose fact values are fixed keys.
func rewriteYAML(t *testing.T, data []byte, labels bool, enumerated map[string]bool, wrap func(key, v string) string) []byte {
	t.Helper()
	var doc yaml.Node
	require.NoError(t, yaml.Unmarshal(data, &doc))
	var walk func(n *yaml.Node, key, parent string)
	walk = func(n *yaml.Node, key, parent string) {
		switch n.Kind {
		case yaml.DocumentNode, yaml.SequenceNode:
			for _, c := range n.Content {
				walk(c, key, parent)
			}
		case yaml.MappingNode:
			for i := 0; i+1 < len(n.Content); i += 2 {
				k := n.Content[i].Value
				skip := notWords[k] || (k == "value" && enumerated[key])
				if labels {
					skip = k == "format" || k == "practice_source_page"
				}
				if skip {
					continue
				}
				walk(n.Content[i+1], k, key)
			}
		case yaml.ScalarNode:
			if n.Tag == "!!str" && strings.TrimSpace(n.Value) != "" {
				n.Value = wrap(key, n.Value)
				n.Style = yaml.DoubleQuotedStyle
			}
		}
	}
	walk(&doc, "", "")
	var out bytes.Buffer
	enc := yaml.NewEncoder(&out)
	require.NoError(t, enc.Encode(&doc))
	return out.Bytes()
}

var (
	fence       = regexp.MustCompile("^\\s*(```|~~~)")
	lineMarkers = regexp.MustCompile(`^(\s*(?:#{1,6} |[-*+] |\d+\. |> )*)(.*)$`)
)

// pseudoMarkdown wraps the text of every line of a Markdown body: after
// its heading, list or quote markers, and cell by cell in a table. Heading
// IDs do not change: they keep only ASCII letters and digits.
func pseudoMarkdown(body string) string {
	lines := strings.Split(body, "\n")
	inFence := false
	for i, line := range lines {
		switch {
		case fence.MatchString(line):
			inFence = !inFence
		case inFence || strings.TrimSpace(line) == "":
		case strings.HasPrefix(strings.TrimSpace(line), "|"):
			if strings.Trim(line, "|-: ") == "" {
				continue // the row under a table's header
			}
			cells := strings.Split(strings.Trim(strings.TrimSpace(line), "|"), "|")
			for j, c := range cells {
				if strings.TrimSpace(c) != "" {
					cells[j] = " " + markOpen + strings.TrimSpace(c) + markClose + " "
				}
			}
			lines[i] = "|" + strings.Join(cells, "|") + "|"
		default:
			m := lineMarkers.FindStringSubmatch(line)
			if strings.TrimSpace(m[2]) != "" {
				lines[i] = m[1] + markOpen + m[2] + markClose
			}
		}
	}
	return strings.Join(lines, "\n")
}

// pseudoContent writes a pseudo-localised copy of content/ to dir.
func pseudoContent(t *testing.T, dir string) {
	t.Helper()
	rewriteContent(t, dir, func(_, v string) string { return markOpen + v + markClose }, pseudoMarkdown)
}

// rewriteContent writes a copy of content/ to dir in which wrap has
// rewritten the words of every YAML file and front matter (see
// rewriteYAML) and body every Markdown body.
func rewriteContent(t *testing.T, dir string, wrap func(key, v string) string, body func(string) string) {
	t.Helper()
	mod, err := ModuleDir()
	require.NoError(t, err)
	src := filepath.Join(mod, "content")
	var criteria []struct {
		Key    string `yaml:"key"`
		Values []any  `yaml:"values"`
	}
	raw, err := os.ReadFile(filepath.Join(src, site.CriteriaFile))
	require.NoError(t, err)
	require.NoError(t, yaml.Unmarshal(raw, &criteria))
	enumerated := map[string]bool{}
	for _, c := range criteria {
		enumerated[c.Key] = len(c.Values) > 0
	}
	require.NoError(t, filepath.WalkDir(src, func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(src, path)
		data, err := os.ReadFile(path)
		require.NoError(t, err)
		switch filepath.Ext(path) {
		case ".yaml":
			data = rewriteYAML(t, data, rel == site.LabelsFile, enumerated, wrap)
		case ".md":
			front, md, ok := strings.Cut(strings.TrimPrefix(string(data), "---\n"), "\n---\n")
			require.True(t, ok, rel)
			data = []byte("---\n" + string(rewriteYAML(t, []byte(front), false, enumerated, wrap)) + "---\n" + body(md))
		}
		out := filepath.Join(dir, rel)
		require.NoError(t, os.MkdirAll(filepath.Dir(out), 0o755))
		return os.WriteFile(out, data, 0o644)
	}))
}

// foreignText returns the text on the page that did not come from
// content/: what is left of the visible text, the title and the
// aria-label, alt and title attributes once every innermost ⟦…⟧ pair is
// taken out, again and again, keeping only letters. Code blocks are
// left out: they are shown exactly as the practice wrote them.
const foreignText = `(() => {
	const strip = s => { let prev; do { prev = s; s = s.replace(/⟦[^⟦⟧]*⟧/g, " "); } while (s !== prev); return s; };
	// Code blocks are shown as written, in no language: set them aside.
	const pres = [...document.querySelectorAll("pre")];
	pres.forEach(e => e.style.display = "none");
	const parts = [document.title, document.body.innerText];
	pres.forEach(e => e.style.display = "");
	for (const el of document.querySelectorAll("[aria-label], [alt], [title], textarea, input[type=text]")) {
		for (const a of ["aria-label", "alt", "title"]) if (el.hasAttribute(a)) parts.push(el.getAttribute(a));
		if (el.value) parts.push(el.value);
	}
	const left = [];
	for (const p of parts) {
		const rest = strip(p);
		for (const m of rest.matchAll(/\p{L}[\p{L}\s'’]*/gu)) left.push(m[0].trim() + " (in: " + p.slice(0, 80).replace(/\s+/g, " ") + ")");
	}
	return left;
})()`

// TestEveryWordComesFromContent walks the pseudo-localised site.
func TestEveryWordComesFromContent(t *testing.T) {
	tmp := t.TempDir()
	pseudoContent(t, filepath.Join(tmp, "content"))
	b0, err := BuildFrom(filepath.Join(tmp, "content"), filepath.Join(tmp, "site"), "")
	require.NoError(t, err)
	s := b0.Site
	origin := Serve(t, b0.Dir, "")
	b := NewBrowser(t)
	requireNone := func(where string) {
		t.Helper()
		var left []string
		require.NoError(t, b.Eval(foreignText, &left))
		require.Empty(t, left, "%s shows words that are not in content/", where)
	}
	for _, p := range append(s.Pages, s.NotFound) {
		path := p.Path
		if path == "" {
			path = "/no-such-page"
		}
		require.NoError(t, b.Navigate(origin+path))
		require.NoError(t, b.WaitReady(appStart))
		// The comparison folds its explanations into <details> on a
		// phone: open them, or innerText would not see their words.
		require.NoError(t, b.Eval(`document.querySelectorAll("details").forEach(d => d.open = true), 0`, new(int)))
		requireNone(path)
	}

	// A fresh browser: each one has a deadline sized for one test's walk.
	b = NewBrowser(t)
	lb := s.Labels.Questionnaire
	q := questionnaire.New(s)
	qs := q.Questions()
	require.NoError(t, b.Navigate(origin+site.QuestionnairePath))
	require.NoError(t, b.WaitReady(appStart))
	require.NoError(t, b.WaitText("#step-heading", qs[0].Prompt, stepWait))
	require.NoError(t, b.ClickButton(lb.Continue))
	require.NoError(t, b.WaitFocus("error-title", stepWait))
	requireNone("a question with an error")
	give := questionnaire.Answers{}
	for i, question := range qs {
		require.NoError(t, b.Eval(`document.querySelectorAll("details").forEach(d => d.open = true), 0`, new(int)))
		requireNone("question " + question.ID)
		next := lb.CheckHeading
		if i+1 < len(qs) {
			next = qs[i+1].Prompt
		}
		give[question.ID] = []string{question.Options[0].ID}
		require.NoError(t, b.Click("#opt-"+question.ID+"-"+question.Options[0].ID))
		require.NoError(t, b.ClickButton(lb.Continue))
		require.NoError(t, b.WaitText("#step-heading", next, stepWait))
	}
	requireNone("check your answers")
	require.NoError(t, b.ClickButton(lb.SeeResult))
	require.NoError(t, b.WaitText("#step-heading", site.Fill(lb.ResultHeading, "name", q.Recommend(give).Ranked[0].Platform.Name), stepWait))
	require.NoError(t, b.Click(`.summary input[type=checkbox]`))
	// Open every "Why I ask"-style disclosure: closed, its words are not
	// rendered, so innerText would not see them. The resumable link is an
	// address, not words, and is not made.
	var opened int
	require.NoError(t, b.Eval(`document.querySelectorAll("details").forEach(d => d.open = true), document.querySelectorAll("details[open]").length`, &opened))
	require.Positive(t, opened)
	for _, question := range qs {
		if question.Sensitive == "" {
			continue
		}
		require.Eventually(t, func() bool {
			var v string
			return b.Eval(`document.getElementById("summary-text").value`, &v) == nil && strings.Contains(v, question.Summary)
		}, stepWait, 50*time.Millisecond, "the sensitive answer is in the summary once the box is ticked")
	}
	requireNone("the result")
	require.Empty(t, b.Problems())
}
