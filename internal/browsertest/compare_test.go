package browsertest

import (
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
	"github.com/stretchr/testify/require"

	"callprivacy/internal/site"
)

// The comparison on a phone (360×780, the screen most clients read an
// email link on) must be short enough to use: criteria as blocks with each
// platform's short value, the explanation and source one tap away.
// (phoneWidth and phoneHeight are in phone_test.go.)
const maxPhoneScreens = 6.0

// factWant is what the comparison must offer for one platform on one
// criterion, from the site's data.
type factWant struct {
	platform site.Platform
	value    string // the value's label, as the criterion words it
	explain  string
	source   string // the source link's words
	href     string
}

// wantFacts lists every platform's answer to criterion c, in the order the
// comparison shows them.
func wantFacts(s *site.Site, c site.Criterion) []factWant {
	lb := s.Labels.Platform
	var out []factWant
	for _, p := range s.Platforms {
		f, ok := p.Fact(c.Key)
		if !ok {
			panic("the loader let through a platform without " + c.Key)
		}
		w := factWant{platform: p, value: c.ValueLabel(f.Value), explain: f.Explain,
			source: site.Fill(lb.Source, "title", lb.PracticeSource), href: lb.PracticeSourcePage}
		for _, src := range p.Sources {
			if src.ID == f.Source {
				w.source, w.href = site.Fill(lb.Source, "title", src.Title), src.URL
			}
		}
		out = append(out, w)
	}
	return out
}

// openCompare opens /compare in a fresh browser at width × height.
func openCompare(t *testing.T, width, height int64) (*Browser, string) {
	t.Helper()
	origin := Serve(t, built.root.Dir, "")
	b := NewBrowser(t)
	require.NoError(t, chromedp.Run(b.Ctx, chromedp.EmulateViewport(width, height)))
	require.NoError(t, b.Navigate(origin+site.ComparePath))
	require.NoError(t, b.WaitReady(appStart))
	return b, origin
}

// TestCompareOnAPhone checks the comparison at 360×780: at most six
// screens tall as it opens, the practice's platforms first under every
// criterion, and every value on show with its explanation and source
// behind a disclosure that opens from the keyboard.
func TestCompareOnAPhone(t *testing.T) {
	s := built.root.Site
	b, origin := openCompare(t, phoneWidth, phoneHeight)

	var height float64
	require.NoError(t, b.Eval(`document.documentElement.scrollHeight`, &height))
	t.Logf("/compare at %d×%d: %.0f px, %.1f screens", phoneWidth, phoneHeight, height, height/phoneHeight)
	require.LessOrEqual(t, height/phoneHeight, maxPhoneScreens, "/compare is %.0f px tall on a phone", height)

	var display string
	require.NoError(t, b.Eval(`getComputedStyle(document.querySelector(".compare-table")).display`, &display))
	require.Equal(t, "none", display, "a phone gets the list, not the table")

	// Every criterion lists every platform, the ones the practice uses
	// first, each with its value in the summary line.
	for _, c := range s.Criteria {
		want := wantFacts(s, c)
		var summaries []string
		require.NoError(t, b.Eval(`[...document.querySelectorAll("#criterion-`+c.Key+` summary")].filter(e => e.checkVisibility()).map(e => e.innerText)`, &summaries))
		require.Len(t, summaries, len(want), c.Key)
		seenNotUsed := false
		for i, w := range want {
			require.True(t, strings.HasPrefix(summaries[i], w.platform.Name), "%s: row %d is %q, not %s", c.Key, i, summaries[i], w.platform.Name)
			require.Contains(t, strings.ToLower(summaries[i]), strings.ToLower(w.value), "%s/%s", c.Key, w.platform.Slug)
			if !w.platform.Offered() {
				seenNotUsed = true
			}
			require.False(t, seenNotUsed && w.platform.Offered(), "%s: %s, which the practice uses, follows one it does not use", c.Key, w.platform.Name)
		}
		var link string
		require.NoError(t, b.Eval(`document.querySelector("#criterion-`+c.Key+` h2 a").getAttribute("href")`, &link))
		require.Equal(t, c.Explained, link, "%s links the part of the policy that explains it", c.Key)
	}

	// Closed, the explanations take no room: the page reads as values.
	var text string
	require.NoError(t, b.Eval(`document.body.innerText`, &text))
	for _, c := range s.Criteria {
		for _, w := range wantFacts(s, c) {
			require.NotContains(t, text, w.explain, "%s/%s is open from the start", c.Key, w.platform.Slug)
		}
	}

	// The first disclosure is reached with Tab alone; each opens with Enter.
	first := "#criterion-" + s.Criteria[0].Key + " summary"
	tabTo(t, b, first)
	for _, c := range s.Criteria {
		for i, w := range wantFacts(s, c) {
			where := c.Key + "/" + w.platform.Slug
			details := `document.querySelectorAll("#criterion-` + c.Key + ` details")[` + strconv.Itoa(i) + `]`
			require.NoError(t, b.Eval(details+`.querySelector("summary").focus()`, nil), where)
			pressKey(t, b, kb.Enter)
			var got struct {
				Open    bool     `json:"open"`
				Visible bool     `json:"visible"`
				Text    string   `json:"text"`
				Hrefs   []string `json:"hrefs"`
			}
			require.NoError(t, b.Eval(`(() => { const d = `+details+`, body = d.querySelector(".compare-explain");
				return {open: d.open, visible: body.checkVisibility(), text: body.innerText,
					hrefs: [...body.querySelectorAll("a")].map(a => a.getAttribute("href"))}; })()`, &got), where)
			require.True(t, got.Open, "%s: Enter on the summary opens it", where)
			require.True(t, got.Visible, "%s: the explanation shows once open", where)
			require.Contains(t, got.Text, w.explain, where)
			require.Contains(t, got.Text, w.source, where)
			require.Contains(t, got.Hrefs, w.href, where)
		}
	}

	// Everything open, in either scheme: still no sideways scroll at
	// 320 px, and nothing axe objects to.
	axe := axeSource(t)
	for _, scheme := range []string{"light", "dark"} {
		setScheme(t, b, scheme)
		for _, width := range []int64{320, phoneWidth} {
			require.NoError(t, chromedp.Run(b.Ctx, chromedp.EmulateViewport(width, phoneHeight)))
			var overflow int
			require.NoError(t, b.Eval(`document.documentElement.scrollWidth - document.documentElement.clientWidth`, &overflow))
			require.LessOrEqual(t, overflow, 0, "%s: /compare, every explanation open, scrolls sideways at %d px", scheme, width)
		}
		checkAxe(t, b, axe, scheme+" /compare with every explanation open")
	}
	requireSameOrigin(t, origin, b.Requests())
	require.Empty(t, b.Problems())
}

// TestCompareWideTable checks the comparison on a wide screen: the table,
// one row per criterion and one column per platform, every explanation on
// show; and that every platform page links to it.
func TestCompareWideTable(t *testing.T) {
	s := built.root.Site
	b, origin := openCompare(t, 1400, 900)

	var layout struct {
		List      string   `json:"list"`
		Rows      int      `json:"rows"`
		Cells     []int    `json:"cells"`
		Columns   []string `json:"columns"`
		Overflows bool     `json:"overflows"`
	}
	require.NoError(t, b.Eval(`({
		list: getComputedStyle(document.querySelector(".compare-list")).display,
		rows: document.querySelectorAll(".compare-table tbody tr:has(th[scope=row] a)").length,
		cells: [...document.querySelectorAll(".compare-table tbody tr")].map(r => r.querySelectorAll("td").length),
		columns: [...document.querySelectorAll(".compare-table thead th a")].map(a => a.innerText),
		overflows: document.documentElement.scrollWidth > document.documentElement.clientWidth,
	})`, &layout))
	require.Equal(t, "none", layout.List, "a wide screen gets the table, not the list")
	require.Equal(t, len(s.Criteria), layout.Rows, "one row per criterion")
	var names []string
	for _, p := range s.Platforms {
		names = append(names, p.Name)
	}
	require.Equal(t, names, layout.Columns)
	for i, n := range layout.Cells {
		require.Equal(t, len(s.Platforms), n, "row %d", i)
	}
	require.False(t, layout.Overflows, "the table scrolls sideways at 1400 px")
	table, err := b.Text(".compare-table")
	require.NoError(t, err)
	for _, c := range s.Criteria {
		for _, w := range wantFacts(s, c) {
			require.Contains(t, table, w.explain, "%s/%s", c.Key, w.platform.Slug)
		}
	}

	for _, p := range s.Platforms {
		require.NoError(t, b.Navigate(origin+site.PlatformPath(p.Slug)))
		var links int
		require.NoError(t, b.Eval(`document.querySelectorAll('a[href="/compare"]').length`, &links))
		require.Positive(t, links, p.Slug)
	}
	requireSameOrigin(t, origin, b.Requests())
	require.Empty(t, b.Problems())
}

// TestComparePrint checks that paper gets everything, whichever screen it
// is printed from: every platform's value, explanation and source, none of
// them folded away.
func TestComparePrint(t *testing.T) {
	s := built.root.Site
	tests := []struct {
		name  string
		width int64
	}{
		{name: "from a phone", width: phoneWidth},
		{name: "from a wide screen", width: 1400},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b, _ := openCompare(t, tt.width, phoneHeight)
			require.NoError(t, chromedp.Run(b.Ctx, emulation.SetEmulatedMedia().WithMedia("print")))
			var text string
			require.NoError(t, b.Eval(`document.body.innerText`, &text))
			lower := strings.ToLower(text)
			for _, c := range s.Criteria {
				for _, w := range wantFacts(s, c) {
					where := c.Key + "/" + w.platform.Slug
					require.Contains(t, lower, strings.ToLower(w.value), where)
					require.Contains(t, text, w.explain, where)
					require.Contains(t, text, w.source, where)
				}
			}
			for _, p := range s.Platforms {
				require.Contains(t, text, s.Labels.Platform.Stances[p.Stance], p.Slug)
			}
		})
	}
}
