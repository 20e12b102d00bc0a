//go:build !wasm

package bench

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"os"
	"os/exec"
	"strings"

	"callprivacy/internal/chromium"
)

// LighthouseVersion is the Lighthouse the bench runs, from the npm
// registry (12 runs on Node 20; 13 needs Node 22).
const LighthouseVersion = "12"

// LighthouseScores are one Lighthouse run's category scores (0–100) and
// the two timings the issue budgets are about, in milliseconds.
type LighthouseScores struct {
	Performance, Accessibility, BestPractices, SEO float64
	TBT, LCP                                       float64
}

// RunLighthouse runs Lighthouse's default mobile profile (simulated
// throttling) on url in the Chromium at chromiumPath, started with the
// bench's flags and a fresh profile.
func RunLighthouse(bin, chromiumPath, url string) (LighthouseScores, error) {
	cmd := exec.Command(bin, url, "--quiet", "--output=json", "--output-path=stdout",
		"--only-categories=performance,accessibility,best-practices,seo",
		"--chrome-flags="+strings.Join(chromium.Flags, " "))
	cmd.Env = append(os.Environ(), "CHROME_PATH="+chromiumPath)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return LighthouseScores{}, fmt.Errorf("lighthouse %s: %v\n%s", url, err, stderr.String())
	}
	return parseLighthouse(out)
}

// parseLighthouse reads the scores from a Lighthouse JSON report.
func parseLighthouse(report []byte) (LighthouseScores, error) {
	var r struct {
		Categories map[string]struct {
			Score *float64 `json:"score"`
		} `json:"categories"`
		Audits map[string]struct {
			NumericValue *float64 `json:"numericValue"`
		} `json:"audits"`
		RuntimeError *struct {
			Message string `json:"message"`
		} `json:"runtimeError"`
	}
	if err := json.Unmarshal(report, &r); err != nil {
		return LighthouseScores{}, fmt.Errorf("reading Lighthouse's report: %w", err)
	}
	if r.RuntimeError != nil {
		return LighthouseScores{}, fmt.Errorf("lighthouse: %s", r.RuntimeError.Message)
	}
	score := func(name string) float64 {
		if c, ok := r.Categories[name]; ok && c.Score != nil {
			return math.Round(*c.Score * 100)
		}
		return NA
	}
	audit := func(name string) float64 {
		if a, ok := r.Audits[name]; ok && a.NumericValue != nil {
			return *a.NumericValue
		}
		return NA
	}
	return LighthouseScores{
		Performance:   score("performance"),
		Accessibility: score("accessibility"),
		BestPractices: score("best-practices"),
		SEO:           score("seo"),
		TBT:           audit("total-blocking-time"),
		LCP:           audit("largest-contentful-paint"),
	}, nil
}

// MedianScores are the medians of runs, score by score.
func MedianScores(runs []LighthouseScores) LighthouseScores {
	pick := func(f func(LighthouseScores) float64) float64 {
		vs := make([]float64, 0, len(runs))
		for _, r := range runs {
			vs = append(vs, f(r))
		}
		return Median(vs)
	}
	return LighthouseScores{
		Performance:   pick(func(s LighthouseScores) float64 { return s.Performance }),
		Accessibility: pick(func(s LighthouseScores) float64 { return s.Accessibility }),
		BestPractices: pick(func(s LighthouseScores) float64 { return s.BestPractices }),
		SEO:           pick(func(s LighthouseScores) float64 { return s.SEO }),
		TBT:           pick(func(s LighthouseScores) float64 { return s.TBT }),
		LCP:           pick(func(s LighthouseScores) float64 { return s.LCP }),
	}
}
