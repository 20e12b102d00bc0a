package browsertest

import (
	"encoding/base64"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/fetch"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
	"github.com/stretchr/testify/require"

	"callprivacy/internal/questionnaire"
	"callprivacy/internal/site"
)

// axeSource returns axe-core, which `make test` installs from the npm
// registry (pinned) into .cache/axe.
func axeSource(t *testing.T) string {
	t.Helper()
	mod, err := ModuleDir()
	require.NoError(t, err)
	path := filepath.Join(mod, ".cache", "axe", "node_modules", "axe-core", "axe.min.js")
	b, err := os.ReadFile(path)
	require.NoError(t, err, "the accessibility tests need axe-core in .cache/axe: run `make axe` once (it installs the pinned version from the npm registry), or `make test`, which does it too")
	return string(b)
}

// checkAxe runs axe-core on the page with the WCAG 2.0, 2.1 and 2.2 A and
// AA rules and the best practices, and fails on any violation.
func checkAxe(t *testing.T, b *Browser, axe, where string) {
	t.Helper()
	var loaded bool
	require.NoError(t, b.Eval(`typeof axe !== "undefined"`, &loaded))
	if !loaded {
		require.NoError(t, b.Eval(axe+";true", nil))
	}
	var violations []struct {
		ID    string `json:"id"`
		Help  string `json:"help"`
		Nodes []struct {
			Target []any `json:"target"`
		} `json:"nodes"`
	}
	require.NoError(t, b.Eval(`axe.run(document, {runOnly: {type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]}}).then(r => r.violations)`, &violations))
	for _, v := range violations {
		var targets []string
		for _, n := range v.Nodes {
			targets = append(targets, fmt.Sprint(n.Target...))
		}
		t.Errorf("%s: axe %s: %s at %s", where, v.ID, v.Help, strings.Join(targets, ", "))
	}
}

func setScheme(t *testing.T, b *Browser, scheme string) {
	t.Helper()
	require.NoError(t, chromedp.Run(b.Ctx, emulation.SetEmulatedMedia().WithFeatures([]*emulation.MediaFeature{
		{Name: "prefers-color-scheme", Value: scheme},
	})))
}

// TestAccessibility runs axe-core on every page in the light and the dark
// colour scheme, and on every step of the questionnaire.
func TestAccessibility(t *testing.T) {
	axe := axeSource(t)
	s := built.root.Site
	origin := Serve(t, built.root.Dir, "")
	for _, scheme := range []string{"light", "dark"} {
		t.Run(scheme, func(t *testing.T) {
			b := NewBrowser(t)
			setScheme(t, b, scheme)
			paths := []string{"/no-such-page"}
			for _, p := range s.Pages {
				paths = append(paths, p.Path)
			}
			for _, path := range paths {
				require.NoError(t, b.Navigate(origin+path))
				require.NoError(t, b.WaitReady(appStart))
				checkAxe(t, b, axe, scheme+" "+path)
			}

			q := questionnaire.New(s)
			qs := q.Questions()
			require.NoError(t, b.Navigate(origin+site.QuestionnairePath))
			require.NoError(t, b.WaitReady(appStart))
			// The error summary, as a client who pressed Continue
			// without choosing meets it.
			require.NoError(t, b.WaitText("#step-heading", qs[0].Prompt, stepWait))
			require.NoError(t, b.ClickButton(s.Labels.Questionnaire.Continue))
			require.NoError(t, b.WaitFocus("error-title", stepWait))
			checkAxe(t, b, axe, scheme+" question with an error")
			for i, question := range qs {
				checkAxe(t, b, axe, scheme+" question "+question.ID)
				next := built.root.Site.Labels.Questionnaire.CheckHeading
				if i+1 < len(qs) {
					next = qs[i+1].Prompt
				}
				answer(t, b, question, next, question.Options[0].ID)
			}
			checkAxe(t, b, axe, scheme+" check your answers")
			require.NoError(t, b.ClickButton(built.root.Site.Labels.Questionnaire.SeeResult))
			require.NoError(t, b.WaitContains("#step-heading", "My suggestion for you", stepWait))
			checkAxe(t, b, axe, scheme+" result")
		})
	}
}

// TestSmallScreens opens every page at 320 and 360 CSS pixels: nothing
// scrolls sideways, controls are big enough to touch, and a screenshot of
// each page at 360 px goes to .cache/screenshots for review.
func TestSmallScreens(t *testing.T) {
	s := built.root.Site
	origin := Serve(t, built.root.Dir, "")
	mod, err := ModuleDir()
	require.NoError(t, err)
	shots := filepath.Join(mod, ".cache", "screenshots")
	require.NoError(t, os.MkdirAll(shots, 0o755))
	b := NewBrowser(t)
	for _, width := range []int64{320, 360} {
		require.NoError(t, chromedp.Run(b.Ctx, chromedp.EmulateViewport(width, 740)))
		for _, p := range s.Pages {
			require.NoError(t, b.Navigate(origin+p.Path))
			require.NoError(t, b.WaitReady(appStart))
			var overflow int
			require.NoError(t, b.Eval(`document.documentElement.scrollWidth - document.documentElement.clientWidth`, &overflow))
			require.LessOrEqual(t, overflow, 0, "%s scrolls sideways at %d px", p.Path, width)
			var small []string
			require.NoError(t, b.Eval(`[...document.querySelectorAll("button, input, summary, nav a, .quick-exit, .skip-link:focus")]
				.filter(e => { const r = e.getBoundingClientRect(); return r.width > 0 && (r.width < 24 || r.height < 24); })
				.map(e => e.outerHTML.slice(0, 80))`, &small))
			require.Empty(t, small, "%s at %d px: touch targets under 24×24 px", p.Path, width)
			if width == 360 {
				var shot []byte
				require.NoError(t, chromedp.Run(b.Ctx, chromedp.FullScreenshot(&shot, 90)))
				name := strings.Trim(strings.ReplaceAll(p.Path, "/", "-"), "-")
				if name == "" {
					name = "index"
				}
				require.NoError(t, os.WriteFile(filepath.Join(shots, name+"-360.jpg"), shot, 0o644))
			}
		}
	}
	require.Empty(t, b.Problems())
}

// tabTo presses Tab until the focused element matches sel.
func tabTo(t *testing.T, b *Browser, sel string) {
	t.Helper()
	for i := 0; i < 80; i++ {
		var ok bool
		require.NoError(t, b.Eval(`!!document.activeElement && document.activeElement.matches(`+jsString(sel)+`)`, &ok))
		if ok {
			return
		}
		require.NoError(t, chromedp.Run(b.Ctx, chromedp.KeyEvent(kb.Tab)))
	}
	t.Fatalf("Tab never reached %s (%s)", sel, b.describe())
}

func pressKey(t *testing.T, b *Browser, key string) {
	t.Helper()
	require.NoError(t, chromedp.Run(b.Ctx, chromedp.KeyEvent(key)))
}

// TestKeyboardOnlyQuestionnaire completes the questionnaire with Tab,
// Space and Enter alone.
func TestKeyboardOnlyQuestionnaire(t *testing.T) {
	origin := Serve(t, built.root.Dir, "")
	b := NewBrowser(t)
	require.NoError(t, b.Navigate(origin+site.QuestionnairePath))
	require.NoError(t, b.WaitReady(appStart))
	q := questionnaire.New(built.root.Site)
	qs := q.Questions()
	for i, question := range qs {
		require.NoError(t, b.WaitText("#step-heading", question.Prompt, stepWait))
		if i%3 == 2 {
			tabTo(t, b, `button.secondary`) // "Skip this question"
		} else {
			tabTo(t, b, `input[name="`+question.ID+`"]`)
			pressKey(t, b, " ")
			tabTo(t, b, `button.primary`)
		}
		pressKey(t, b, kb.Enter)
		if i+1 < len(qs) {
			require.NoError(t, b.WaitText("#step-heading", qs[i+1].Prompt, stepWait), question.ID)
			require.NoError(t, b.WaitFocus("step-heading", stepWait))
		}
	}
	require.NoError(t, b.WaitText("#step-heading", built.root.Site.Labels.Questionnaire.CheckHeading, stepWait))
	tabTo(t, b, `button.primary`)
	pressKey(t, b, kb.Enter)
	require.NoError(t, b.WaitContains("#step-heading", "My suggestion for you", stepWait))
	check, err := b.Text(".result")
	require.NoError(t, err)
	require.Contains(t, check, built.root.Site.Labels.Questionnaire.ForHeading)
	require.Empty(t, b.Problems())
}

// TestMenuLinkLoadsThePage follows a menu link from a plain page and from
// the questionnaire, which runs the app: each time the new page arrives as
// a new document (a marker left on window is gone), with its own title, and
// the keyboard starts at the top, on the skip link, as on any web page.
func TestMenuLinkLoadsThePage(t *testing.T) {
	origin := Serve(t, built.root.Dir, "")
	metadata, _ := built.root.Site.Page("/metadata")
	for _, from := range []string{"/", site.QuestionnairePath} {
		t.Run(from, func(t *testing.T) {
			b := NewBrowser(t)
			require.NoError(t, b.Navigate(origin+from))
			require.NoError(t, b.WaitReady(appStart))
			require.NoError(t, b.Eval(`window.stillHere = true, 0`, new(int)))
			// The browser's 412 px is a phone: the menu opens first.
			require.NoError(t, b.Click(`.site-menu > summary`))
			require.NoError(t, b.Click(`nav a[href="/metadata"]`))
			require.NoError(t, b.WaitText("h1", metadata.Title, stepWait))
			require.NoError(t, b.WaitReady(appStart))
			var page struct {
				StillHere bool   `json:"stillHere"`
				Title     string `json:"title"`
			}
			require.NoError(t, b.Eval(`({stillHere: window.stillHere === true, title: document.title})`, &page))
			require.False(t, page.StillHere, "the page was shown inside the app instead of loaded")
			require.Contains(t, page.Title, metadata.Title)
			pressKey(t, b, kb.Tab)
			var first bool
			require.NoError(t, b.Eval(`document.activeElement.matches("a.skip-link")`, &first))
			require.True(t, first, "the first Tab does not reach the skip link: %s", b.describe())
			require.Empty(t, b.Problems())
		})
	}
}

// TestQuickExit leaves with the button and with Shift pressed three times:
// the page is replaced by the neutral one, and the page left is not in the
// tab's history.
func TestQuickExit(t *testing.T) {
	s := built.root.Site
	origin := Serve(t, built.root.Dir, "")
	// The tab's history (tabHistory); nil while the tab is between two
	// pages (a cross-origin navigation briefly detaches it).
	history := tabHistory
	leave := map[string]func(*Browser) error{
		"button": func(b *Browser) error { return b.Click("a.quick-exit") },
		"shift three times": func(b *Browser) error {
			return chromedp.Run(b.Ctx, chromedp.KeyEvent(kb.Shift), chromedp.KeyEvent(kb.Shift), chromedp.KeyEvent(kb.Shift))
		},
	}
	for name, do := range leave {
		t.Run(name, func(t *testing.T) {
			b := NewBrowser(t)
			standInForNeutralSite(t, b, s.Settings.QuickExit)
			require.NoError(t, b.Navigate(origin+"/"))
			require.NoError(t, b.Navigate(origin+"/metadata"))
			require.NoError(t, b.WaitReady(appStart))
			require.NoError(t, do(b))
			require.Eventually(t, func() bool {
				h := history(b)
				return len(h) > 0 && h[len(h)-1] == s.Settings.QuickExit
			}, 10*time.Second, 100*time.Millisecond, "history: %v", history(b))
			h := history(b)
			require.NotContains(t, h, origin+"/metadata", "the page left must not stay in the history")
			require.Equal(t, []string{origin + "/", s.Settings.QuickExit}, h[len(h)-2:])
		})
	}

	// The control is a real link: it works with no script at all.
	b := NewBrowser(t)
	require.NoError(t, b.Navigate(origin+"/?wasm=false"))
	var href string
	require.NoError(t, b.Eval(`document.querySelector("a.quick-exit").href`, &href))
	require.Equal(t, s.Settings.QuickExit, href)
}

// standInForNeutralSite answers requests for the neutral page itself: the
// test machine has no internet, and the neutral site is not part of this
// product. Everything up to the request is real.
func standInForNeutralSite(t *testing.T, b *Browser, neutral string) {
	t.Helper()
	chromedp.ListenTarget(b.Ctx, func(ev any) {
		if ev, ok := ev.(*fetch.EventRequestPaused); ok {
			go func() {
				_ = chromedp.Run(b.Ctx, fetch.FulfillRequest(ev.RequestID, 200).
					WithResponseHeaders([]*fetch.HeaderEntry{{Name: "Content-Type", Value: "text/html"}}).
					WithBody(base64.StdEncoding.EncodeToString([]byte("<!doctype html><title>Weather</title><p>Weather"))))
			}()
		}
	})
	require.NoError(t, chromedp.Run(b.Ctx, fetch.Enable().WithPatterns([]*fetch.RequestPattern{{URLPattern: neutral + "*"}})))
}

// TestQuickExitForgetsAnswers checks that the exit event clears the
// questionnaire before the page goes.
func TestQuickExitForgetsAnswers(t *testing.T) {
	b, _, q := openQuestionnaire(t)
	qs := q.Questions()
	answer(t, b, qs[0], qs[1].Prompt, "phone")
	require.NoError(t, b.Eval(`document.dispatchEvent(new Event("callprivacy:exit"))`, nil))
	require.NoError(t, b.Eval(`location.hash = "check"`, nil))
	require.NoError(t, b.WaitText("#step-heading", built.root.Site.Labels.Questionnaire.CheckHeading, stepWait))
	check, err := b.Text(".check-answers")
	require.NoError(t, err)
	require.NotContains(t, check, "A smartphone")
}

// TestPrint checks what a printed page shows: the text, the practice and
// the date, without the navigation.
func TestPrint(t *testing.T) {
	origin := Serve(t, built.root.Dir, "")
	b := NewBrowser(t)
	require.NoError(t, b.Navigate(origin+"/platforms/jitsi"))
	require.NoError(t, b.WaitReady(appStart))
	require.NoError(t, chromedp.Run(b.Ctx, emulation.SetEmulatedMedia().WithMedia("print")))
	var state struct {
		Nav    string `json:"nav"`
		Exit   string `json:"exit"`
		Footer string `json:"footer"`
	}
	require.NoError(t, b.Eval(`({
		nav: getComputedStyle(document.querySelector(".site-header nav")).display,
		exit: getComputedStyle(document.querySelector(".quick-exit")).display,
		footer: document.querySelector("footer").innerText,
	})`, &state))
	require.Equal(t, "none", state.Nav)
	require.Equal(t, "none", state.Exit)
	require.Contains(t, state.Footer, built.root.Site.Settings.Practice)
	require.Contains(t, state.Footer, "Policy dated")
}
