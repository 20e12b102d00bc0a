package staticsite

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"callprivacy/internal/hosting"
)

// TestRunAppWhenWanted: go-app's app.js hands the running of app.wasm to
// web/site.js, and a go-app whose app.js runs it another way fails the
// build instead of starting the app unasked.
func TestRunAppWhenWanted(t *testing.T) {
	const goApp = "    const wasm = await instantiateStreaming(x);\n\n    go.run(wasm.instance);\n    loader.remove();\n  } catch (err) {\n" +
		"}\n\nfunction goappCanLoadWebAssembly() {\n  return true;\n}\n" +
		"async function fetchWithProgress(url, progess) {\n  const response = await fetch(url);\n}\n"
	tests := []struct {
		name    string
		give    string
		want    string
		wantErr string
	}{
		{name: "go-app v10.1.11", give: goApp, want: "window.callprivacyWhenWanted(() => {\n      go.run(wasm.instance);"},
		{name: "the download takes the early response", give: goApp, want: "const response = await callprivacyFetchWasm(url);"},
		{name: "another way of downloading", give: strings.Replace(goApp, "await fetch(url)", "await fetch(url, opts)", 1), wantErr: "update runAppWhenWanted"},
		{name: "changed", give: strings.Replace(goApp, "loader.remove();", "loader.hidden = true;", 1), wantErr: "update runAppWhenWanted"},
		{name: "twice", give: goApp + goApp, wantErr: "update runAppWhenWanted"},
		{name: "no way to tell whether the app will run", give: strings.Replace(goApp, "goappCanLoadWebAssembly", "goappMayLoad", 1), wantErr: "update runAppWhenWanted"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			file := filepath.Join(t.TempDir(), "app.js")
			require.NoError(t, os.WriteFile(file, []byte(tt.give), 0o644))
			err := runAppWhenWanted(file)
			if tt.wantErr != "" {
				require.ErrorContains(t, err, tt.wantErr)
				return
			}
			require.NoError(t, err)
			b, err := os.ReadFile(file)
			require.NoError(t, err)
			require.Contains(t, string(b), tt.want)
			require.True(t, strings.HasSuffix(string(b), string(appStart)), "app-start.js is not appended")
			require.Equal(t, 1, strings.Count(string(b), "go.run(wasm.instance);"))
			require.NotContains(t, string(b), "await fetch(url);", "go-app would download app.wasm a second time")
		})
	}
}

// TestFetchAppEarly: the questionnaire's head starts with the early
// script, in place of go-app's two, asking for the address go-app's app.js
// asks for; the reading pages keep what they have; and a go-app that names
// app.wasm, or decides whether to run, another way fails the build.
func TestFetchAppEarly(t *testing.T) {
	const goApp = `    const wasm = await instantiateStreaming(
      fetchWithProgress("/privacy/web/app.wasm", showProgress),
      go.importObject
    );
function goappCanLoadWebAssembly() {
  if (
    /bot|googlebot|crawler|spider|robot|crawling/i.test(navigator.userAgent)
  ) {
    return false;
  }

  const urlParams = new URLSearchParams(window.location.search);
  return urlParams.get("wasm") !== "false";
}
`
	page := "<!doctype html>\n<html>\n  <head>\n    <meta charset=\"UTF-8\">" + hosting.MetaTags + "\n" +
		"    <link href=\"/privacy/web/site.css\" rel=\"stylesheet\">\n" +
		"    <script defer src=\"/privacy/wasm_exec.js\"></script>\n" +
		"    <script defer src=\"/privacy/app.js\"></script>\n" +
		"    <script defer src=\"/privacy/web/site.js\"></script>\n  </head>\n</html>\n"
	want := "<!doctype html>\n<html>\n  <head>\n    <meta charset=\"UTF-8\">" + hosting.MetaTags +
		`<script data-scripts="/privacy/wasm_exec.js /privacy/app.js" data-wasm="/privacy/web/app.wasm">` + hosting.EarlyScript + "</script>\n" +
		"    <link href=\"/privacy/web/site.css\" rel=\"stylesheet\">\n" +
		"    <script defer src=\"/privacy/web/site.js\"></script>\n  </head>\n</html>\n"
	tests := []struct {
		name    string
		give    string
		page    string // the questionnaire's, if not page
		wantErr string
	}{
		{name: "go-app v10.1.11", give: goApp},
		{name: "app.wasm named another way", give: strings.Replace(goApp, `fetchWithProgress("/privacy/web/app.wasm", showProgress)`, `fetchWithProgress(wasmURL, showProgress)`, 1), wantErr: "update fetchAppEarly"},
		{name: "another test for crawlers", give: strings.Replace(goApp, "robot|", "", 1), wantErr: "update hosting.EarlyScript"},
		{name: "another switch", give: strings.Replace(goApp, `urlParams.get("wasm")`, `urlParams.get("app")`, 1), wantErr: "update hosting.EarlyScript"},
		{name: "go-app's scripts changed", give: goApp, page: strings.Replace(page, "    <script defer src=\"/privacy/wasm_exec.js\"></script>\n", "", 1), wantErr: "update it in internal/staticsite"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			require.NoError(t, os.WriteFile(filepath.Join(dir, "app.js"), []byte(tt.give), 0o644))
			q := page
			if tt.page != "" {
				q = tt.page
			}
			require.NoError(t, os.WriteFile(filepath.Join(dir, "questionnaire.html"), []byte(q), 0o644))
			require.NoError(t, os.WriteFile(filepath.Join(dir, "index.html"), []byte(page), 0o644))
			err := fetchAppEarly(dir)
			if tt.wantErr != "" {
				require.ErrorContains(t, err, tt.wantErr)
				return
			}
			require.NoError(t, err)
			got, err := os.ReadFile(filepath.Join(dir, "questionnaire.html"))
			require.NoError(t, err)
			require.Equal(t, want, string(got))
			index, err := os.ReadFile(filepath.Join(dir, "index.html"))
			require.NoError(t, err)
			require.Equal(t, page, string(index), "a reading page runs no app")
		})
	}
}
