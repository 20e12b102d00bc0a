package staticsite

import (
	"bytes"
	"encoding/json"
	"fmt"
	"html"
	"os"
	"path/filepath"
	"regexp"
	"strings"

	"callprivacy/internal/hosting"
	"callprivacy/internal/htmlattr"
	"callprivacy/internal/site"
)

// go-app v10.1.11 writes every attribute of a prerendered page with Go
// quoting, so the values the app gives it are escaped first (see
// internal/htmlattr and app/attr.go). Two places take the same value as
// text as well as an attribute, and are repaired here after go-app has
// written them.

// unescapeTitles repairs the <title> of every page under dir. The
// document's title is also its og:title attribute, so it reaches go-app
// already escaped for an attribute, and go-app escapes it once more as
// text: "&#34;" would show as itself. Unescaping the text once leaves the
// attribute escaping, which a title reads back as the intended string.
func unescapeTitles(dir string) error {
	return filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".html") {
			return err
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		const open, end = "<title>", "</title>"
		i := bytes.Index(b, []byte(open))
		j := bytes.Index(b, []byte(end))
		if i < 0 || j < i {
			return fmt.Errorf("%s: no <title> where go-app writes it; update unescapeTitles in internal/staticsite", path)
		}
		text := html.UnescapeString(string(b[i+len(open) : j]))
		out := append(append(append([]byte{}, b[:i+len(open)]...), text...), b[j:]...)
		return os.WriteFile(path, out, 0o644)
	})
}

// quoteLoadingLabel repairs the loading label in app.js, where go-app
// pastes it between double quotes as it is: a `"` or a line break in the
// practice's words would end the string and break, or inject into, the
// script. It is written again as a JSON string, which is a valid
// JavaScript string with <, > and & escaped too.
func quoteLoadingLabel(file, label string) error {
	b, err := os.ReadFile(file)
	if err != nil {
		return err
	}
	pasted := []byte(`const goappLoadingLabel = "` + label + `";`)
	if !bytes.Contains(b, pasted) {
		return fmt.Errorf("%s: go-app no longer writes the loading label as expected; update quoteLoadingLabel in internal/staticsite", file)
	}
	quoted, err := json.Marshal(label)
	if err != nil {
		return err
	}
	b = bytes.Replace(b, pasted, []byte(`const goappLoadingLabel = `+string(quoted)+`;`), 1)
	return os.WriteFile(file, b, 0o644)
}

// charsetTag is how go-app starts every page's head.
const charsetTag = `<meta charset="UTF-8">`

// declarePolicy starts every page's head, right after its charset, with
// the security policy and referrer policy as tags (hosting.MetaTags), so
// that a host that sends no headers still serves pages that load nothing
// from elsewhere and tell no other site where the visitor came from. A
// meta policy covers only what comes after it: it goes first.
func declarePolicy(dir string) error {
	return filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".html") {
			return err
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		if !bytes.Contains(b, []byte(charsetTag)) {
			return fmt.Errorf("%s: no %s where go-app writes it; update declarePolicy in internal/staticsite", path, charsetTag)
		}
		b = bytes.Replace(b, []byte(charsetTag), []byte(charsetTag+hosting.MetaTags), 1)
		return os.WriteFile(path, b, 0o644)
	})
}

var (
	// appScript is go-app's script element for wasm_exec.js or app.js,
	// with its line; its address is the first group.
	appScript = regexp.MustCompile(`[ \t]*<script\b[^>]*\bsrc="([^"]*/(?:wasm_exec|app)\.js)"[^>]*></script>\n?`)
	// siteScript is the site's own script element (web/site.js), with its
	// line; its address is the first group.
	siteScript = regexp.MustCompile(`[ \t]*<script\b[^>]*\bsrc="([^"]*/web/` + regexp.QuoteMeta(ScriptFile) + `)"[^>]*></script>\n?`)
	// appLoader is go-app's loading indicator, which app.js removes once
	// the app runs.
	appLoader = regexp.MustCompile(`(?s)[ \t]*<aside\b[^>]*\bid="app-wasm-loader"[^>]*>.*?</aside>\n?`)
)

var (
	// appStyles is go-app's link to its app.css, with its line.
	appStyles = regexp.MustCompile(`[ \t]*<link\b[^>]*\bhref="[^"]*/app\.css"[^>]*>\n?`)
	// highlightLink is the link to the code stylesheet, with its line.
	highlightLink = regexp.MustCompile(`[ \t]*<link\b[^>]*\bhref="[^"]*/web/` + regexp.QuoteMeta(HighlightFile) + `"[^>]*>\n?`)
	// loaderLogo is the logo in go-app's loading indicator.
	loaderLogo = regexp.MustCompile(`<img\b[^>]*\bid="app-wasm-loader-icon"`)
)

// fetchOnlyWhatShows keeps every page from downloading what it does not
// show. On a slow line, each file a page asks for before its first paint
// shares the line with the stylesheet the paint waits for, and, on the
// questionnaire, with app.wasm, which its client waits for most:
//
//   - go-app's app.css: its rules style go-app's loading indicator, which
//     web/site.css restyles whole (as a status line, and only on the
//     questionnaire, which alone keeps it);
//   - the code stylesheet, on a page without highlighted code (chroma's
//     class="chroma");
//   - the indicator's logo, which site.css hides: loaded lazily, a hidden
//     image is never loaded.
//
// Both stylesheets stay in the offline copy.
func fetchOnlyWhatShows(dir string) error {
	return walkPages(dir, func(file, _ string, b []byte) ([]byte, error) {
		if len(appStyles.FindAllIndex(b, -1)) != 1 || len(highlightLink.FindAllIndex(b, -1)) != 1 || len(loaderLogo.FindAllIndex(b, -1)) > 1 {
			return nil, fmt.Errorf("%s: go-app no longer links its stylesheets, or writes its loader, as expected; update fetchOnlyWhatShows in internal/staticsite", file)
		}
		b = appStyles.ReplaceAll(b, nil)
		if !bytes.Contains(b, []byte(`class="chroma"`)) {
			b = highlightLink.ReplaceAll(b, nil)
		}
		return loaderLogo.ReplaceAll(b, []byte(`$0 loading="lazy"`)), nil
	})
}

// startWithFirstScript starts every page's head, right after its security
// policy, with hosting.FirstScript in place of the page's script
// elements: web/site.js on every page and, on the page that runs the app
// (site.NeedsApp), go-app's wasm_exec.js and app.js. The first script adds
// them, in the same order, once the page has loaded, so that none of them
// shares a slow line with the stylesheet or runs before the first paint;
// it keeps the quick exit working meanwhile, and on the questionnaire asks
// for app.wasm early (see internal/hosting/first.js). app.wasm's address
// is the one app.js asks for, read from it; a go-app whose app.js names
// it, or decides whether to run, another way fails the build instead of
// downloading the app twice or where it will not run.
func startWithFirstScript(dir string) error {
	appJS := filepath.Join(dir, "app.js")
	js, err := os.ReadFile(appJS)
	if err != nil {
		return err
	}
	wasm := goAppWasm.FindAllSubmatch(js, -1)
	if len(wasm) != 1 {
		return fmt.Errorf("%s: go-app no longer names app.wasm as expected (%d found); update startWithFirstScript in internal/staticsite", appJS, len(wasm))
	}
	for _, test := range goAppWillRun {
		if !bytes.Contains(js, []byte(test)) {
			return fmt.Errorf("%s: go-app no longer decides whether to run the app with %s; update internal/hosting/first.js and startWithFirstScript in internal/staticsite", appJS, test)
		}
	}
	return walkPages(dir, func(file, route string, b []byte) ([]byte, error) {
		own := siteScript.FindAllSubmatch(b, -1)
		goApp := appScript.FindAllSubmatch(b, -1)
		wantGoApp := 0
		if site.NeedsApp(route) {
			wantGoApp = 2
		}
		if len(own) != 1 || len(goApp) != wantGoApp || bytes.Count(b, []byte(hosting.MetaTags)) != 1 {
			return nil, fmt.Errorf("%s: the page's scripts (%d of web/%s, %d of go-app's) or its security policy are not where startWithFirstScript expects them; update it in internal/staticsite", file, len(own), ScriptFile, len(goApp))
		}
		srcs := []string{string(own[0][1])}
		for _, m := range goApp {
			srcs = append(srcs, string(m[1]))
		}
		first := `<script data-scripts="` + htmlattr.Escape(strings.Join(srcs, " ")) + `"`
		if wantGoApp > 0 {
			first += ` data-wasm="` + htmlattr.Escape(string(wasm[0][1])) + `"`
		}
		first += `>` + hosting.FirstScript + `</script>`
		b = appScript.ReplaceAll(siteScript.ReplaceAll(b, nil), nil)
		return bytes.Replace(b, []byte(hosting.MetaTags), []byte(hosting.MetaTags+first), 1), nil
	})
}

// servePlain makes every page that does not need the app (site.NeedsApp)
// a plain document: without go-app's two scripts and its loading
// indicator, so that the wasm never starts there and a phone's main thread
// stays free while the client reads. web/site.js, which the pages still
// add once they have loaded (startWithFirstScript), registers the service
// worker and shows the update notice; their first script keeps the quick
// exit working.
func servePlain(dir string) error {
	return walkPages(dir, func(file, route string, b []byte) ([]byte, error) {
		if site.NeedsApp(route) {
			return b, nil
		}
		if n := len(appScript.FindAllIndex(b, -1)); n != 2 || !appLoader.Match(b) {
			return nil, fmt.Errorf("%s: go-app no longer writes its scripts and loader as expected (%d scripts); update servePlain in internal/staticsite", file, n)
		}
		return appLoader.ReplaceAll(appScript.ReplaceAll(b, nil), nil), nil
	})
}
