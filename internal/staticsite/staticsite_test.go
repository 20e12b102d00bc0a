package staticsite

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/andybalholm/brotli"
	"github.com/stretchr/testify/require"

	"callprivacy/internal/content"
	"callprivacy/internal/hosting"
	"callprivacy/internal/site"
)

func TestCleanBase(t *testing.T) {
	tests := []struct {
		give    string
		want    string
		wantErr string
	}{
		{give: "", want: ""},
		{give: "/", want: ""},
		{give: "/privacy/", want: "/privacy"},
		{give: "privacy", want: "/privacy"},
		{give: "/practice/privacy", want: "/practice/privacy"},
		{give: "/a/../b", wantErr: "plain path"},
		{give: "/a b", wantErr: "plain path"},
		{give: "/a?x", wantErr: "plain path"},
		{give: "/metadata/", wantErr: "clash with the page /metadata"},
		{give: "/web", wantErr: "clash"},
	}
	for _, tt := range tests {
		t.Run(tt.give, func(t *testing.T) {
			got, err := CleanBase(tt.give)
			if tt.wantErr != "" {
				require.ErrorContains(t, err, tt.wantErr)
				return
			}
			require.NoError(t, err)
			require.Equal(t, tt.want, got)
		})
	}
}

func TestBaseResolver(t *testing.T) {
	tests := []struct {
		base, give, want string
	}{
		{"", "/", "/"},
		{"", "/web/app.wasm", "/web/app.wasm"},
		{"", "/metadata", "/metadata"},
		{"/privacy", "/", "/privacy"},
		{"/privacy", "", "/privacy"},
		{"/privacy", "/web/app.wasm", "/privacy/web/app.wasm"},
		{"/privacy", "/app.js", "/privacy/app.js"},
		{"/privacy", "/privacy/metadata", "/privacy/metadata"},
		{"/privacy", "/privacy", "/privacy"},
		{"/privacy", "/privacy-notes", "/privacy/privacy-notes"},
		{"/privacy", "#main", "#main"},
		{"/privacy", "https://signal.org/", "https://signal.org/"},
		{"/privacy", "mailto:a@example.org", "mailto:a@example.org"},
		{"/privacy", "//cdn.example.com/x", "//cdn.example.com/x"},
	}
	for _, tt := range tests {
		t.Run(tt.base+" "+tt.give, func(t *testing.T) {
			require.Equal(t, tt.want, baseResolver{base: tt.base}.Resolve(tt.give))
		})
	}
}

func TestFileServer(t *testing.T) {
	dir := t.TempDir()
	write := func(name, body string) {
		require.NoError(t, os.MkdirAll(filepath.Dir(filepath.Join(dir, name)), 0o755))
		require.NoError(t, os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644))
	}
	write("index.html", "home")
	write("metadata.html", "metadata")
	write("platforms/jitsi.html", "jitsi")
	write("404.html", "not found page")
	write("web/site.css", "css")
	write("manifest.webmanifest", "{}")

	tests := []struct {
		base, method, path string
		wantStatus         int
		wantBody           string
	}{
		{"", "GET", "/", 200, "home"},
		{"", "GET", "/index.html", 200, "home"},
		{"", "GET", "/metadata", 200, "metadata"},
		{"", "GET", "/platforms/jitsi", 200, "jitsi"},
		{"", "GET", "/web/site.css", 200, "css"},
		{"", "GET", "/platforms/skype", 404, "not found page"},
		{"", "GET", "/platforms", 404, "not found page"},
		{"", "GET", "/../../etc/passwd", 404, "not found page"},
		{"", "GET", "/%2e%2e/%2e%2e/etc/passwd", 404, "not found page"},
		{"", "POST", "/", 405, "method not allowed"},
		{"/privacy", "GET", "/privacy/", 200, "home"},
		{"/privacy", "GET", "/privacy/metadata", 200, "metadata"},
		{"/privacy", "GET", "/privacy", 301, ""},
		{"/privacy", "GET", "/metadata", 404, "not found page"},
		{"/privacy", "GET", "/privacy-other/metadata", 404, "not found page"},
	}
	for _, tt := range tests {
		t.Run(tt.base+" "+tt.method+" "+tt.path, func(t *testing.T) {
			rec := httptest.NewRecorder()
			req := httptest.NewRequest(tt.method, "http://example.org"+tt.path, nil)
			FileServer(dir, tt.base).ServeHTTP(rec, req)
			require.Equal(t, tt.wantStatus, rec.Code)
			require.Contains(t, rec.Body.String(), tt.wantBody)
		})
	}

	rec := httptest.NewRecorder()
	FileServer(dir, "").ServeHTTP(rec, httptest.NewRequest("GET", "/manifest.webmanifest", nil))
	require.Equal(t, "application/manifest+json", rec.Header().Get("Content-Type"))
	require.Equal(t, "no-cache", rec.Header().Get("Cache-Control"))
}

// TestBuild builds the shipped content, with an image added to the Jitsi
// page, and checks the folder a therapist would upload.
func TestBuild(t *testing.T) {
	mod, err := filepath.Abs(filepath.Join("..", ".."))
	require.NoError(t, err)
	s, err := content.Load(withImage(t, filepath.Join(mod, "content")), "content")
	require.NoError(t, err)
	build := func(out, base string) Result {
		res, err := Build(s, Options{
			ModuleDir: mod,
			WebDir:    filepath.Join(mod, "web"),
			WasmExec:  filepath.Join(mod, "wasm_exec", "wasm_exec.js"),
			Out:       out,
			Base:      base,
		})
		require.NoError(t, err)
		return res
	}
	out := filepath.Join(t.TempDir(), "dist")
	res := build(out, "")

	t.Run("every route is prerendered with its text", func(t *testing.T) {
		for _, p := range s.Pages {
			name := strings.TrimPrefix(p.Path, "/") + ".html"
			if p.Path == "/" {
				name = "index.html"
			}
			b, err := os.ReadFile(filepath.Join(out, name))
			require.NoError(t, err, p.Path)
			html := string(b)
			require.Regexp(t, `<h1[^>]*>`+regexp.QuoteMeta(htmlEscape(p.Title))+`</h1>`, html, p.Path)
			require.Contains(t, html, `<html lang="`+s.Settings.Language+`"`, p.Path)
			for _, h := range p.TOC {
				require.Contains(t, html, `id="`+h.ID+`"`, p.Path)
			}
		}
		b, err := os.ReadFile(filepath.Join(out, "404.html"))
		require.NoError(t, err)
		require.Regexp(t, `<h1[^>]*>`+regexp.QuoteMeta(htmlEscape(s.NotFound.Title))+`</h1>`, string(b))
	})

	t.Run("every element ID is one the loader keeps headings from, or a heading's", func(t *testing.T) {
		frame := s.FrameIDs()
		id := regexp.MustCompile(` id="([^"]*)"`)
		headingID := regexp.MustCompile(`<h[2-6] id="([^"]*)"`)
		for _, p := range append(slices.Clone(s.Pages), s.NotFound) {
			headings := map[string]bool{}
			for _, m := range headingID.FindAllStringSubmatch(p.HTML, -1) {
				headings[m[1]] = !frame[m[1]]
			}
			b, err := os.ReadFile(filepath.Join(out, pageFile(p.Path)))
			require.NoError(t, err, p.Path)
			for _, m := range id.FindAllStringSubmatch(string(b), -1) {
				require.True(t, frame[m[1]] || headings[m[1]], "%s: id %q is neither in site.FrameIDs nor a heading of the page's Markdown", p.Path, m[1])
			}
		}
	})

	t.Run("only the pages that need the app start it", func(t *testing.T) {
		pages := append(slices.Clone(s.Pages), s.NotFound)
		for _, p := range pages {
			name := strings.TrimPrefix(p.Path, "/") + ".html"
			if p.Path == "/" {
				name = "index.html"
			}
			b, err := os.ReadFile(filepath.Join(out, name))
			require.NoError(t, err, p.Path)
			html := string(b)
			want := 0
			if site.NeedsApp(p.Path) {
				want = 1
			}
			// Every script comes from the first script, once the page has
			// loaded: go-app's only where the app runs.
			scripts := "/web/site.js"
			if want == 1 {
				scripts += ` /wasm_exec.js /app.js" data-wasm="/web/app.wasm`
			}
			first := `<script data-scripts="` + scripts + `">` + hosting.FirstScript + `</script>`
			require.Equal(t, 1, strings.Count(html, first), "%s: %s", p.Path, first)
			require.Equal(t, want, strings.Count(html, `id="app-wasm-loader"`), p.Path)
			require.Equal(t, 1, strings.Count(html, "<script"), "%s: a script other than the first", p.Path)
			// Right after the security and referrer policies, before
			// anything that could hold it up.
			require.Contains(t, html, `name="referrer">`+first, p.Path)
			// Only what the page shows: go-app's stylesheet styles its
			// loader, which site.css restyles whole; the code stylesheet is
			// for highlighted code; the loader's logo is hidden.
			require.NotContains(t, html, `/app.css"`, p.Path)
			require.Equal(t, strings.Contains(html, `class="chroma"`), strings.Contains(html, `/web/highlight.css"`), p.Path)
			require.Equal(t, want, strings.Count(html, `id="app-wasm-loader-icon" loading="lazy"`), p.Path)
			require.Contains(t, html, `data-worker="/app-worker.js"`, p.Path)
		}
	})

	t.Run("nothing loads from another origin", func(t *testing.T) {
		requireNoRemoteResources(t, out)
	})

	t.Run("wasm_exec.js is the toolchain's", func(t *testing.T) {
		goroot, err := exec.Command("go", "env", "GOROOT").Output()
		require.NoError(t, err)
		want, err := os.ReadFile(filepath.Join(strings.TrimSpace(string(goroot)), "lib", "wasm", "wasm_exec.js"))
		require.NoError(t, err)
		got, err := os.ReadFile(filepath.Join(out, "wasm_exec.js"))
		require.NoError(t, err)
		require.Equal(t, string(want), string(got))
	})

	t.Run("the browser's data holds what the app renders, and only that", func(t *testing.T) {
		b, err := os.ReadFile(filepath.Join(out, "web", "site.json"))
		require.NoError(t, err)
		require.NotContains(t, string(b), `\u003c`, "HTML in site.json is not escaped for a page it never enters")
		var got site.Site
		require.NoError(t, json.Unmarshal(b, &got))
		require.Len(t, got.Pages, len(s.Pages))
		for i, p := range got.Pages {
			require.Equal(t, s.Pages[i].Title, p.Title, p.Path)
			if site.NeedsApp(p.Path) {
				require.Equal(t, s.Pages[i].HTML, p.HTML, p.Path)
				require.Equal(t, s.Pages[i].TOC, p.TOC, p.Path)
			} else {
				require.Empty(t, p.HTML, p.Path)
				require.Empty(t, p.TOC, p.Path)
			}
		}
		// Everything else is as the whole site would come through JSON
		// (which leaves out the fields only the build reads).
		whole, err := json.Marshal(s)
		require.NoError(t, err)
		var want site.Site
		require.NoError(t, json.Unmarshal(whole, &want))
		require.Empty(t, got.NotFound, "the app never shows the not-found page")
		require.Equal(t, want.Questionnaire, got.Questionnaire)
		require.Len(t, got.Platforms, len(want.Platforms))
		for i, p := range want.Platforms {
			require.Empty(t, got.Platforms[i].Sources, "only the platform pages show sources")
			p.Sources, p.Reviewed = nil, ""
			require.Equal(t, p, got.Platforms[i])
		}
		require.Equal(t, want.Labels, got.Labels)
		require.Equal(t, want.Settings, got.Settings)
	})

	t.Run("service worker precaches every route and the site's data", func(t *testing.T) {
		b, err := os.ReadFile(filepath.Join(out, "app-worker.js"))
		require.NoError(t, err)
		worker := string(b)
		for _, p := range s.Pages {
			require.Contains(t, worker, `"`+p.Path+`"`)
		}
		require.Contains(t, worker, `"/web/site.json"`)
		require.Contains(t, worker, `const version = "`+res.Version+`"`)
		require.Contains(t, worker, `const notFoundPage = "/404"`)
	})

	t.Run("the worker holds the hash of every file it precaches, as a browser decodes it", func(t *testing.T) {
		b, err := os.ReadFile(filepath.Join(out, "app-worker.js"))
		require.NoError(t, err)
		worker := string(b)
		var urls []string
		var sums map[string]string
		require.NoError(t, json.Unmarshal([]byte(regexp.MustCompile(`(?m)^const resources = (.*);$`).FindStringSubmatch(worker)[1]), &urls))
		require.NoError(t, json.Unmarshal([]byte(regexp.MustCompile(`(?m)^const integrity = (.*);$`).FindStringSubmatch(worker)[1]), &sums))
		require.Len(t, sums, len(urls))
		files := FileServer(out, "")
		for _, u := range urls {
			req := httptest.NewRequest("GET", u, nil)
			req.Header.Set("Accept-Encoding", "br")
			rec := httptest.NewRecorder()
			files.ServeHTTP(rec, req)
			require.Equal(t, 200, rec.Code, u)
			var body io.Reader = rec.Body
			if rec.Header().Get("Content-Encoding") == "br" {
				body = brotli.NewReader(body)
			}
			decoded, err := io.ReadAll(body)
			require.NoError(t, err, u)
			require.Equal(t, sri(string(decoded)), sums[u], u)
		}
		require.Regexp(t, `const cacheName = "callprivacy-" \+ version \+ "-[0-9a-f]{16}";`, worker)
	})

	t.Run("the same content builds the same bytes, and a changed sentence a new version", func(t *testing.T) {
		// Byte for byte, so that an upload of an unchanged site offers a
		// returning visitor no "new version".
		dir := filepath.Join(t.TempDir(), "dist")
		again := build(dir, "")
		require.Equal(t, res.Version, again.Version)
		require.Len(t, res.Version, 16)
		err := filepath.WalkDir(out, func(p string, d os.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			rel, err := filepath.Rel(out, p)
			require.NoError(t, err)
			want, err := os.ReadFile(p)
			require.NoError(t, err)
			got, err := os.ReadFile(filepath.Join(dir, rel))
			require.NoError(t, err)
			require.True(t, bytes.Equal(want, got), "%s differs between two builds of the same content", rel)
			return nil
		})
		require.NoError(t, err)

		// Only a page's text changes: site.json does not carry it.
		edited := *s
		edited.Pages = slices.Clone(s.Pages)
		for i, p := range edited.Pages {
			if p.Path == "/metadata" {
				edited.Pages[i].HTML = strings.Replace(p.HTML, "</p>", " One more sentence.</p>", 1)
			}
		}
		changed, err := Build(&edited, Options{ModuleDir: mod, WebDir: filepath.Join(mod, "web"), WasmExec: filepath.Join(mod, "wasm_exec", "wasm_exec.js"), Out: filepath.Join(t.TempDir(), "dist")})
		require.NoError(t, err)
		require.NotEqual(t, res.Version, changed.Version, "a page's text changed, and the version did not")
	})

	t.Run("without a url no page names an address, and nothing is written half", func(t *testing.T) {
		require.Empty(t, s.Settings.URL, "the shipped site.yaml has no url")
		err := filepath.WalkDir(out, func(p string, d os.DirEntry, err error) error {
			if err != nil || d.IsDir() || strings.HasSuffix(p, ".wasm") || strings.HasSuffix(p, ".png") || strings.HasSuffix(p, ".br") || strings.HasSuffix(p, ".gz") {
				return err
			}
			b, err := os.ReadFile(p)
			require.NoError(t, err)
			require.NotContains(t, string(b), "https:///", p)
			require.NotRegexp(t, `"https://"`, string(b), p)
			if strings.HasSuffix(p, ".html") {
				require.NotContains(t, string(b), `og:url`, p)
				require.NotContains(t, string(b), `og:image`, p)
				require.NotContains(t, string(b), `rel="canonical"`, p)
			}
			return nil
		})
		require.NoError(t, err)
		_, err = os.Stat(filepath.Join(out, SitemapFile))
		require.ErrorIs(t, err, os.ErrNotExist)
		robots, err := os.ReadFile(filepath.Join(out, RobotsFile))
		require.NoError(t, err)
		require.Equal(t, "User-agent: *\nAllow: /\n", string(robots))
	})

	t.Run("with a url every page names its address", func(t *testing.T) {
		addressed := loadWithURL(t, mod, "https://privacy.example.org")
		dir := filepath.Join(t.TempDir(), "dist")
		_, err := Build(addressed, ModuleOptions(mod, dir, ""))
		require.NoError(t, err)
		requireAddressed(t, dir, addressed, "https://privacy.example.org/")
		requireNoRemoteResources(t, dir)
	})

	t.Run("a url under another path than the build's is refused", func(t *testing.T) {
		_, err := Build(loadWithURL(t, mod, "https://example.org/privacy/"), ModuleOptions(mod, filepath.Join(t.TempDir(), "d"), ""))
		require.ErrorContains(t, err, "disagrees with the url in site.yaml")
	})

	t.Run("a sub-path moves every link, the manifest and every address", func(t *testing.T) {
		sub := filepath.Join(t.TempDir(), "dist")
		subSite := loadWithURL(t, mod, "https://example.org/privacy/")
		subRes, err := Build(subSite, ModuleOptions(mod, sub, "/privacy/"))
		require.NoError(t, err)
		requireAddressed(t, sub, subSite, "https://example.org/privacy/")
		require.NotEqual(t, res.Version, subRes.Version)
		b, err := os.ReadFile(filepath.Join(sub, "platforms", "jitsi.html"))
		require.NoError(t, err)
		require.Contains(t, string(b), ` src="/privacy/web/icon.svg"`, "the Markdown image moves too")
		for _, m := range regexp.MustCompile(`(?:href|src)="(/[^"]*)"`).FindAllStringSubmatch(string(b), -1) {
			require.True(t, strings.HasPrefix(m[1], "/privacy/"), "%s is outside /privacy/", m[1])
		}
		var manifest map[string]any
		b, err = os.ReadFile(filepath.Join(sub, "manifest.webmanifest"))
		require.NoError(t, err)
		require.NoError(t, json.Unmarshal(b, &manifest))
		require.Equal(t, "/privacy/", manifest["scope"])
		require.Equal(t, "/privacy/", manifest["start_url"])
		for _, f := range []string{SitemapFile, RobotsFile} {
			b, err := os.ReadFile(filepath.Join(sub, f))
			require.NoError(t, err)
			for _, u := range regexp.MustCompile(`https://[^\s<]*`).FindAllString(string(b), -1) {
				require.True(t, strings.HasPrefix(u, "https://example.org/privacy/"), "%s: %s is outside /privacy/", f, u)
			}
		}

		// What serve reads to keep from replacing a build for another base.
		for _, tt := range []struct {
			give, want string
		}{{give: sub, want: "/privacy"}, {give: out, want: ""}} {
			got, ok, err := BuiltBase(tt.give)
			require.NoError(t, err)
			require.True(t, ok, tt.give)
			require.Equal(t, tt.want, got, tt.give)
		}
		_, ok, err := BuiltBase(t.TempDir())
		require.NoError(t, err)
		require.False(t, ok, "an empty folder holds no build")
	})

	t.Run("a compiled app.wasm is shipped as it is, and compression can be left out", func(t *testing.T) {
		wasm := filepath.Join(out, "web", "app.wasm")
		want, err := os.ReadFile(wasm)
		require.NoError(t, err)
		again := filepath.Join(t.TempDir(), "preview")
		_, err = Build(s, Options{
			ModuleDir: mod, WebDir: filepath.Join(mod, "web"), WasmExec: filepath.Join(mod, "wasm_exec", "wasm_exec.js"),
			Out: again, Wasm: wasm, Uncompressed: true,
		})
		require.NoError(t, err)
		got, err := os.ReadFile(filepath.Join(again, "web", "app.wasm"))
		require.NoError(t, err)
		require.Equal(t, want, got)
		compressed, err := filepath.Glob(filepath.Join(again, "*.br"))
		require.NoError(t, err)
		require.Empty(t, compressed)
		_, err = os.Stat(filepath.Join(out, "index.html.br"))
		require.NoError(t, err, "a normal build compresses")
	})

	t.Run("refuses to empty a folder that is not a build", func(t *testing.T) {
		dir := t.TempDir()
		require.NoError(t, os.WriteFile(filepath.Join(dir, "thesis.docx"), []byte("precious"), 0o644))
		_, err := Build(s, Options{ModuleDir: mod, WebDir: filepath.Join(mod, "web"), WasmExec: filepath.Join(mod, "wasm_exec", "wasm_exec.js"), Out: dir})
		require.ErrorContains(t, err, "is not a previous build")
		_, err = os.Stat(filepath.Join(dir, "thesis.docx"))
		require.NoError(t, err)
	})

	t.Run("refuses a wasm_exec.js that is not the toolchain's", func(t *testing.T) {
		stale := filepath.Join(t.TempDir(), "wasm_exec.js")
		require.NoError(t, os.WriteFile(stale, []byte("// from another Go version\n"), 0o644))
		_, err := Build(s, Options{ModuleDir: mod, WebDir: filepath.Join(mod, "web"), WasmExec: stale, Out: filepath.Join(t.TempDir(), "d")})
		require.ErrorContains(t, err, "differs from")
	})

	t.Run("the installed app is named and coloured by site.yaml", func(t *testing.T) {
		// Values no default has, so that a hard-coded one fails.
		other := *s
		other.Settings.App = site.AppSettings{ShortName: "Dr Q", ThemeColor: "#123456", BackgroundColor: "#fedcba"}
		dir := filepath.Join(t.TempDir(), "dist")
		_, err := Build(&other, Options{ModuleDir: mod, WebDir: filepath.Join(mod, "web"), WasmExec: filepath.Join(mod, "wasm_exec", "wasm_exec.js"), Out: dir})
		require.NoError(t, err)
		b, err := os.ReadFile(filepath.Join(dir, "manifest.webmanifest"))
		require.NoError(t, err)
		var manifest map[string]any
		require.NoError(t, json.Unmarshal(b, &manifest))
		require.Equal(t, site.Fill(s.Labels.Frame.AppName, "practice", s.Settings.Practice), manifest["name"])
		require.Equal(t, "Dr Q", manifest["short_name"])
		require.Equal(t, "#123456", manifest["theme_color"])
		require.Equal(t, "#fedcba", manifest["background_color"])
		page, err := os.ReadFile(filepath.Join(dir, "index.html"))
		require.NoError(t, err)
		require.Contains(t, string(page), `<meta content="#123456" name="theme-color">`, "the browser's bar takes the same colour")
	})
}

// loadWithURL loads the shipped content (with withImage's image) with
// siteURL as site.yaml's url.
func loadWithURL(t *testing.T, mod, siteURL string) *site.Site {
	t.Helper()
	fsys := withImage(t, filepath.Join(mod, "content"))
	f := fsys[site.SettingsFile]
	f.Data = append(slices.Clone(f.Data), "\nurl: "+siteURL+"\n"...)
	s, err := content.Load(fsys, "content")
	require.NoError(t, err)
	return s
}

var (
	ogURL        = regexp.MustCompile(`<meta content="([^"]*)" property="og:url">`)
	ogImage      = regexp.MustCompile(`<meta content="([^"]*)" property="og:image">`)
	canonical    = regexp.MustCompile(`<link href="([^"]*)" rel="canonical">`)
	sitemapEntry = regexp.MustCompile(`<url><loc>([^<]*)</loc><lastmod>([^<]*)</lastmod></url>`)
)

// requireAddressed checks what a url gives the site built in dir: every
// page's link preview and canonical link name its full address under
// siteURL, the share image is the site's own, sitemap.xml lists every page
// once, dated, and robots.txt points at it.
func requireAddressed(t *testing.T, dir string, s *site.Site, siteURL string) {
	t.Helper()
	for _, p := range s.Pages {
		b, err := os.ReadFile(filepath.Join(dir, pageFile(p.Path)))
		require.NoError(t, err, p.Path)
		html := string(b)
		want := siteURL + strings.TrimPrefix(p.Path, "/")
		for _, re := range []*regexp.Regexp{ogURL, canonical} {
			m := re.FindAllStringSubmatch(html, -1)
			require.Len(t, m, 1, "%s: %s", p.Path, re)
			require.Equal(t, want, m[0][1], p.Path)
		}
		m := ogImage.FindAllStringSubmatch(html, -1)
		require.Len(t, m, 1, p.Path)
		require.Equal(t, siteURL+"web/icon-512.png", m[0][1], p.Path)
		require.NotContains(t, html, "https:///", p.Path)
	}
	notFound, err := os.ReadFile(filepath.Join(dir, "404.html"))
	require.NoError(t, err)
	require.NotContains(t, string(notFound), "og:url", "the not-found page answers at any address")
	require.NotContains(t, string(notFound), `rel="canonical"`)

	b, err := os.ReadFile(filepath.Join(dir, SitemapFile))
	require.NoError(t, err)
	entries := map[string]string{}
	for _, m := range sitemapEntry.FindAllStringSubmatch(string(b), -1) {
		require.NotContains(t, entries, m[1], "listed twice")
		entries[m[1]] = m[2]
	}
	require.Len(t, entries, len(s.Pages), "%s", b)
	for _, p := range s.Pages {
		date := s.Settings.PolicyDate
		if pl, ok := s.Platform(p.Platform); ok {
			date = pl.Reviewed
		}
		require.Equal(t, date, entries[siteURL+strings.TrimPrefix(p.Path, "/")], p.Path)
	}
	robots, err := os.ReadFile(filepath.Join(dir, RobotsFile))
	require.NoError(t, err)
	require.Equal(t, "User-agent: *\nAllow: /\n\nSitemap: "+siteURL+"sitemap.xml\n", string(robots))
}

// withImage is the shipped content folder with a Markdown image added to
// the Jitsi page: the shipped pages have none, and the build must move
// images under a sub-path as it moves links.
func withImage(t *testing.T, dir string) fstest.MapFS {
	t.Helper()
	fsys := fstest.MapFS{}
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(dir, p)
		if err != nil {
			return err
		}
		if rel = filepath.ToSlash(rel); rel == "platforms/jitsi.md" {
			b = append(b, "\n![The practice's icon](/web/icon.svg)\n"...)
		}
		fsys[rel] = &fstest.MapFile{Data: b}
		return nil
	})
	require.NoError(t, err)
	return fsys
}

// pageFile is the file a route is prerendered into.
func pageFile(route string) string {
	if route == "/" {
		return "index.html"
	}
	return strings.TrimPrefix(route, "/") + ".html"
}

// remoteResource matches an element that loads a resource, and CSS url()
// or @import, pointing at another origin.
var (
	resourceTag = regexp.MustCompile(`(?is)<(?:link|script|img|iframe|source|video|audio|embed|object|track)\b[^>]*>`)
	remoteAttr  = regexp.MustCompile(`(?i)\b(?:src|href|srcset|data|poster)\s*=\s*["']?\s*(?:https?:)?//`)
	remoteCSS   = regexp.MustCompile(`(?i)(?:url\(\s*["']?\s*(?:https?:)?//|@import\s+["']?(?:https?:)?//)`)
)

func requireNoRemoteResources(t *testing.T, dir string) {
	t.Helper()
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || strings.HasSuffix(p, ".wasm") || strings.HasSuffix(p, ".png") {
			return err
		}
		f, err := os.Open(p)
		if err != nil {
			return err
		}
		defer f.Close()
		b, err := io.ReadAll(f)
		if err != nil {
			return err
		}
		text := string(b)
		for _, tag := range resourceTag.FindAllString(text, -1) {
			if strings.Contains(tag, ` rel="canonical"`) {
				continue // names the page's own address; loads nothing
			}
			require.False(t, remoteAttr.MatchString(tag), "%s loads from another origin: %s", p, tag)
		}
		require.False(t, remoteCSS.MatchString(text), "%s: CSS loads from another origin", p)
		if strings.HasSuffix(p, ".webmanifest") {
			require.NotContains(t, text, "http", "%s: the manifest points at another origin", p)
		}
		if strings.HasSuffix(p, "app-worker.js") {
			require.NotRegexp(t, `resourcesToCache = [^;]*https?:`, text, "the service worker precaches another origin")
		}
		return nil
	})
	require.NoError(t, err)
}

func htmlEscape(s string) string {
	return strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&#34;", "'", "&#39;").Replace(s)
}
