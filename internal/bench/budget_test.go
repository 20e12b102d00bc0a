//go:build !wasm

package bench

import (
	"testing"

	"github.com/stretchr/testify/require"
)

// passing is a result that holds every budget.
func passing() Results {
	page := func(fcp, lcp float64) PageResult {
		return PageResult{FCP: fcp, LCP: lcp, CLS: 0.001, TBT: 0, LongestTask: 0, EarlyTapDelay: 8, PageBytes: 30000, N: 5,
			HTMLEnd: NA, BlockingEnd: NA, PreFCP: NA, PreFCPJS: NA}
	}
	return Results{
		Runs:     5,
		Routes:   []string{"/", "/q"},
		AppRoute: "/q",
		Site:     map[string]PageResult{"/": page(600, 650), "/q": page(700, 700)},
		Static:   map[string]PageResult{"/": page(580, 600), "/q": page(650, 640)},
		SiteApp: AppResult{
			PageResult:  page(700, 700),
			Interactive: 11000, Ready: 11300,
			FirstAll: 2e6, FirstWasm: 1.5e6,
			RepeatInteractive: 400, RepeatReady: 450,
			RepeatPageBytes: Traffic{},
			RepeatSiteBytes: Traffic{KindJS: 3000},
		},
		Hello: AppResult{
			PageResult:  page(400, 400),
			Interactive: 10000, Ready: 10000,
			RepeatInteractive: 300, RepeatReady: 300,
			RepeatPageBytes: Traffic{}, RepeatSiteBytes: Traffic{},
		},
		InputDelay:    20,
		InputDuration: 40,
		SiteWasm:      Sizes{Raw: 7e6, Gzip: 2e6, Brotli: 1500000},
		HelloWasm:     Sizes{Raw: 6.9e6, Gzip: 1.9e6, Brotli: 1400000},
	}
}

func failedNames(checks []Check) []string {
	var out []string
	for _, c := range Missed(checks) {
		out = append(out, c.Name)
	}
	return out
}

func TestCheckBudgets(t *testing.T) {
	tests := []struct {
		name string
		give func(*Results)
		want []string
	}{
		{name: "all held", give: func(*Results) {}, want: nil},
		{
			name: "FCP over 1.1× the static limit",
			give: func(r *Results) { p := r.Site["/"]; p.FCP = 639; r.Site["/"] = p },
			want: []string{"FCP /"},
		},
		{
			name: "exactly 1.1× holds",
			give: func(r *Results) { p := r.Site["/"]; p.FCP = 1.1 * 580; r.Site["/"] = p },
			want: nil,
		},
		{
			name: "LCP over on one route",
			give: func(r *Results) { p := r.Site["/q"]; p.LCP = 705; r.Site["/q"] = p },
			want: []string{"LCP /q"},
		},
		{
			name: "CLS",
			give: func(r *Results) { p := r.Site["/q"]; p.CLS = 0.02; r.Site["/q"] = p },
			want: []string{"CLS /q"},
		},
		{
			name: "wasm Brotli over 1.1× hello's",
			give: func(r *Results) { r.SiteWasm.Brotli = 1600000 },
			want: []string{"app.wasm size, Brotli"},
		},
		{
			name: "without brotli, gzip is compared",
			give: func(r *Results) { r.SiteWasm.Brotli, r.HelloWasm.Brotli, r.SiteWasm.Gzip = -1, -1, 2.2e6 },
			want: []string{"app.wasm size, gzip -9 (Brotli n/a)"},
		},
		{
			name: "time to interactive over 1.15× hello's",
			give: func(r *Results) { r.SiteApp.Interactive = 11600 },
			want: []string{"Time to interactive /q (#app-wasm-loader removed)"},
		},
		{
			name: "usable over 1.14× hello's",
			give: func(r *Results) { r.SiteApp.Ready = 11401 },
			want: []string{"Usable /q (Continue enabled)"},
		},
		{
			name: "usable at exactly 1.14× holds",
			give: func(r *Results) { r.SiteApp.Ready = UsableRatioBudget * r.Hello.Ready },
			want: nil,
		},
		{
			name: "input delay",
			give: func(r *Results) { r.InputDelay = 101 },
			want: []string{"Input delay, click on /q"},
		},
		{
			name: "a reading page blocks its main thread",
			give: func(r *Results) { p := r.Site["/"]; p.TBT, p.LongestTask = 201, 251; r.Site["/"] = p },
			want: []string{"Total blocking time /", "Longest task /"},
		},
		{
			name: "exactly the reading budgets hold",
			give: func(r *Results) {
				p := r.Site["/"]
				p.TBT, p.LongestTask, p.EarlyTapDelay = 200, 200, 100
				r.Site["/"] = p
			},
			want: nil,
		},
		{
			name: "an early tap waits",
			give: func(r *Results) { p := r.Site["/"]; p.EarlyTapDelay = 101; r.Site["/"] = p },
			want: []string{"Input delay, early tap on /"},
		},
		{
			name: "the app's page may block while it starts",
			give: func(r *Results) {
				p := r.Site["/q"]
				p.TBT, p.LongestTask, p.EarlyTapDelay = 2000, 900, 500
				r.Site["/q"] = p
			},
			want: nil,
		},
		{
			name: "repeat visit fetched the wasm again",
			give: func(r *Results) { r.SiteApp.RepeatSiteBytes[KindWasm] = 7e6 },
			want: []string{"Repeat visit /q: no HTML, wasm or CSS over the network"},
		},
		{
			name: "repeat visit: the page fetched HTML",
			give: func(r *Results) { r.SiteApp.RepeatPageBytes[KindHTML] = 200 },
			want: []string{"Repeat visit /q: no HTML, wasm or CSS over the network"},
		},
		{
			name: "repeat visit too slow",
			give: func(r *Results) { r.SiteApp.RepeatInteractive = 1001 },
			want: []string{"Repeat visit /q: interactive, unthrottled"},
		},
		{
			name: "nothing measured misses every measured budget",
			give: func(r *Results) {
				p := r.Site["/"]
				p.FCP, p.LCP, p.CLS, p.TBT, p.LongestTask, p.EarlyTapDelay = NA, NA, NA, NA, NA, NA
				r.Site["/"] = p
				r.SiteApp.Interactive, r.SiteApp.Ready = NA, NA
				r.InputDelay = NA
				r.SiteApp.RepeatSiteBytes, r.SiteApp.RepeatPageBytes = nil, nil
				r.SiteApp.RepeatInteractive = NA
			},
			want: []string{
				"FCP /", "LCP /", "Total blocking time /", "Longest task /", "Input delay, early tap on /", "CLS /",
				"Time to interactive /q (#app-wasm-loader removed)",
				"Usable /q (Continue enabled)",
				"Input delay, click on /q",
				"Repeat visit /q: no HTML, wasm or CSS over the network",
				"Repeat visit /q: interactive, unthrottled",
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := passing()
			tt.give(&r)
			checks := CheckBudgets(r)
			// FCP, LCP and CLS on every route, three reading budgets on
			// every route but the app's, and five about the app.
			require.Len(t, checks, 3*len(r.Routes)+3*(len(r.Routes)-1)+6)
			require.Equal(t, tt.want, failedNames(checks))
		})
	}
}

func TestCheckDetail(t *testing.T) {
	r := passing()
	p := r.Site["/"]
	p.FCP = 700
	r.Site["/"] = p
	got := Missed(CheckBudgets(r))
	require.Equal(t, []Check{{
		Name:   "FCP /",
		OK:     false,
		Detail: "700 ms ≤ 638 ms (1.1 × static limit 580 ms): 1.21×",
	}}, got)
}

func TestHeavy(t *testing.T) {
	tests := []struct {
		give Traffic
		want float64
	}{
		{give: nil, want: 0},
		{give: Traffic{KindJS: 10, KindJSON: 5, KindImage: 1}, want: 0},
		{give: Traffic{KindHTML: 1, KindWasm: 2, KindCSS: 3, KindJS: 100}, want: 6},
	}
	for _, tt := range tests {
		require.Equal(t, tt.want, Heavy(tt.give))
	}
}

func TestLighthouseBudgets(t *testing.T) {
	good := LighthouseScores{Performance: 99, Accessibility: 100, BestPractices: 100, SEO: 100, TBT: 0, LCP: 1100}
	tests := []struct {
		name string
		give map[string]LighthouseScores
		want []string
	}{
		{name: "held", give: map[string]LighthouseScores{"/": good, "/q": {Performance: 90, Accessibility: 100, BestPractices: 100, SEO: 100}}},
		{
			name: "a reading page under 95, the app's under 90",
			give: map[string]LighthouseScores{"/": {Performance: 94, Accessibility: 100, BestPractices: 100, SEO: 100}, "/q": {Performance: 89, Accessibility: 100, BestPractices: 100, SEO: 100}},
			want: []string{"Lighthouse performance /", "Lighthouse performance /q"},
		},
		{
			name: "accessibility below 100",
			give: map[string]LighthouseScores{"/": {Performance: 99, Accessibility: 98, BestPractices: 100, SEO: 100}, "/q": good},
			want: []string{"Lighthouse accessibility, best practices, SEO /"},
		},
		{
			name: "a failed run misses",
			give: map[string]LighthouseScores{"/": {Performance: NA, Accessibility: NA, BestPractices: NA, SEO: NA}, "/q": good},
			want: []string{"Lighthouse performance /", "Lighthouse accessibility, best practices, SEO /"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := passing()
			r.Lighthouse = tt.give
			checks := CheckBudgets(r)
			require.Len(t, checks, 3*len(r.Routes)+3*(len(r.Routes)-1)+6+2*len(r.Routes))
			require.Equal(t, tt.want, failedNames(checks))
		})
	}
}

func TestParseLighthouse(t *testing.T) {
	report := []byte(`{"categories": {"performance": {"score": 0.97}, "accessibility": {"score": 1},
		"best-practices": {"score": 1}, "seo": {"score": 0.92}},
		"audits": {"total-blocking-time": {"numericValue": 12.5}, "largest-contentful-paint": {"numericValue": 1050}}}`)
	got, err := parseLighthouse(report)
	require.NoError(t, err)
	require.Equal(t, LighthouseScores{Performance: 97, Accessibility: 100, BestPractices: 100, SEO: 92, TBT: 12.5, LCP: 1050}, got)

	_, err = parseLighthouse([]byte(`{"runtimeError": {"message": "NO_FCP"}, "categories": {}}`))
	require.ErrorContains(t, err, "NO_FCP")
}
