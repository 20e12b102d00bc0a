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
	// with its line.
	appScript = regexp.MustCompile(`[ \t]*<script\b[^>]*\bsrc="[^"]*/(?:wasm_exec|app)\.js"[^>]*></script>\n?`)
	// appLoader is go-app's loading indicator, which app.js removes once
	// the app runs.
	appLoader = regexp.MustCompile(`(?s)[ \t]*<aside\b[^>]*\bid="app-wasm-loader"[^>]*>.*?</aside>\n?`)
)

// servePlain makes every page that does not need the app (site.NeedsApp)
// a plain document: without go-app's two scripts and its loading
// indicator, so that the wasm never starts there and a phone's main thread
// stays free while the client reads. web/site.js, which the pages keep,
// registers the service worker and keeps the quick exit and the update
// notice working.
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
