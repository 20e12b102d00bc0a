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
// app-start.js, which waits for the page's first script to say so, and a
// go-app whose app.js runs it another way fails the build instead of
// starting the app unasked.
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

// TestStartWithFirstScript: every page's head starts with the first
// script, in place of the page's script elements, which it adds once the
// page has loaded, in order; on the questionnaire it asks for the address
// go-app's app.js asks for. A page whose scripts are not as expected, or a
// go-app that names app.wasm, or decides whether to run, another way,
// fails the build.
func TestStartWithFirstScript(t *testing.T) {
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
	head := "<!doctype html>\n<html>\n  <head>\n    <meta charset=\"UTF-8\">" + hosting.MetaTags + "\n" +
		"    <link href=\"/privacy/web/site.css\" rel=\"stylesheet\">\n"
	page := head +
		"    <script defer src=\"/privacy/wasm_exec.js\"></script>\n" +
		"    <script defer src=\"/privacy/app.js\"></script>\n" +
		"    <script defer src=\"/privacy/web/site.js\"></script>\n  </head>\n</html>\n"
	reading := head + "    <script defer src=\"/privacy/web/site.js\"></script>\n  </head>\n</html>\n"
	want := "<!doctype html>\n<html>\n  <head>\n    <meta charset=\"UTF-8\">" + hosting.MetaTags +
		`<script data-scripts="/privacy/web/site.js /privacy/wasm_exec.js /privacy/app.js" data-wasm="/privacy/web/app.wasm">` + hosting.FirstScript + "</script>\n" +
		"    <link href=\"/privacy/web/site.css\" rel=\"stylesheet\">\n  </head>\n</html>\n"
	wantReading := "<!doctype html>\n<html>\n  <head>\n    <meta charset=\"UTF-8\">" + hosting.MetaTags +
		`<script data-scripts="/privacy/web/site.js">` + hosting.FirstScript + "</script>\n" +
		"    <link href=\"/privacy/web/site.css\" rel=\"stylesheet\">\n  </head>\n</html>\n"
	tests := []struct {
		name    string
		give    string
		page    string // the questionnaire's, if not page
		reading string // the home page's, if not reading
		wantErr string
	}{
		{name: "go-app v10.1.11", give: goApp},
		{name: "app.wasm named another way", give: strings.Replace(goApp, `fetchWithProgress("/privacy/web/app.wasm", showProgress)`, `fetchWithProgress(wasmURL, showProgress)`, 1), wantErr: "update startWithFirstScript"},
		{name: "another test for crawlers", give: strings.Replace(goApp, "robot|", "", 1), wantErr: "update internal/hosting/first.js"},
		{name: "another switch", give: strings.Replace(goApp, `urlParams.get("wasm")`, `urlParams.get("app")`, 1), wantErr: "update internal/hosting/first.js"},
		{name: "go-app's scripts changed", give: goApp, page: strings.Replace(page, "    <script defer src=\"/privacy/wasm_exec.js\"></script>\n", "", 1), wantErr: "update it in internal/staticsite"},
		{name: "a reading page that would run the app", give: goApp, reading: page, wantErr: "update it in internal/staticsite"},
		{name: "a page without site.js", give: goApp, reading: head + "  </head>\n</html>\n", wantErr: "update it in internal/staticsite"},
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
			r := reading
			if tt.reading != "" {
				r = tt.reading
			}
			require.NoError(t, os.WriteFile(filepath.Join(dir, "index.html"), []byte(r), 0o644))
			err := startWithFirstScript(dir)
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
			require.Equal(t, wantReading, string(index), "a reading page runs no app")
		})
	}
}
