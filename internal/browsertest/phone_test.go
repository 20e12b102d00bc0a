package browsertest

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
	"github.com/stretchr/testify/require"

	"callprivacy/internal/site"
)

// Most clients arrive from an email link on a phone: these tests look at
// the site on a 360×780 screen.
const phoneWidth, phoneHeight = 360, 780

// everyPath is every page of the site and the not-found page.
func everyPath(s *site.Site) []string {
	paths := []string{"/no-such-page"}
	for _, p := range s.Pages {
		paths = append(paths, p.Path)
	}
	return paths
}

// unexpectedProblems are the page's problems but the 404 status of the
// not-found page, the one error a browser logs by itself.
func unexpectedProblems(b *Browser) []string {
	var out []string
	for _, p := range b.Problems() {
		if !strings.Contains(p, "404 (Not Found)") {
			out = append(out, p)
		}
	}
	return out
}

func setViewport(t *testing.T, b *Browser, width, height int64) {
	t.Helper()
	require.NoError(t, chromedp.Run(b.Ctx, chromedp.EmulateViewport(width, height)))
}

// firstScreen is where a page's header and text are on arrival, in CSS
// pixels from the top of the viewport.
type firstScreen struct {
	Viewport   float64 `json:"viewport"`
	Header     float64 `json:"header"`
	H1Bottom   float64 `json:"h1Bottom"`
	TextTop    float64 `json:"textTop"`
	LineHeight float64 `json:"lineHeight"`
	Text       string  `json:"text"`
}

// measureFirstScreen reads the first screen: the header's height, the
// bottom of the h1 and the top of the first paragraph of the page's own
// text (its Markdown body, or for the not-found page its one paragraph).
const measureFirstScreen = `(() => {
	const p = document.querySelector("main .prose p");
	const r = p.getBoundingClientRect();
	return {
		viewport: innerHeight,
		header: document.querySelector(".site-header").getBoundingClientRect().height,
		h1Bottom: document.querySelector("h1").getBoundingClientRect().bottom,
		textTop: r.top,
		lineHeight: parseFloat(getComputedStyle(p).lineHeight),
		text: p.innerText.slice(0, 40),
	};
})()`

// TestPhoneFirstScreen opens every page at 360×780: the header takes at
// most a fifth of the screen, and the title and the first line of the
// page's text are on the first screen, without scrolling. A screenshot of
// each first screen goes to .cache/screenshots.
func TestPhoneFirstScreen(t *testing.T) {
	s := built.root.Site
	origin := Serve(t, built.root.Dir, "")
	mod, err := ModuleDir()
	require.NoError(t, err)
	shots := filepath.Join(mod, ".cache", "screenshots")
	require.NoError(t, os.MkdirAll(shots, 0o755))
	b := NewBrowser(t)
	setViewport(t, b, phoneWidth, phoneHeight)
	for _, path := range everyPath(s) {
		require.NoError(t, b.Navigate(origin+path))
		require.NoError(t, b.WaitReady(appStart))
		var m firstScreen
		require.NoError(t, b.Eval(measureFirstScreen, &m), path)
		t.Logf("%-22s header %3.0f px (%2.0f %%), h1 ends at %3.0f, text starts at %3.0f: %q", path, m.Header, 100*m.Header/m.Viewport, m.H1Bottom, m.TextTop, m.Text)
		require.LessOrEqual(t, m.Header, 0.2*m.Viewport, "%s: the header takes more than a fifth of the first screen", path)
		require.LessOrEqual(t, m.H1Bottom, m.Viewport, "%s: the title is not on the first screen", path)
		require.LessOrEqual(t, m.TextTop+m.LineHeight, m.Viewport, "%s: the first line of the text (%q) is not on the first screen", path, m.Text)
		var shot []byte
		require.NoError(t, chromedp.Run(b.Ctx, chromedp.CaptureScreenshot(&shot)))
		name := strings.Trim(strings.ReplaceAll(path, "/", "-"), "-")
		if name == "" {
			name = "index"
		}
		require.NoError(t, os.WriteFile(filepath.Join(shots, "first-screen-"+name+".png"), shot, 0o644))
	}
	require.Empty(t, unexpectedProblems(b))
}

// exitInReach reports why "Leave this site" is out of reach after
// scrolling to the bottom of the page, or "" when it is in the viewport
// and is what a tap at its centre hits.
const exitInReach = `(() => {
	window.scrollTo(0, document.documentElement.scrollHeight);
	const exit = document.querySelector("a.quick-exit");
	const r = exit.getBoundingClientRect();
	if (r.width === 0 || r.top < 0 || r.left < 0 || r.bottom > innerHeight || r.right > innerWidth) {
		return "outside the viewport: " + JSON.stringify(r) + " in " + innerWidth + "×" + innerHeight + " at scrollY " + scrollY;
	}
	const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
	if (!hit || hit.closest("a.quick-exit") !== exit) {
		return "covered by " + (hit ? hit.outerHTML.slice(0, 80) : "nothing");
	}
	return "";
})()`

// TestExitStaysInReach scrolls to the bottom of every page, on a phone and
// on a wide screen: "Leave this site" is still on the screen, and a tap at
// its centre reaches it. On a short viewport (a phone on its side, or a
// 1280 px window zoomed to 400 %) the header scrolls away instead, so that
// it never takes most of the screen.
func TestExitStaysInReach(t *testing.T) {
	s := built.root.Site
	origin := Serve(t, built.root.Dir, "")
	b := NewBrowser(t)
	for _, size := range [][2]int64{{phoneWidth, phoneHeight}, {1280, 800}} {
		setViewport(t, b, size[0], size[1])
		for _, path := range everyPath(s) {
			require.NoError(t, b.Navigate(origin+path))
			require.NoError(t, b.WaitReady(appStart))
			var why string
			require.NoError(t, b.Eval(exitInReach, &why))
			require.Empty(t, why, "%s at %d×%d: after scrolling down, the exit is out of reach", path, size[0], size[1])
		}
	}

	for _, size := range [][2]int64{{780, 360}, {320, 200}} {
		setViewport(t, b, size[0], size[1])
		require.NoError(t, b.Navigate(origin+"/how-i-work"))
		require.NoError(t, b.WaitReady(appStart))
		var headerBottom float64
		require.NoError(t, b.Eval(`window.scrollTo(0, document.documentElement.scrollHeight), document.querySelector(".site-header").getBoundingClientRect().bottom`, &headerBottom))
		require.LessOrEqual(t, headerBottom, 0.0, "at %d×%d the header stays on screen after scrolling: it would cover most of it", size[0], size[1])
	}
	require.Empty(t, unexpectedProblems(b))
}

// menuState is what the menu shows.
type menuState struct {
	Open         bool `json:"open"`
	LinksVisible int  `json:"linksVisible"`
	Summary      bool `json:"summary"`
	Current      bool `json:"current"`
}

const readMenu = `(() => {
	const links = [...document.querySelectorAll(".site-header nav a")];
	const summary = document.querySelector(".site-menu > summary");
	return {
		open: document.querySelector(".site-menu").open,
		linksVisible: links.filter(a => a.checkVisibility() && a.getBoundingClientRect().width > 0).length,
		summary: summary.getBoundingClientRect().width > 0,
		current: links.some(a => a.getAttribute("aria-current") === "page" && a.pathname === location.pathname),
	};
})()`

func menu(t *testing.T, b *Browser) menuState {
	t.Helper()
	var m menuState
	require.NoError(t, b.Eval(readMenu, &m))
	return m
}

// TestMenuOpensWithTheKeyboard opens and closes the phone's menu with Tab,
// Enter and Space, then follows a link of it with Enter: on a plain page,
// on a page with ?wasm=false, on the questionnaire once the app runs, and
// with scripts disabled altogether. The menu is a native control, so each
// works the same.
func TestMenuOpensWithTheKeyboard(t *testing.T) {
	s := built.root.Site
	origin := Serve(t, built.root.Dir, "")
	links := 0
	for _, p := range s.Pages {
		if p.Nav != "" {
			links++
		}
	}
	metadata, _ := s.Page("/metadata")
	tests := []struct {
		give string
		// wait: for the page to be ready (the app started, where it runs).
		wait, noScript bool
	}{
		{give: "/how-i-work", wait: true},
		{give: site.QuestionnairePath, wait: true},
		{give: site.QuestionnairePath + "?wasm=false"},
		{give: "/how-i-work", noScript: true},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprintf("%s no script %v", tt.give, tt.noScript), func(t *testing.T) {
			b := NewBrowser(t)
			setViewport(t, b, phoneWidth, phoneHeight)
			require.NoError(t, chromedp.Run(b.Ctx, emulation.SetScriptExecutionDisabled(tt.noScript)))
			require.NoError(t, b.Navigate(origin+tt.give))
			if tt.wait {
				require.NoError(t, b.WaitReady(appStart))
			}
			require.Equal(t, menuState{Summary: true, Current: true}, menu(t, b), "the menu starts closed, its control shown")

			tabTo(t, b, ".site-menu > summary")
			pressKey(t, b, kb.Enter)
			require.Equal(t, menuState{Open: true, LinksVisible: links, Summary: true, Current: true}, menu(t, b),
				"Enter opens the menu, with every link and the current page marked")
			if !tt.noScript {
				checkAxe(t, b, axeSource(t), tt.give+" with the menu open")
			}
			pressKey(t, b, " ")
			require.False(t, menu(t, b).Open, "Space closes the menu")
			pressKey(t, b, " ")
			require.True(t, menu(t, b).Open, "Space opens the menu")

			tabTo(t, b, `.site-header nav a[href="/metadata"]`)
			pressKey(t, b, kb.Enter)
			require.NoError(t, b.WaitText("h1", metadata.Title, stepWait))
			require.Empty(t, b.Problems())
		})
	}
}

// TestWideScreenShowsTheWholeMenu checks that from 48rem the menu is a
// plain list: every link shows, the Menu control does not, with and
// without scripts.
func TestWideScreenShowsTheWholeMenu(t *testing.T) {
	s := built.root.Site
	origin := Serve(t, built.root.Dir, "")
	links := 0
	for _, p := range s.Pages {
		if p.Nav != "" {
			links++
		}
	}
	for _, noScript := range []bool{false, true} {
		b := NewBrowser(t)
		setViewport(t, b, 1024, 768)
		require.NoError(t, chromedp.Run(b.Ctx, emulation.SetScriptExecutionDisabled(noScript)))
		require.NoError(t, b.Navigate(origin+"/metadata"))
		m := menu(t, b)
		require.Equal(t, menuState{LinksVisible: links, Current: true}, m, "no script: %v", noScript)
		if !noScript {
			checkAxe(t, b, axeSource(t), "the whole menu on a wide screen")
		}
		tabTo(t, b, `.site-header nav a[href="/security"]`)
	}
}

// pips reads the exit's Shift indicator: how many of its pips are filled,
// whether it shows at all, and what the live region says.
type pips struct {
	Shown  bool   `json:"shown"`
	Filled int    `json:"filled"`
	Said   string `json:"said"`
}

const readPips = `(() => {
	const box = document.querySelector(".exit-pips");
	const fill = (p) => { const c = getComputedStyle(p).backgroundColor; return c !== "rgba(0, 0, 0, 0)" && c !== "transparent"; };
	return {
		shown: box.getBoundingClientRect().width > 0,
		filled: [...box.querySelectorAll(".pip")].filter(fill).length,
		said: document.querySelector(".shift-status").textContent,
	};
})()`

// shift presses Shift and lets it go, as a person does.
func shift(t *testing.T, b *Browser) {
	t.Helper()
	require.NoError(t, chromedp.Run(b.Ctx, chromedp.KeyEvent(kb.Shift)))
}

// TestShiftIndicator presses Shift once and twice: the exit's pips and a
// polite live region count the presses in the practice's words; when the
// two seconds run out, the count clears and says so. Shift+Tab, which
// keyboard users press all the time, counts nothing.
func TestShiftIndicator(t *testing.T) {
	s := built.root.Site
	lb := s.Labels.Frame
	origin := Serve(t, built.root.Dir, "")
	for _, path := range []string{"/metadata", site.QuestionnairePath} {
		t.Run(path, func(t *testing.T) {
			b := NewBrowser(t)
			setViewport(t, b, phoneWidth, phoneHeight)
			require.NoError(t, b.Navigate(origin+path))
			require.NoError(t, b.WaitReady(appStart))
			read := func() pips {
				var p pips
				require.NoError(t, b.Eval(readPips, &p))
				return p
			}
			require.Equal(t, pips{}, read(), "no indicator before Shift is pressed")
			var live string
			require.NoError(t, b.Eval(`document.querySelector(".shift-status").getAttribute("aria-live")`, &live))
			require.Equal(t, "polite", live)

			// Shift held while Tab is pressed.
			require.NoError(t, chromedp.Run(b.Ctx, chromedp.ActionFunc(func(ctx context.Context) error {
				for _, ev := range []*input.DispatchKeyEventParams{
					input.DispatchKeyEvent(input.KeyRawDown).WithKey("Shift").WithCode("ShiftLeft").WithWindowsVirtualKeyCode(16).WithModifiers(input.ModifierShift),
					input.DispatchKeyEvent(input.KeyRawDown).WithKey("Tab").WithCode("Tab").WithWindowsVirtualKeyCode(9).WithModifiers(input.ModifierShift),
					input.DispatchKeyEvent(input.KeyUp).WithKey("Tab").WithCode("Tab").WithWindowsVirtualKeyCode(9).WithModifiers(input.ModifierShift),
					input.DispatchKeyEvent(input.KeyUp).WithKey("Shift").WithCode("ShiftLeft").WithWindowsVirtualKeyCode(16),
				} {
					if err := ev.Do(ctx); err != nil {
						return err
					}
				}
				return nil
			})))
			require.Equal(t, pips{}, read(), "Shift+Tab counts as a press towards leaving")

			shift(t, b)
			require.Equal(t, pips{Shown: true, Filled: 1, Said: site.Fill(lb.ShiftCount, "count", "1", "total", "3")}, read())
			shift(t, b)
			require.Equal(t, pips{Shown: true, Filled: 2, Said: site.Fill(lb.ShiftCount, "count", "2", "total", "3")}, read())
			require.Eventually(t, func() bool { return read() == pips{Said: lb.ShiftReset} }, 10*time.Second, 50*time.Millisecond,
				"the count never clears: %+v", read())

			// After the reset the count starts again from one: two more
			// presses do not leave.
			shift(t, b)
			require.Equal(t, 1, read().Filled)
			require.Empty(t, b.Problems())
		})
	}
}

// standalone makes the page's own stylesheet apply its rules for the
// installed app (display-mode: standalone) as if it ran installed, and
// returns how many such rules there are. Chromium can emulate
// prefers-color-scheme and the like, but not display-mode
// (Emulation.setEmulatedMedia ignores it), and its PWA.install is not in
// headless mode: so the test switches each such rule's condition to "all",
// which is what matching it means.
const standalone = `(() => {
	let n = 0;
	const visit = (rules) => {
		for (const r of rules) {
			if (r instanceof CSSMediaRule && r.media.mediaText.includes("(display-mode: standalone)")) {
				r.media.mediaText = r.media.mediaText.replaceAll("(display-mode: standalone)", "all");
				n++;
			}
			if (r.cssRules) visit(r.cssRules);
		}
	};
	for (const sheet of document.styleSheets) visit(sheet.cssRules);
	return n;
})()`

// TestInstalledAppHasAWayBack checks the installed app, which has no
// browser Back button: there the header shows a Back control, which goes
// back with a tap or the keyboard, and the exit. In a browser tab it is
// hidden, and not in the accessibility tree.
func TestInstalledAppHasAWayBack(t *testing.T) {
	s := built.root.Site
	origin := Serve(t, built.root.Dir, "")
	b := NewBrowser(t)
	setViewport(t, b, phoneWidth, phoneHeight)
	shown := func() (back, exit bool) {
		var v []bool
		require.NoError(t, b.Eval(`[".app-back", "a.quick-exit"].map(sel => document.querySelector(sel).checkVisibility())`, &v))
		return v[0], v[1]
	}
	require.NoError(t, b.Navigate(origin+"/"))
	require.NoError(t, b.WaitReady(appStart))
	back, exit := shown()
	require.False(t, back, "a Back control shows in a browser tab, which has its own")
	require.True(t, exit)

	metadata, _ := s.Page("/metadata")
	for _, path := range []string{"/metadata", site.QuestionnairePath} {
		require.NoError(t, b.Navigate(origin+path))
		require.NoError(t, b.WaitReady(appStart))
		var rules int
		require.NoError(t, b.Eval(standalone, &rules))
		require.Positive(t, rules, "site.css has no rule for the installed app")
		back, exit = shown()
		require.True(t, back, "%s: the installed app shows no way back", path)
		require.True(t, exit, "%s: the installed app shows no exit", path)
		var m firstScreen
		require.NoError(t, b.Eval(measureFirstScreen, &m), path)
		require.LessOrEqual(t, m.Header, 0.2*m.Viewport, "%s: with Back, the header takes more than a fifth of the first screen", path)
		var label string
		require.NoError(t, b.Eval(`document.querySelector(".app-back").innerText.trim()`, &label))
		require.Equal(t, s.Labels.Frame.AppBack, label)
	}
	// From the questionnaire back to /metadata, with the keyboard; then
	// back to the overview with a tap.
	tabTo(t, b, "button.app-back")
	pressKey(t, b, kb.Enter)
	require.NoError(t, b.WaitText("h1", metadata.Title, stepWait))
	require.NoError(t, b.Eval(standalone, new(int)))
	require.NoError(t, b.Click("button.app-back"))
	home, _ := s.Page("/")
	require.NoError(t, b.WaitText("h1", home.Title, stepWait))
	require.Empty(t, b.Problems())
}
