package browsertest

import (
	"context"
	"net"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/require"

	"callprivacy/internal/hosting"
	"callprivacy/internal/questionnaire"
	"callprivacy/internal/site"
	"callprivacy/internal/staticsite"
)

const workerReady = 30 * time.Second

// TestEveryPageWorksOfflineAfterOneVisit visits one page, takes the host
// off the network (not CDP's offline emulation, which still lets the
// service worker reach the server), then opens every page, an unknown
// one, and answers a question.
func TestEveryPageWorksOfflineAfterOneVisit(t *testing.T) {
	tests := []struct {
		name  string
		built Built
		first string
	}{
		{name: "at the root", built: built.root, first: "/metadata"},
		{name: "under /privacy/", built: built.sub, first: "/platforms/signal"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, base := tt.built.Site, tt.built.Base
			host := StartHost(t, tt.built.Dir, base)
			b := NewBrowser(t)
			require.NoError(t, b.Navigate(host.Origin+site.Link(base, tt.first)))
			require.NoError(t, b.WaitReady(appStart))
			require.NoError(t, b.WaitForWorker(workerReady))

			host.Stop()
			for _, p := range s.Pages {
				require.NoError(t, b.Navigate(host.Origin+site.Link(base, p.Path)), p.Path)
				require.NoError(t, b.WaitReady(appStart), p.Path)
				require.NoError(t, b.WaitText("h1", p.Title, stepWait), p.Path)
			}
			require.NoError(t, b.Navigate(host.Origin+site.Link(base, "/platforms/skype")))
			require.NoError(t, b.WaitText("h1", s.NotFound.Title, stepWait))

			q := questionnaire.New(s).Questions()
			require.NoError(t, b.Navigate(host.Origin+site.Link(base, site.QuestionnairePath)))
			require.NoError(t, b.WaitReady(appStart))
			answer(t, b, q[0], q[1].Prompt, "phone")
			require.Empty(t, b.Problems())
		})
	}
}

// TestInstallableUnderASubPath asks Chromium whether the site can be
// installed as an app when hosted under /privacy/.
func TestInstallableUnderASubPath(t *testing.T) {
	host := StartHost(t, built.sub.Dir, "/privacy")
	b := NewBrowser(t)
	require.NoError(t, b.Navigate(host.Origin+"/privacy/"))
	require.NoError(t, b.WaitReady(appStart))
	require.NoError(t, b.WaitForWorker(workerReady))
	var errs []*page.InstallabilityError
	require.NoError(t, chromedp.Run(b.Ctx, chromedp.ActionFunc(func(ctx context.Context) error {
		var err error
		errs, err = page.GetInstallabilityErrors().Do(ctx)
		return err
	})))
	for _, e := range errs {
		t.Errorf("not installable: %s %v", e.ErrorID, e.ErrorArguments)
	}
}

// TestUpdateSwitchesWholeVersions deploys v1, visits, deploys v2 with
// changed content: the page offers the new version, switches on request,
// works offline on v2 and keeps no cache of v1.
func TestUpdateSwitchesWholeVersions(t *testing.T) {
	mod, err := ModuleDir()
	require.NoError(t, err)
	content := filepath.Join(t.TempDir(), "content")
	require.NoError(t, os.CopyFS(content, os.DirFS(filepath.Join(mod, "content"))))
	index := filepath.Join(content, "index.md")
	b1, err := os.ReadFile(index)
	require.NoError(t, err)
	v1Title := built.root.Site.Pages[0].Title
	v2Title := v1Title + ", updated"
	require.NoError(t, os.WriteFile(index, []byte(strings.Replace(string(b1), "title: "+v1Title, "title: "+v2Title, 1)), 0o644))
	v2, err := BuildFrom(content, filepath.Join(t.TempDir(), "v2"), "")
	require.NoError(t, err)
	require.Equal(t, v2Title, v2.Site.Pages[0].Title)

	host := StartHost(t, built.root.Dir, "")
	b := NewBrowser(t)
	require.NoError(t, b.Navigate(host.Origin+"/"))
	require.NoError(t, b.WaitReady(appStart))
	require.NoError(t, b.WaitForWorker(workerReady))
	v1Caches, err := b.Caches()
	require.NoError(t, err)
	require.Len(t, v1Caches, 1)

	host.Deploy(v2.Dir)
	require.NoError(t, b.Navigate(host.Origin+"/"))
	require.NoError(t, b.WaitReady(appStart))
	require.NoError(t, b.WaitContains(".update-notice", "A new version of this page is available.", workerReady))
	h1, err := b.Text("h1")
	require.NoError(t, err)
	require.Equal(t, v1Title, h1, "until the reader switches, the page stays wholly v1")

	require.NoError(t, b.ClickButton("Reload"))
	require.NoError(t, b.WaitText("h1", v2Title, workerReady))
	require.NoError(t, b.WaitReady(appStart))
	caches, err := b.Caches()
	require.NoError(t, err)
	require.Len(t, caches, 1)
	require.NotEqual(t, v1Caches[0], caches[0], "the old version's cache is deleted")

	host.Stop()
	for _, path := range []string{"/", "/metadata"} {
		require.NoError(t, b.Navigate(host.Origin+path))
		require.NoError(t, b.WaitReady(appStart))
	}
	require.NoError(t, b.Navigate(host.Origin+"/"))
	require.NoError(t, b.WaitText("h1", v2Title, stepWait))
	require.Empty(t, b.Problems())
}

// TestNothingLeavesTheSite follows the site's own links from the overview
// to every page it can reach, and checks what each page did: requests only
// to its own origin, no cookie, nothing stored, no console error.
func TestNothingLeavesTheSite(t *testing.T) {
	host := StartHost(t, built.root.Dir, "")
	b := NewBrowser(t)
	seen := map[string]bool{}
	queue := []string{"/"}
	for len(queue) > 0 {
		path := queue[0]
		queue = queue[1:]
		if seen[path] {
			continue
		}
		seen[path] = true
		require.NoError(t, b.Navigate(host.Origin+path), path)
		require.NoError(t, b.WaitReady(appStart), path)
		var links []string
		require.NoError(t, b.Eval(`[...document.querySelectorAll("a[href]")].map(a => a.href)`, &links))
		for _, l := range links {
			u, err := url.Parse(l)
			require.NoError(t, err)
			if u.Scheme+"://"+u.Host == host.Origin && !seen[u.Path] {
				queue = append(queue, u.Path)
			}
		}
		used, err := b.StorageUsed()
		require.NoError(t, err)
		require.Empty(t, used, "%s stored something", path)
	}
	for _, p := range built.root.Site.Pages {
		require.True(t, seen[p.Path], "no link leads to %s", p.Path)
	}
	requireSameOrigin(t, host.Origin, b.Requests())
	require.Empty(t, b.Problems())
}

// TestStrictCSPHasNoViolation serves the site twice: the way `callprivacy
// serve` does, with the strict Content-Security-Policy header, and the way
// a host that sends no headers does (GitHub Pages), where only the pages'
// own meta policy holds. Each time it opens every page and goes through the
// questionnaire: the app must start (the wasm needs 'wasm-unsafe-eval' and
// nothing more), no securitypolicyviolation may fire, an image from
// another origin must be refused, and no request may carry a Referer.
func TestStrictCSPHasNoViolation(t *testing.T) {
	tests := []struct {
		name       string
		give       func(http.Handler) http.Handler
		wantHeader string
	}{
		{name: "with the headers", give: func(h http.Handler) http.Handler { return hosting.Handler(h, false) }, wantHeader: hosting.CSP},
		{name: "on a host without headers", give: func(h http.Handler) http.Handler { return h }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var mu sync.Mutex
			var referers []string
			files := tt.give(staticsite.FileServer(built.root.Dir, ""))
			ln, err := net.Listen("tcp", "127.0.0.1:0")
			require.NoError(t, err)
			srv := &http.Server{Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				// Not even the service worker's precache, which would
				// name only the worker itself, sends one.
				if ref := r.Referer(); ref != "" {
					mu.Lock()
					referers = append(referers, r.URL.Path+" from "+ref)
					mu.Unlock()
				}
				files.ServeHTTP(w, r)
			}), ReadHeaderTimeout: 5 * time.Second}
			go func() { _ = srv.Serve(ln) }()
			t.Cleanup(func() { _ = srv.Close() })
			origin := "http://" + ln.Addr().String()
			walkUnderCSP(t, origin, tt.wantHeader)
			mu.Lock()
			defer mu.Unlock()
			require.Empty(t, referers, "requests that told the server which page asked")
		})
	}
}

// walkUnderCSP opens every page and goes through the questionnaire, with
// no policy violation; wantHeader is the policy header the pages come
// with, "" for none.
func walkUnderCSP(t *testing.T, origin, wantHeader string) {
	s := built.root.Site
	b := NewBrowser(t)
	require.NoError(t, chromedp.Run(b.Ctx, chromedp.ActionFunc(func(ctx context.Context) error {
		_, err := page.AddScriptToEvaluateOnNewDocument(`window.cspViolations = [];
			document.addEventListener("securitypolicyviolation", e => cspViolations.push(e.violatedDirective + " " + e.blockedURI));`).Do(ctx)
		return err
	})))
	violations := func() []string {
		var v []string
		require.NoError(t, b.Eval(`window.cspViolations || []`, &v))
		return v
	}
	for _, p := range s.Pages {
		require.NoError(t, b.Navigate(origin+p.Path))
		require.NoError(t, b.WaitReady(appStart), p.Path)
		var policy struct {
			Header string `json:"header"`
			Meta   string `json:"meta"`
		}
		require.NoError(t, b.Eval(`fetch(location.href).then(r => ({
			header: r.headers.get("Content-Security-Policy") || "",
			meta: (document.querySelector('head > meta[http-equiv="Content-Security-Policy"]') || {}).content || "",
		}))`, &policy))
		require.Equal(t, wantHeader, policy.Header, p.Path)
		require.Equal(t, hosting.MetaCSP, policy.Meta, p.Path)
		require.Empty(t, violations(), p.Path)
	}
	q := questionnaire.New(s)
	qs := q.Questions()
	require.NoError(t, b.Navigate(origin+site.QuestionnairePath))
	require.NoError(t, b.WaitReady(appStart))
	for i, question := range qs {
		next := s.Labels.Questionnaire.CheckHeading
		if i+1 < len(qs) {
			next = qs[i+1].Prompt
		}
		answer(t, b, question, next, question.Options[len(question.Options)-1].ID)
	}
	require.NoError(t, b.ClickButton(s.Labels.Questionnaire.SeeResult))
	require.NoError(t, b.WaitContains("#step-heading", "My suggestion for you", stepWait))
	require.Empty(t, violations(), "questionnaire")
	require.Empty(t, b.Problems())
	requireSameOrigin(t, origin, b.Requests())

	// The policy is in force, not only written: an image from elsewhere
	// is refused, once by each policy the page has (the meta one, and the
	// header when there is one).
	require.NoError(t, b.Eval(`(new Image().src = "http://127.0.0.2:9/pixel.png", 0)`, new(int)))
	want := []string{"img-src http://127.0.0.2:9/pixel.png"}
	if wantHeader != "" {
		want = append(want, want[0])
	}
	require.Eventually(t, func() bool { return slices.Equal(want, violations()) }, stepWait, 50*time.Millisecond,
		"an image from another origin is refused by every policy: %q", violations())
}
