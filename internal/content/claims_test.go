package content

import (
	"html"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"callprivacy/internal/site"
)

// A passage is one paragraph, list item, fact or questionnaire sentence of
// the shipped content, as plain text, with where it comes from.
type passage struct {
	where, text string
	jitsi       bool // about Jitsi: on its page, naming it, or shown under it
}

// passages splits the shipped site into the pieces a reader meets one at
// a time.
func passages(t *testing.T, s *site.Site) []passage {
	t.Helper()
	block := regexp.MustCompile(`(?s)<(p|li|td|th|h[1-6])[^>]*>(.*?)</(p|li|td|th|h[1-6])>`)
	tag := regexp.MustCompile(`<[^>]+>`)
	var ps []passage
	add := func(where, text string, jitsi bool) {
		text = strings.Join(strings.Fields(html.UnescapeString(tag.ReplaceAllString(text, " "))), " ")
		ps = append(ps, passage{where: where, text: text, jitsi: jitsi || strings.Contains(text, "Jitsi")})
	}
	for _, p := range append(s.Pages, s.NotFound) {
		for _, m := range block.FindAllStringSubmatch(p.HTML, -1) {
			add(p.Path, m[2], p.Platform == "jitsi")
		}
	}
	for _, p := range s.Platforms {
		add(p.Slug+" summary", p.Summary, p.Slug == "jitsi")
		for _, f := range p.Facts {
			add(p.Slug+" fact "+f.Criterion, f.Explain, p.Slug == "jitsi")
		}
	}
	q := s.Questionnaire
	for _, list := range [][]site.Statement{q.Reasons, q.Expect, q.Next, q.Notes, q.Checklist} {
		for _, st := range list {
			add("questionnaire "+st.ID, st.Text, st.Platform == "jitsi")
		}
	}
	require.NotEmpty(t, ps)
	return ps
}

// TestKnownClaimsStayCorrected keeps out claims a review found untrue or
// overstated, so that an edit cannot bring them back unnoticed.
func TestKnownClaimsStayCorrected(t *testing.T) {
	s, err := Load(os.DirFS(filepath.Join("..", "..", "content")), "content")
	require.NoError(t, err)
	ps := passages(t, s)

	t.Run("nothing says the site stores nothing on the device", func(t *testing.T) {
		// It keeps an offline copy of every page (its service worker).
		untrue := regexp.MustCompile(`(?i)\b(stores?|keeps?|leaves?) nothing (on|in) (your|this) (device|phone|computer|browser)`)
		for _, p := range ps {
			require.False(t, untrue.MatchString(p.text), "%s: %q", p.where, p.text)
		}
	})

	t.Run("every mention of Jitsi's end-to-end encryption in a browser names the browsers", func(t *testing.T) {
		// "Supported desktop browsers" means Chromium-based ones: Firefox
		// and Safari need an experimental setting (jitsi-meet #14626).
		for _, p := range ps {
			if !p.jitsi || !strings.Contains(p.text, "end-to-end encryption") || !strings.Contains(p.text, "browser") {
				continue
			}
			require.Contains(t, p.text, "Chrome", "%s: name the browsers: %q", p.where, p.text)
			require.NotContains(t, p.text, "supported desktop browser", p.where)
		}
	})

	t.Run("overstatements stay out", func(t *testing.T) {
		for _, p := range ps {
			for _, claim := range []string{
				"No video company sits in the middle", // a STUN server, or the bridge, may be someone else's
				"read in exactly the same way",
				"links to the part of this site that explains why it matters", // not every criterion's section does
			} {
				require.NotContains(t, p.text, claim, p.where)
			}
		}
	})
}

// TestAcronymsExplainedAtFirstUse: on every page, the first paragraph that
// uses one of these abbreviations also says what it is in plain words.
func TestAcronymsExplainedAtFirstUse(t *testing.T) {
	s, err := Load(os.DirFS(filepath.Join("..", "..", "content")), "content")
	require.NoError(t, err)
	explained := map[string]*regexp.Regexp{
		"E2EE":      regexp.MustCompile(`(?i)end-to-end`),
		"TLS":       regexp.MustCompile(`(?i)encryption`),
		"STUN":      regexp.MustCompile(`(?i)helper server`),
		"TURN":      regexp.MustCompile(`(?i)relay`),
		"DTLS-SRTP": regexp.MustCompile(`(?i)a standard called`),
		"IP":        regexp.MustCompile(`(?i)internet \(IP\) address`),
	}
	ps := passages(t, s)
	for acronym, plain := range explained {
		use := regexp.MustCompile(`\b` + regexp.QuoteMeta(acronym) + `\b`)
		first := map[string]bool{}
		for _, p := range ps {
			if first[p.where] || !use.MatchString(p.text) {
				continue
			}
			first[p.where] = true
			require.Regexp(t, plain, p.text, "%s: %s is not explained where it is first used: %q", p.where, acronym, p.text)
		}
	}
}

// TestInTheProjectsOwnWords: no run of eight or more words of the
// practice's original page (testdata/original-page.txt) appears in the
// content, which says the same things in its own words.
func TestInTheProjectsOwnWords(t *testing.T) {
	const run = 8
	words := func(text string) []string {
		text = strings.NewReplacer("’", "'", "‘", "'", "“", `"`, "”", `"`).Replace(strings.ToLower(text))
		return regexp.MustCompile(`[a-z0-9']+`).FindAllString(text, -1)
	}
	orig, err := os.ReadFile(filepath.Join("testdata", "original-page.txt"))
	require.NoError(t, err)
	ow := words(string(orig))
	seen := map[string]bool{}
	for i := 0; i+run <= len(ow); i++ {
		seen[strings.Join(ow[i:i+run], " ")] = true
	}
	root := filepath.Join("..", "..", "content")
	err = filepath.WalkDir(root, func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		w := words(string(b))
		for i := 0; i+run <= len(w); i++ {
			if g := strings.Join(w[i:i+run], " "); seen[g] {
				t.Errorf("%s: %q is the original page's wording; say it in the project's own words", path, g)
			}
		}
		return nil
	})
	require.NoError(t, err)
}
