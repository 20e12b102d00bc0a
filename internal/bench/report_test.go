//go:build !wasm

package bench

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

func TestFormat(t *testing.T) {
	tests := []struct {
		name string
		give func() string
		want string
	}{
		{name: "ms", give: func() string { return FormatMS(38747.4) }, want: "38,747 ms"},
		{name: "ms rounds", give: func() string { return FormatMS(5.5) }, want: "6 ms"},
		{name: "ms missing", give: func() string { return FormatMS(NA) }, want: "–"},
		{name: "cls", give: func() string { return FormatCLS(0.00052) }, want: "0.001"},
		{name: "cls missing", give: func() string { return FormatCLS(NA) }, want: "–"},
		{name: "small bytes", give: func() string { return FormatBytes(9999) }, want: "9,999 B"},
		{name: "kilobytes", give: func() string { return FormatBytes(61608) }, want: "61,608 B (61.6 kB)"},
		{name: "megabytes", give: func() string { return FormatBytes(7853895) }, want: "7,853,895 B (7.85 MB)"},
		{name: "zero bytes", give: func() string { return FormatBytes(0) }, want: "0 B"},
		{name: "bytes missing", give: func() string { return FormatBytes(NA) }, want: "–"},
		{name: "ratio", give: func() string { return FormatRatio(1.1449) }, want: "1.14×"},
		{name: "ratio missing", give: func() string { return FormatRatio(NA) }, want: "–"},
		{name: "thousands", give: func() string { return thousands(-1234567) }, want: "-1,234,567"},
		{name: "hundreds", give: func() string { return thousands(999) }, want: "999"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			require.Equal(t, tt.want, tt.give())
		})
	}
}

func TestTable(t *testing.T) {
	r := passing()
	table := Table(r)
	lines := strings.Split(strings.TrimSuffix(table, "\n"), "\n")
	require.Equal(t, "| Measure (median of 5 runs) | Site | Static limit | go-app floor | Ratio |", lines[0])
	require.Equal(t, "| --- | ---: | ---: | ---: | ---: |", lines[1])

	tests := []struct {
		give string // the row's first cell
		want string
	}{
		{give: "FCP `/`", want: "| FCP `/` | 600 ms | 580 ms | 400 ms | 1.03× static |"},
		{give: "LCP `/q`", want: "| LCP `/q` | 700 ms | 640 ms | – | 1.09× static |"},
		{give: "CLS `/q`", want: "| CLS `/q` | 0.001 | 0.001 | – |  |"},
		{give: "Interactive `/q`", want: "| Interactive `/q` (`#app-wasm-loader` removed; floor: `/`) | 11,000 ms | – | 10,000 ms | 1.10× floor |"},
		{give: "Input delay, click", want: "| Input delay, click on the first option (largest of the click's events) | 20 ms | – | – |  |"},
		{give: "Input delay, tap on a menu link 1.5s after FCP `/`", want: "| Input delay, tap on a menu link 1.5s after FCP `/` | 8 ms | 8 ms | – |  |"},
		{give: "Total blocking time `/q`", want: "| Total blocking time `/q` | 0 ms | 0 ms | – |  |"},
		{give: "Longest task `/`", want: "| Longest task `/` | 0 ms | 0 ms | 0 ms |  |"},
		{give: "Repeat visit `/q`: bytes", want: "| Repeat visit `/q`: bytes over the network, most in any run | 3,000 B (HTML/wasm/CSS 0 B) | – | 0 B (HTML/wasm/CSS 0 B) |  |"},
		{give: "app.wasm brotli", want: "| app.wasm brotli -q 11 | 1,500,000 B (1.50 MB) | – | 1,400,000 B (1.40 MB) | 1.07× floor |"},
	}
	for _, tt := range tests {
		t.Run(tt.give, func(t *testing.T) {
			var found []string
			for _, l := range lines {
				if strings.HasPrefix(l, "| "+tt.give) {
					found = append(found, l)
				}
			}
			require.Equal(t, []string{tt.want}, found)
		})
	}
	for _, l := range lines {
		require.Equal(t, 6, strings.Count(l, "|"), "row %q must have five cells", l)
	}
}

func TestTimeline(t *testing.T) {
	r := passing()
	p := r.Site["/"]
	p.HTMLEnd, p.BlockingEnd, p.PreFCP, p.PreFCPJS = 300, 550.4, 40000, 30000
	r.Site["/"] = p
	r.SiteApp.WasmStart, r.SiteApp.WasmEnd = 900, 10000
	got := Timeline(r)
	tests := []struct {
		name string
		want string
	}{
		{name: "header", want: "| Page (medians) | HTML received | Render-blocking CSS/JS received | FCP | Transferred by requests made before FCP | … of which JavaScript |\n"},
		{name: "site row", want: "| Site `/` | 300 ms | 550 ms | 600 ms | 40,000 B (40.0 kB) | 30,000 B (30.0 kB) |\n"},
		{name: "missing values", want: "| Static limit `/q` | – | – | 650 ms | – | – |\n"},
		{name: "app row", want: "| Site `/q` | 900 ms | 10,000 ms | 11,000 ms | 11,300 ms |\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			require.Contains(t, got, tt.want)
		})
	}
}

func TestTableWithoutBrotli(t *testing.T) {
	r := passing()
	r.SiteWasm.Brotli, r.HelloWasm.Brotli = -1, -1
	require.Contains(t, Table(r), "| app.wasm brotli -q 11 | n/a | – | n/a | – floor |")
}

func TestMarkdown(t *testing.T) {
	h := Header{
		Date: "2026-11-25 18:00 UTC", GoVersion: "go version go1.26.8 linux/amd64", Chromium: "Chromium 156",
		CPU: "AMD EPYC", Cores: 2, Throttle: "slow", Flags: []string{"--headless", "--disable-quic"},
	}
	r := passing()
	r.SiteApp.Interactive = 20000
	got := Markdown(h, r, CheckBudgets(r), []string{"a note"})

	tests := []struct {
		name string
		want string
	}{
		{name: "title", want: "# Load performance, Lighthouse mobile profile\n\n"},
		{name: "machine", want: "- Go: go version go1.26.8 linux/amd64\n- Chromium: Chromium 156\n- CPU: AMD EPYC, 2 cores\n- Throttling: slow\n"},
		{name: "flags", want: "- Chromium flags: `--headless --disable-quic`, a fresh `--user-data-dir` per run\n"},
		{name: "table", want: "## Results\n\n| Measure (median of 5 runs) |"},
		{name: "summary", want: "## Budgets\n\n1 of 15 budgets missed.\n\n"},
		{name: "a pass", want: "- **PASS** CLS /: 0.001 ≤ 0.010\n"},
		{name: "the miss", want: "- **FAIL** Time to interactive /q (#app-wasm-loader removed): 20,000 ms ≤ 11,500 ms (1.15 × go-app floor 10,000 ms): 2.00×\n"},
		{name: "notes", want: "## Notes\n\n- a note\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			require.Contains(t, got, tt.want)
		})
	}
	require.Contains(t, Budgets(CheckBudgets(passing())), "All 15 budgets held.")
}

func TestSummarize(t *testing.T) {
	page := func(fcp float64) Sample {
		return Sample{FCP: fcp, LCP: fcp + 10, CLS: 0, Interactive: NA, Ready: NA, InputDelay: NA, InputDuration: NA,
			PageBytes: Traffic{KindHTML: 1000, KindCSS: 500},
			HTMLEnd:   fcp - 300, BlockingEnd: fcp - 100, PreFCP: Traffic{KindCSS: 2000, KindJS: 500},
			WasmStart: NA, WasmEnd: NA}
	}
	app := func(tti, delay float64, repeat Traffic) Sample {
		s := page(700)
		s.Interactive, s.Ready, s.InputDelay, s.InputDuration = tti, tti+500, delay, 2*delay
		s.WasmStart, s.WasmEnd = 900, tti-1000
		s.SiteBytes = Traffic{KindWasm: 2e6, KindHTML: 1e5}
		s.WasmSent = 1
		s.Repeat = &RepeatSample{Interactive: tti / 100, Ready: tti / 50, PageBytes: Traffic{}, SiteBytes: repeat,
			Served: []Served{{Path: "/app-worker.js", Kind: KindJS, Bytes: int64(repeat[KindJS])}}}
		return s
	}
	failed := Sample{FCP: NA, LCP: NA, CLS: NA, Interactive: NA, Ready: NA, InputDelay: NA, InputDuration: NA,
		HTMLEnd: NA, BlockingEnd: NA, WasmStart: NA, WasmEnd: NA}
	s := Samples{
		Site: map[string][]Sample{
			"/":  {page(600), page(500), failed},
			"/q": {app(30000, 5, Traffic{}), app(31000, 9, Traffic{KindJS: 300}), app(40000, 7, Traffic{})},
		},
		Static: map[string][]Sample{"/": {page(400), page(420)}, "/q": {page(410)}},
		Hello:  []Sample{app(29000, NA, Traffic{}), app(28000, NA, Traffic{})},
	}
	s.Site["/q"][1].WasmSent = 2
	r := Summarize(3, []string{"/", "/q"}, "/q", s, Sizes{Raw: 1}, Sizes{Raw: 2})

	require.Equal(t, PageResult{FCP: 550, LCP: 560, CLS: 0, PageBytes: 1500,
		HTMLEnd: 250, BlockingEnd: 450, PreFCP: 2500, PreFCPJS: 500, N: 2}, r.Site["/"])
	require.Equal(t, 900.0, r.SiteApp.WasmStart)
	require.Equal(t, 30000.0, r.SiteApp.WasmEnd)
	require.Equal(t, 410.0, r.Static["/"].FCP)
	require.Equal(t, 31000.0, r.SiteApp.Interactive)
	require.Equal(t, 31500.0, r.SiteApp.Ready)
	require.Equal(t, 7.0, r.InputDelay)
	require.Equal(t, 14.0, r.InputDuration)
	require.Equal(t, 2.1e6, r.SiteApp.FirstAll)
	require.Equal(t, 2e6, r.SiteApp.FirstWasm)
	require.Equal(t, 2, r.SiteApp.WasmSent)
	require.Equal(t, 310.0, r.SiteApp.RepeatInteractive)
	require.Equal(t, Traffic{KindJS: 300}, r.SiteApp.RepeatSiteBytes)
	require.Equal(t, Traffic{}, r.SiteApp.RepeatPageBytes)
	require.Equal(t, []string{"/app-worker.js (js)"}, r.SiteApp.RepeatFetched)
	require.Equal(t, 28500.0, r.Hello.Interactive)
	require.Equal(t, Sizes{Raw: 2}, r.HelloWasm)
}

func TestKindOf(t *testing.T) {
	tests := []struct {
		give [2]string
		want Kind
	}{
		{give: [2]string{"/questionnaire", "text/html; charset=utf-8"}, want: KindHTML},
		{give: [2]string{"/questionnaire", ""}, want: KindHTML},
		{give: [2]string{"/", ""}, want: KindHTML},
		{give: [2]string{"/web/app.wasm", "application/wasm"}, want: KindWasm},
		{give: [2]string{"/web/app.wasm.br", ""}, want: KindWasm},
		{give: [2]string{"/app.js", "text/javascript; charset=utf-8"}, want: KindJS},
		{give: [2]string{"/web/site.css", ""}, want: KindCSS},
		{give: [2]string{"/manifest.webmanifest", "application/manifest+json"}, want: KindJSON},
		{give: [2]string{"/web/icon.svg", "image/svg+xml"}, want: KindImage},
		{give: [2]string{"/x.bin", ""}, want: KindOther},
	}
	for _, tt := range tests {
		t.Run(tt.give[0], func(t *testing.T) {
			require.Equal(t, tt.want, KindOf(tt.give[0], tt.give[1]))
		})
	}
}

func TestLighthouseTable(t *testing.T) {
	r := passing()
	r.Lighthouse = map[string]LighthouseScores{
		"/q": {Performance: 99, Accessibility: 100, BestPractices: 100, SEO: 100, TBT: 80, LCP: 1000},
	}
	tests := []struct {
		name  string
		floor *LighthouseScores
		want  []string
		not   []string
	}{
		{
			name: "the site's routes",
			want: []string{"| `/q` | 99 | 100 | 100 | 100 | 80 ms | 1,000 ms |\n"},
			not:  []string{"go-app floor"},
		},
		{
			name:  "with the floor for scale",
			floor: &LighthouseScores{Performance: 86, Accessibility: 100, BestPractices: 100, SEO: NA, TBT: 572, LCP: 900},
			want:  []string{"| go-app floor `/` | 86 | 100 | 100 | – | 572 ms | 900 ms |\n"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r.LighthouseFloor = tt.floor
			got := LighthouseTable(r)
			for _, w := range tt.want {
				require.Contains(t, got, w)
			}
			for _, n := range tt.not {
				require.NotContains(t, got, n)
			}
		})
	}
}
