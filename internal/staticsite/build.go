// Package staticsite turns a loaded site.Site into a folder any static web
// host can serve: every route prerendered by go-app, the wasm app, the
// site's data, styles and icons.
//
// It is native-only: it drives the Go toolchain to build app.wasm and uses
// go-app's server-side Handler, neither of which belongs in the browser.
package staticsite

import (
	"bytes"
	"crypto/sha256"
	_ "embed"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	ui "callprivacy/app"
	"callprivacy/internal/hosting"
	"callprivacy/internal/htmlattr"
	"callprivacy/internal/markdown"
	"callprivacy/internal/site"
)

// Options say where things are and where the site goes.
type Options struct {
	// ModuleDir is the root of the callprivacy module, where the wasm is
	// built from.
	ModuleDir string
	// WebDir holds the site's own assets (CSS, icons), copied to web/.
	WebDir string
	// WasmExec is the wasm_exec.js to ship; it must be the one of the Go
	// toolchain that builds app.wasm.
	WasmExec string
	// Out is the folder to write. It is emptied first.
	Out string
	// Base is the path the site will be hosted under: "" or "/" for the
	// root of a domain, "/privacy" for https://example.org/privacy/.
	Base string
	// Go is the go command; "" means "go" from PATH.
	Go string
	// CacheDir keeps compressed files between builds; "" means
	// ModuleDir/.cache/compress.
	CacheDir string
	// Wasm is an app.wasm already compiled by [BuildWasm] to ship as it
	// is; "" compiles it. The preview compiles it once and reuses it on
	// every rebuild: it does not depend on the content.
	Wasm string
	// Uncompressed leaves out the .br and .gz copies, which take seconds
	// to write after every change and which only a host needs.
	Uncompressed bool
	// Progress, if not nil, hears what a long step is doing (compiling the
	// app the first time).
	Progress io.Writer
}

// ModuleOptions are the Options for building from the callprivacy module at
// dir (its web/ and wasm_exec/) into out, hosted under base: the one way the
// command, the browser tests and the bench build the site.
func ModuleOptions(dir, out, base string) Options {
	return Options{
		ModuleDir: dir,
		WebDir:    filepath.Join(dir, "web"),
		WasmExec:  filepath.Join(dir, "wasm_exec", "wasm_exec.js"),
		Out:       out,
		Base:      base,
	}
}

// Result describes what Build wrote.
type Result struct {
	Version string
	// Routes are the prerendered pages, without the base path.
	Routes []string
}

// Files the build writes besides go-app's own.
const (
	// StyleFile is the site's stylesheet, copied from WebDir.
	StyleFile = "site.css"
	// ScriptFile is the site's one plain script, copied from WebDir.
	ScriptFile = "site.js"
	// HighlightFile is chroma's stylesheet for code, written once.
	HighlightFile = "highlight.css"
	wasmFile      = "app.wasm"
)

// Icons, in WebDir. Setting all of them matters: go-app fills any that is
// missing with an icon on raw.githubusercontent.com, which the page, the
// manifest and the service worker's all-or-nothing precache would then
// fetch from another origin.
var icons = app.Icon{
	Default:  "/web/icon-192.png",
	Large:    "/web/icon-512.png",
	SVG:      "/web/icon.svg",
	Maskable: "/web/icon-maskable-512.png",
}

// CleanBase normalises a -base flag value: "" and "/" give "", "privacy/"
// and "/privacy/" give "/privacy".
func CleanBase(base string) (string, error) {
	base = strings.Trim(base, "/")
	if base == "" {
		return "", nil
	}
	clean := path.Clean("/" + base)
	if clean != "/"+base || strings.ContainsAny(base, "?#%\\ \"'<>") {
		return "", fmt.Errorf("base path %q: use a plain path such as /privacy/", base)
	}
	first := strings.SplitN(base, "/", 2)[0]
	for _, r := range site.Routes {
		if r.Path != "/" && strings.TrimPrefix(r.Path, "/") == first {
			return "", fmt.Errorf("base path %q: it would clash with the page %s", base, r.Path)
		}
	}
	if first == "platforms" || first == "web" {
		return "", fmt.Errorf("base path %q: it would clash with the site's /%s/ folder", base, first)
	}
	return clean, nil
}

// Build writes the static site for s.
func Build(s *site.Site, o Options) (Result, error) {
	base, err := CleanBase(o.Base)
	if err != nil {
		return Result{}, err
	}
	if s.Settings.URL != "" {
		// Every address the build writes must be where the files go.
		if _, err := ResolveBase(s.Settings.URL, base, true); err != nil {
			return Result{}, err
		}
	}
	if o.Go == "" {
		o.Go = "go"
	}
	if err := checkWasmExec(o.Go, o.WasmExec); err != nil {
		return Result{}, err
	}
	if err := checkWebDir(o.WebDir); err != nil {
		return Result{}, err
	}
	if err := resetOut(o.Out); err != nil {
		return Result{}, err
	}
	web := filepath.Join(o.Out, "web")
	if err := os.MkdirAll(web, 0o755); err != nil {
		return Result{}, err
	}

	// The wasm does not depend on the content, so Go's build cache makes
	// this a second or two after the first build (linking).
	wasm := filepath.Join(web, wasmFile)
	if o.Wasm != "" {
		err = copyFile(o.Wasm, wasm)
	} else {
		err = BuildWasm(o.Go, o.ModuleDir, wasm, o.Progress)
	}
	if err != nil {
		return Result{}, err
	}

	if err := copyDir(o.WebDir, web); err != nil {
		return Result{}, fmt.Errorf("copying %s: %w", o.WebDir, err)
	}
	css, err := markdown.CSS()
	if err != nil {
		return Result{}, fmt.Errorf("writing the code stylesheet: %w", err)
	}
	if err := os.WriteFile(filepath.Join(web, HighlightFile), []byte(css), 0o644); err != nil {
		return Result{}, err
	}
	if err := writeSiteData(filepath.Join(web, ui.SiteFile), s.ForBrowser()); err != nil {
		return Result{}, err
	}
	wasmExec, err := os.ReadFile(o.WasmExec)
	if err != nil {
		return Result{}, err
	}

	ui.Register(s, ui.Frame{})
	var routes []string
	for _, p := range s.Pages {
		routes = append(routes, p.Path)
	}
	generate := func(version string) error {
		h := handler(s, base, version, routes)
		// go-app's progress bar divides the bytes it has read by the
		// response's Content-Length, which for a Brotli response is the
		// compressed size: give it the real one.
		if fi, err := os.Stat(wasm); err == nil {
			h.WasmContentLength = strconv.FormatInt(fi.Size(), 10)
		}
		if err := app.GenerateStaticWebsite(o.Out, h, site.NotFoundPath); err != nil {
			return fmt.Errorf("prerendering pages: %w", err)
		}
		// go-app picks its own copy of wasm_exec.js by the generator's Go
		// version; ship the one of the toolchain that built app.wasm.
		if err := os.WriteFile(filepath.Join(o.Out, "wasm_exec.js"), wasmExec, 0o644); err != nil {
			return err
		}
		if err := fillWorker(filepath.Join(o.Out, "app-worker.js"), base); err != nil {
			return err
		}
		if err := registerWorkerAfterWasm(filepath.Join(o.Out, "app.js")); err != nil {
			return err
		}
		if err := registerWorkerUncached(filepath.Join(o.Out, "app.js")); err != nil {
			return err
		}
		if err := runAppWhenWanted(filepath.Join(o.Out, "app.js")); err != nil {
			return err
		}
		if err := quoteLoadingLabel(filepath.Join(o.Out, "app.js"), h.LoadingLabel); err != nil {
			return err
		}
		if err := unescapeTitles(o.Out); err != nil {
			return err
		}
		if err := declarePolicy(o.Out); err != nil {
			return err
		}
		// Before the version is hashed: the sitemap carries the address.
		if err := writeAddressed(o.Out, s); err != nil {
			return err
		}
		if err := servePlain(o.Out); err != nil {
			return err
		}
		if err := startWithFirstScript(o.Out); err != nil {
			return err
		}
		if err := fetchOnlyWhatShows(o.Out); err != nil {
			return err
		}
		// Last of the page rewrites: the same content, the same bytes.
		if err := sortPageAttributes(o.Out); err != nil {
			return err
		}
		return fixManifestScope(filepath.Join(o.Out, "manifest.webmanifest"), base)
	}
	// The version is a hash of what the site ships, so that a new build
	// means a new service-worker cache and the same build does not: every
	// file of a build made with no version yet, pages included (their
	// attributes are sorted, so the same content gives the same bytes),
	// but for app.js and the worker, which carry the version.
	if err := generate("unversioned"); err != nil {
		return Result{}, err
	}
	version, err := hashTree(o.Out, base, func(rel string) bool {
		return rel == "app.js" || rel == "app-worker.js"
	})
	if err != nil {
		return Result{}, err
	}
	if err := generate(version); err != nil {
		return Result{}, err
	}
	if err := embedIntegrity(o.Out, base); err != nil {
		return Result{}, err
	}
	if o.CacheDir == "" {
		o.CacheDir = filepath.Join(o.ModuleDir, ".cache", "compress")
	}
	if !o.Uncompressed {
		if err := writeCompressed(o.Out, o.CacheDir); err != nil {
			return Result{}, fmt.Errorf("compressing: %w", err)
		}
	}
	// The security and cache headers, for hosts that read _headers and for
	// nginx and Caddy; after everything else, as they list the files.
	if err := hosting.WriteConfigs(o.Out, base); err != nil {
		return Result{}, fmt.Errorf("writing host configurations: %w", err)
	}
	return Result{Version: version, Routes: routes}, nil
}

// handler configures go-app for this site. Every field that go-app would
// otherwise point at another origin is set.
func handler(s *site.Site, base, version string, routes []string) *app.Handler {
	// Every route and the not-found page, so that every page opens offline
	// after one visit; "/" again with its slash, which is how a browser asks
	// for the home page under a sub-path.
	cacheable := []string{"/web/" + ui.SiteFile, "/web/" + HighlightFile, icons.SVG, site.NotFoundPath, site.Link(base, "/")}
	cacheable = append(cacheable, routes...)
	home, _ := s.Page("/")
	return &app.Handler{
		Name:      site.Fill(s.Labels.Frame.AppName, "practice", s.Settings.Practice),
		ShortName: s.Settings.App.ShortName,
		// Escaped for an attribute, as the app's own values are: go-app
		// writes these into <meta> attributes with Go quoting.
		Title:           htmlattr.Escape(home.Title),
		Description:     htmlattr.Escape(home.Description),
		Author:          htmlattr.Escape(s.Settings.Practice),
		Lang:            s.Settings.Language,
		Icon:            icons,
		BackgroundColor: s.Settings.App.BackgroundColor,
		ThemeColor:      s.Settings.App.ThemeColor,
		// Shown only on the questionnaire (see site.css): it is the one page
		// that needs the app to be usable.
		LoadingLabel: s.Labels.Frame.Loading,
		Styles:       []string{"/web/" + StyleFile, "/web/" + HighlightFile},
		// What the pages do without the wasm (see web/site.js). In the
		// offline copy; the pages add it once they have loaded
		// (startWithFirstScript).
		Scripts: []string{"defer /web/" + ScriptFile},
		// Our own worker: see app-worker.js.
		ServiceWorkerTemplate: workerTemplate,
		// Routes and data, so that every page opens offline after a visit.
		CacheableResources: cacheable,
		Resources:          baseResolver{base: base},
		StartURL:           site.Link(base, "/"),
		Version:            version,
	}
}

// baseResolver tells go-app where the site's files are under the base
// path. Unlike go-app's PrefixedLocation it leaves alone a path that already
// carries the base: the app's components add the base to their own links
// themselves, because in the browser go-app does not.
type baseResolver struct{ base string }

func (r baseResolver) Resolve(loc string) string {
	switch {
	case loc == "" || loc == "/":
		if r.base == "" {
			return "/"
		}
		return r.base
	case !strings.HasPrefix(loc, "/") || strings.HasPrefix(loc, "//"):
		return loc // another scheme, a fragment or a relative path
	case r.base != "" && (loc == r.base || strings.HasPrefix(loc, r.base+"/")):
		return loc
	}
	return r.base + loc
}

// checkWasmExec refuses to ship a wasm_exec.js that is not the toolchain's:
// a mismatched one fails at start-up in the browser, with an obscure error.
func checkWasmExec(goCmd, shipped string) error {
	out, err := exec.Command(goCmd, "env", "GOROOT").Output()
	if err != nil {
		return fmt.Errorf("finding the Go toolchain: %w", err)
	}
	toolchain := filepath.Join(strings.TrimSpace(string(out)), "lib", "wasm", "wasm_exec.js")
	want, err := os.ReadFile(toolchain)
	if err != nil {
		return fmt.Errorf("reading the toolchain's wasm_exec.js: %w", err)
	}
	got, err := os.ReadFile(shipped)
	if err != nil {
		return err
	}
	if !bytes.Equal(got, want) {
		return fmt.Errorf("%s differs from %s, which belongs to the Go toolchain that builds app.wasm: copy it over (make wasm_exec) and commit it", shipped, toolchain)
	}
	return nil
}

// resetOut empties the output folder, refusing to delete a folder that
// does not look like a previous build.
func resetOut(out string) error {
	entries, err := os.ReadDir(out)
	if errors.Is(err, fs.ErrNotExist) {
		return os.MkdirAll(out, 0o755)
	}
	if err != nil {
		return err
	}
	if len(entries) > 0 {
		if _, err := os.Stat(filepath.Join(out, "app-worker.js")); err != nil {
			return fmt.Errorf("%s is not empty and is not a previous build: choose another -out folder", out)
		}
	}
	if err := os.RemoveAll(out); err != nil {
		return err
	}
	return os.MkdirAll(out, 0o755)
}

// hashTree hashes the base path, the running generator's executable and
// the files of dir (names and bytes, in lexical order) that skip does not
// exclude, into a short hex version.
func hashTree(dir, base string, skip func(rel string) bool) (string, error) {
	h := sha256.New()
	fmt.Fprintf(h, "base %q\n", base)
	if exe, err := os.Executable(); err == nil {
		if b, err := os.ReadFile(exe); err == nil {
			h.Write(b)
		}
	}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, err := filepath.Rel(dir, p)
		if err != nil || skip(filepath.ToSlash(rel)) {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		fmt.Fprintf(h, "%s %d\n", filepath.ToSlash(rel), len(b))
		h.Write(b)
		return nil
	})
	if err != nil {
		return "", err
	}
	return hex.EncodeToString(h.Sum(nil))[:16], nil
}

// workerTemplate is the service worker; go-app fills in {{.Version}} and
// {{.ResourcesToCache}}, fillWorker the not-found page and embedIntegrity
// the files' hashes.
//
//go:embed app-worker.js
var workerTemplate string

// fillWorker fills in what go-app's template does not know: where the
// not-found page is, to answer an unknown page offline.
func fillWorker(file, base string) error {
	b, err := os.ReadFile(file)
	if err != nil {
		return err
	}
	b = bytes.ReplaceAll(b, []byte("__NOT_FOUND_PAGE__"), []byte(site.Link(base, site.NotFoundPath)))
	return os.WriteFile(file, b, 0o644)
}

// goAppStart is how go-app v10.1.11's app.js starts; registerWorkerAfterWasm
// relies on it, and fails the build if a go-app upgrade changes it.
const goAppStart = "goappInitServiceWorker();\ngoappWatchForUpdate();\ngoappWatchForInstallable();\ngoappInitWebAssembly();\n"

// registerWorkerAfterWasm makes app.js register the service worker once
// app.wasm has arrived, instead of at the same moment. Otherwise, on a
// first visit, the worker's precache downloads the 1.5 MB wasm a second
// time while the page is still downloading it; afterwards, the worker's
// revalidating request is answered from the browser's HTTP cache.
func registerWorkerAfterWasm(file string) error {
	b, err := os.ReadFile(file)
	if err != nil {
		return err
	}
	if !bytes.Contains(b, []byte(goAppStart)) {
		return fmt.Errorf("%s: go-app's start-up code has changed; update registerWorkerAfterWasm in internal/staticsite", file)
	}
	b = bytes.Replace(b, []byte(goAppStart), []byte("goappWatchForUpdate();\ngoappWatchForInstallable();\ngoappInitWebAssembly().finally(goappInitServiceWorker);\n"), 1)
	return os.WriteFile(file, b, 0o644)
}

// goAppRun is how go-app v10.1.11's app.js runs app.wasm once it has been
// downloaded and compiled, and goAppCanLoad the function that says whether
// it will (not with ?wasm=false, nor for a crawler); runAppWhenWanted and
// app-start.js rely on them.
const (
	goAppRun     = "\n    go.run(wasm.instance);\n    loader.remove();\n"
	goAppCanLoad = "function goappCanLoadWebAssembly() {"
	// goAppFetch is how go-app's fetchWithProgress requests app.wasm,
	// which runAppWhenWanted points at the response the page's first
	// script started (internal/hosting/first.js).
	goAppFetch = "const response = await fetch(url);"
)

// goAppWasm is where go-app's app.js names app.wasm's address, under the
// base path.
var goAppWasm = regexp.MustCompile(`fetchWithProgress\("([^"\\]*)", showProgress\)`)

// goAppWillRun are the two tests by which go-app's app.js decides whether
// to run the app at all (goappCanLoadWebAssembly), which
// internal/hosting/first.js repeats.
var goAppWillRun = []string{
	`/bot|googlebot|crawler|spider|robot|crawling/i.test(navigator.userAgent)`,
	`urlParams.get("wasm") !== "false"`,
}

// runAppWhenWanted makes app.js hand the running of app.wasm to the code
// in app-start.js, which it appends, and which runs it once the client
// first reaches for the page (the page's first script says when).
// app.wasm is still downloaded and compiled as the page opens, off the main thread, and the
// service worker is still registered once it has arrived: only starting
// Go and mounting the page, which hold the main thread for a second or
// more on a slow phone, wait. go-app's download of app.wasm takes the
// response the page's first script started (startWithFirstScript), if any.
func runAppWhenWanted(file string) error {
	b, err := os.ReadFile(file)
	if err != nil {
		return err
	}
	if bytes.Count(b, []byte(goAppRun)) != 1 || !bytes.Contains(b, []byte(goAppCanLoad)) || bytes.Count(b, []byte(goAppFetch)) != 1 {
		return fmt.Errorf("%s: go-app's way of running app.wasm has changed; update runAppWhenWanted in internal/staticsite", file)
	}
	b = bytes.Replace(b, []byte(goAppFetch), []byte("const response = await callprivacyFetchWasm(url);"), 1)
	b = bytes.Replace(b, []byte(goAppRun), []byte(`
    window.callprivacyWhenWanted(() => {
      go.run(wasm.instance);
      loader.remove();
    });
`), 1)
	b = append(b, appStart...)
	return os.WriteFile(file, b, 0o644)
}

//go:embed app-start.js
var appStart []byte

// goAppRegister is how go-app v10.1.11's app.js registers the worker.
var goAppRegister = regexp.MustCompile(`navigator\.serviceWorker\.register\(\s*("[^"]*")\s*\)`)

// registerWorkerUncached makes app.js register the worker as web/site.js
// does, with updateViaCache "none": the browser then fetches the worker
// script from the server, never from its HTTP cache, each time it checks
// for a new version, so that an install that failed (see app-worker.js)
// is tried again on the next visit. (It is the default for the script
// itself; saying so keeps both registrations identical, and a
// registration that changes the setting would start a check each time.)
func registerWorkerUncached(file string) error {
	b, err := os.ReadFile(file)
	if err != nil {
		return err
	}
	if n := len(goAppRegister.FindAllIndex(b, -1)); n != 1 {
		return fmt.Errorf("%s: go-app's worker registration has changed (%d found); update registerWorkerUncached in internal/staticsite", file, n)
	}
	b = goAppRegister.ReplaceAll(b, []byte(`navigator.serviceWorker.register($1, { updateViaCache: "none" })`))
	return os.WriteFile(file, b, 0o644)
}

// fixManifestScope sets the web manifest's scope to the base path: go-app
// v10 always writes "/", which under a sub-path would claim the whole
// domain for the installed app.
func fixManifestScope(file, base string) error {
	b, err := os.ReadFile(file)
	if err != nil {
		return err
	}
	var m map[string]any
	if err := json.Unmarshal(b, &m); err != nil {
		return fmt.Errorf("reading %s: %w", file, err)
	}
	// go-app writes "purpose": "" for ordinary icons, which is not a valid
	// purpose; leaving it out means "any".
	if list, ok := m["icons"].([]any); ok {
		for _, icon := range list {
			if icon, ok := icon.(map[string]any); ok && icon["purpose"] == "" {
				delete(icon, "purpose")
			}
		}
	}
	m["scope"] = site.Link(base, "/")
	m["id"] = site.Link(base, "/")
	out, err := json.MarshalIndent(m, "", "  ")
	if err != nil {
		return err
	}
	return os.WriteFile(file, out, 0o644)
}
