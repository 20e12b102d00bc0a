package browsertest

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/serviceworker"
	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/require"
)

// TestHalfUploadedVersionNeverInstalls visits version A, then arrives
// while version B is being uploaded the way rsync copies files (in
// alphabetical order: B's app-worker.js is there, B's metadata page not
// yet). B's worker must not install: A stays in charge, its cache intact,
// and no cache of B is left. Once the upload is complete, the next visit
// installs B, and B is what the site shows offline.
func TestHalfUploadedVersionNeverInstalls(t *testing.T) {
	mod, err := ModuleDir()
	require.NoError(t, err)
	content := filepath.Join(t.TempDir(), "content")
	require.NoError(t, os.CopyFS(content, os.DirFS(filepath.Join(mod, "content"))))
	a := built.root
	aPage, ok := a.Site.Page("/metadata")
	require.True(t, ok)
	aTitle, bTitle := aPage.Title, aPage.Title+" (revised)"
	md := filepath.Join(content, "metadata.md")
	src, err := os.ReadFile(md)
	require.NoError(t, err)
	line := regexp.MustCompile(`(?m)^title: .*$`).FindIndex(src)
	require.NotNil(t, line)
	revised := string(src[:line[0]]) + "title: " + jsString(bTitle) + string(src[line[1]:])
	require.NoError(t, os.WriteFile(md, []byte(revised), 0o644))
	b, err := BuildFrom(content, filepath.Join(t.TempDir(), "b"), "")
	require.NoError(t, err)
	bPage, _ := b.Site.Page("/metadata")
	require.Equal(t, bTitle, bPage.Title)

	// The host half-way through the upload: B's files up to "m" (404.html,
	// app-worker.js, app.js, index.html…), A's from there on
	// (metadata.html, platforms/, web/…).
	half := filepath.Join(t.TempDir(), "half")
	require.NoError(t, os.CopyFS(half, os.DirFS(a.Dir)))
	require.NoError(t, filepath.WalkDir(b.Dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, err := filepath.Rel(b.Dir, p)
		if err != nil || filepath.ToSlash(rel) >= "m" {
			return err
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(half, rel), data, 0o644)
	}))
	requireSameFile(t, filepath.Join(b.Dir, "app-worker.js"), filepath.Join(half, "app-worker.js"))
	requireSameFile(t, filepath.Join(a.Dir, "metadata.html"), filepath.Join(half, "metadata.html"))

	host := StartHost(t, a.Dir, "")
	br := NewBrowser(t)
	workers := watchWorkers(t, br)

	// Version A installs and keeps the site.
	require.NoError(t, br.Navigate(host.Origin+"/metadata"))
	require.NoError(t, br.WaitReady(appStart))
	require.NoError(t, br.WaitForWorker(workerReady))
	require.NoError(t, br.WaitText("h1", aTitle, stepWait))
	aCaches, err := br.Caches()
	require.NoError(t, err)
	require.Len(t, aCaches, 1)
	aEntries := cacheEntries(t, br, aCaches[0])
	require.Contains(t, cachedText(t, br, aCaches[0], "/metadata"), aTitle)
	aVersions := workers.versions()
	require.Len(t, aVersions, 1, "one worker so far: %v", aVersions)

	// A visit during the upload: B's worker is fetched and fails to
	// install.
	host.Deploy(half)
	require.NoError(t, br.Navigate(host.Origin+"/"))
	require.NoError(t, br.WaitReady(appStart))
	status := workers.waitNew(t, aVersions, workerReady)
	require.Equal(t, serviceworker.VersionStatusRedundant, status,
		"version B installed from a half-uploaded site (worker errors: %v)", workers.errorList())
	require.Eventually(t, func() bool {
		for _, e := range workers.errorList() {
			if strings.Contains(e, "is not this version's") {
				return true
			}
		}
		return false
	}, stepWait, 50*time.Millisecond, "the worker says why B did not install")
	var reg struct {
		Active     bool `json:"active"`
		Waiting    bool `json:"waiting"`
		Installing bool `json:"installing"`
	}
	require.NoError(t, br.Eval(`navigator.serviceWorker.getRegistration().then(r => ({active: !!r.active, waiting: !!r.waiting, installing: !!r.installing}))`, &reg))
	require.True(t, reg.Active, "A is still active")
	require.False(t, reg.Waiting || reg.Installing, "nothing of B is waiting or installing")
	caches, err := br.Caches()
	require.NoError(t, err)
	require.Equal(t, aCaches, caches, "B's partial cache is deleted, A's kept")
	require.Equal(t, aEntries, cacheEntries(t, br, aCaches[0]), "A's cache is intact")
	require.Contains(t, cachedText(t, br, aCaches[0], "/metadata"), aTitle)
	var notice bool
	require.NoError(t, br.Eval(`document.querySelector(".update-notice") !== null`, &notice))
	require.False(t, notice, "no new version is offered")
	require.NoError(t, br.Navigate(host.Origin+"/metadata"))
	require.NoError(t, br.WaitText("h1", aTitle, stepWait))

	// The upload is complete: the next visit installs B, which the reader
	// switches to, and B is what the site shows offline.
	host.Deploy(b.Dir)
	require.NoError(t, br.Navigate(host.Origin+"/"))
	require.NoError(t, br.WaitReady(appStart))
	require.NoError(t, br.WaitContains(".update-notice", "A new version of this page is available.", workerReady))
	require.NoError(t, br.ClickButton("Reload"))
	require.NoError(t, br.WaitText("h1", b.Site.Pages[0].Title, workerReady))
	require.NoError(t, br.WaitForWorker(workerReady))
	require.Eventually(t, func() bool {
		caches, err = br.Caches()
		return err == nil && len(caches) == 1 && caches[0] != aCaches[0]
	}, stepWait, 50*time.Millisecond, "only B's cache is left: %v", caches)

	host.Stop()
	require.NoError(t, br.Navigate(host.Origin+"/metadata"))
	require.NoError(t, br.WaitText("h1", bTitle, stepWait))
	require.Empty(t, br.Problems())
}

// requireSameFile fails unless files a and b have the same bytes.
func requireSameFile(t *testing.T, a, b string) {
	t.Helper()
	ab, err := os.ReadFile(a)
	require.NoError(t, err)
	bb, err := os.ReadFile(b)
	require.NoError(t, err)
	require.Equal(t, ab, bb, "%s and %s differ", a, b)
}

// cacheEntries lists the addresses stored in the page's cache name.
func cacheEntries(t *testing.T, b *Browser, name string) []string {
	t.Helper()
	var keys []string
	require.NoError(t, b.Eval(`caches.open(`+jsString(name)+`).then(c => c.keys()).then(ks => ks.map(k => new URL(k.url).pathname).sort())`, &keys))
	require.NotEmpty(t, keys)
	return keys
}

// cachedText returns the body the cache name holds for path.
func cachedText(t *testing.T, b *Browser, name, path string) string {
	t.Helper()
	var text string
	require.NoError(t, b.Eval(`caches.open(`+jsString(name)+`).then(c => c.match(`+jsString(path)+`)).then(r => r ? r.text() : "")`, &text))
	return text
}

// workerWatch follows, through DevTools, every service worker version the
// browser has and what became of it.
type workerWatch struct {
	mu     sync.Mutex
	status map[string]serviceworker.VersionStatus
	errors []string
}

func watchWorkers(t *testing.T, b *Browser) *workerWatch {
	t.Helper()
	w := &workerWatch{status: map[string]serviceworker.VersionStatus{}}
	chromedp.ListenTarget(b.Ctx, func(ev any) {
		w.mu.Lock()
		defer w.mu.Unlock()
		switch ev := ev.(type) {
		case *serviceworker.EventWorkerVersionUpdated:
			for _, v := range ev.Versions {
				w.status[v.VersionID] = v.Status
			}
		case *serviceworker.EventWorkerErrorReported:
			w.errors = append(w.errors, ev.ErrorMessage.ErrorMessage)
		}
	})
	require.NoError(t, chromedp.Run(b.Ctx, serviceworker.Enable()))
	return w
}

func (w *workerWatch) versions() []string {
	w.mu.Lock()
	defer w.mu.Unlock()
	var ids []string
	for id := range w.status {
		ids = append(ids, id)
	}
	return ids
}

func (w *workerWatch) errorList() []string {
	w.mu.Lock()
	defer w.mu.Unlock()
	return append([]string(nil), w.errors...)
}

// waitNew waits until a version not in known has finished installing,
// and returns how: installed, or redundant if its install failed.
func (w *workerWatch) waitNew(t *testing.T, known []string, timeout time.Duration) serviceworker.VersionStatus {
	t.Helper()
	deadline := time.Now().Add(timeout)
	for {
		w.mu.Lock()
		for id, s := range w.status {
			switch s {
			case serviceworker.VersionStatusInstalled, serviceworker.VersionStatusActivating,
				serviceworker.VersionStatusActivated, serviceworker.VersionStatusRedundant:
				if !slices.Contains(known, id) {
					w.mu.Unlock()
					return s
				}
			}
		}
		seen := fmt.Sprint(w.status)
		w.mu.Unlock()
		if time.Now().After(deadline) {
			t.Fatalf("after %v no new service worker version has finished installing: %s", timeout, seen)
		}
		time.Sleep(50 * time.Millisecond)
	}
}
