package browsertest

import (
	"bytes"
	"context"
	"fmt"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/require"

	"callprivacy/internal/preview"
)

// previewWait is how long a save may take to show: a poll of the files
// (300 ms), a rebuild (under a second here) and the page's own poll.
const previewWait = 30 * time.Second

// TestPreviewShowsEditsByItself is the therapist's loop: with the preview
// open on a page, saving a Markdown file shows the new text without
// touching the browser; a mistake shows in the page, with its file and
// line, over the last version that worked; fixing it brings the page
// back. No offline copy is kept, and the site's policy holds throughout.
func TestPreviewShowsEditsByItself(t *testing.T) {
	mod, err := ModuleDir()
	require.NoError(t, err)
	tmp := t.TempDir()
	contentDir, webDir := filepath.Join(tmp, "content"), filepath.Join(tmp, "web")
	require.NoError(t, os.CopyFS(contentDir, os.DirFS(filepath.Join(mod, "content"))))
	require.NoError(t, os.CopyFS(webDir, os.DirFS(filepath.Join(mod, "web"))))
	log := &lockedBuffer{}
	p, err := preview.Start(preview.Config{ContentDir: contentDir, WebDir: webDir, ModuleDir: mod, Out: filepath.Join(tmp, "preview"), Log: log})
	require.NoError(t, err)
	t.Cleanup(p.Close)
	srv := httptest.NewServer(p.Handler())
	t.Cleanup(srv.Close)

	b := NewBrowser(t)
	require.NoError(t, chromedp.Run(b.Ctx, chromedp.ActionFunc(func(ctx context.Context) error {
		_, err := page.AddScriptToEvaluateOnNewDocument(`window.cspViolations = [];
			document.addEventListener("securitypolicyviolation", e => cspViolations.push(e.violatedDirective + " " + e.blockedURI));`).Do(ctx)
		return err
	})))
	require.NoError(t, b.Navigate(srv.URL+"/how-i-work"))
	require.NoError(t, b.WaitReady(appStart))
	const before = "I think of it as a boundary, like the closed door of a consulting room."
	require.NoError(t, b.WaitContains("main", before, previewWait))

	file := filepath.Join(contentDir, "how-i-work.md")
	edit := func(old, new string) {
		t.Helper()
		src, err := os.ReadFile(file)
		require.NoError(t, err)
		require.Contains(t, string(src), old)
		require.NoError(t, os.WriteFile(file, []byte(strings.Replace(string(src), old, new, 1)), 0o644))
	}

	// An edit shows by itself.
	edit(before, "It is a boundary I hold, like the closed door of my room.")
	require.NoError(t, b.WaitContains("main", "It is a boundary I hold, like the closed door of my room.", previewWait))

	// A mistake shows in the page, at its file and line, over the last
	// version that worked, and on the terminal.
	src, err := os.ReadFile(file)
	require.NoError(t, err)
	line := bytes.Count(src[:bytes.Index(src, []byte("It is a boundary I hold"))], []byte("\n")) + 1
	edit("of my room.", "of my room. See [the notes](/no-such-page).")
	want := fmt.Sprintf("%s:%d: link to /no-such-page: no such page", file, line)
	require.NoError(t, b.WaitContains(".callprivacy-preview-problems", want, previewWait))
	require.NoError(t, b.WaitContains("main", "It is a boundary I hold, like the closed door of my room.", previewWait))
	require.Contains(t, log.String(), want)

	// Fixed, the page recovers by itself.
	edit("See [the notes](/no-such-page).", "See [the notes](/metadata).")
	require.NoError(t, b.WaitContains("main", "See the notes.", previewWait))
	var problemsShown bool
	require.NoError(t, b.Eval(`document.querySelector(".callprivacy-preview-problems") !== null`, &problemsShown))
	require.False(t, problemsShown, "the problems are gone once fixed")
	require.Contains(t, log.String(), "no problems left")

	// No offline copy: nothing a service worker could answer with later.
	caches, err := b.Caches()
	require.NoError(t, err)
	require.Empty(t, caches)
	var violations []string
	require.NoError(t, b.Eval(`window.cspViolations || []`, &violations))
	require.Empty(t, violations)
	require.Empty(t, b.Problems())
	requireSameOrigin(t, srv.URL, b.Requests())
}

// TestPreviewIsNotHiddenByAnOfflineCopy opens the preview where the built
// site was served before, on the same address (say `serve` on a port the
// preview then took), so that the site's service worker and its offline
// copy are in the browser: that copy must not answer for the preview. The
// preview's own worker takes over, deletes the copy and reloads the page.
func TestPreviewIsNotHiddenByAnOfflineCopy(t *testing.T) {
	mod, err := ModuleDir()
	require.NoError(t, err)
	tmp := t.TempDir()
	contentDir, webDir := filepath.Join(tmp, "content"), filepath.Join(tmp, "web")
	require.NoError(t, os.CopyFS(contentDir, os.DirFS(filepath.Join(mod, "content"))))
	require.NoError(t, os.CopyFS(webDir, os.DirFS(filepath.Join(mod, "web"))))
	const before, after = "I think of it as a boundary, like the closed door of a consulting room.", "Edited for the preview."
	file := filepath.Join(contentDir, "how-i-work.md")
	src, err := os.ReadFile(file)
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(file, bytes.Replace(src, []byte(before), []byte(after), 1), 0o644))
	p, err := preview.Start(preview.Config{ContentDir: contentDir, WebDir: webDir, ModuleDir: mod, Out: filepath.Join(tmp, "preview")})
	require.NoError(t, err)
	t.Cleanup(p.Close)

	host := StartHost(t, built.root.Dir, "")
	b := NewBrowser(t)
	require.NoError(t, b.Navigate(host.Origin+"/how-i-work"))
	require.NoError(t, b.WaitReady(appStart))
	require.NoError(t, b.WaitForWorker(appStart))
	caches, err := b.Caches()
	require.NoError(t, err)
	require.NotEmpty(t, caches, "the site's offline copy is there")

	host.Serve(p.Handler())
	require.NoError(t, b.Navigate(host.Origin+"/how-i-work"))
	require.NoError(t, b.WaitContains("main", after, previewWait))
	require.NoError(t, b.poll(previewWait, func() (bool, error) {
		caches, err = b.Caches()
		return len(caches) == 0, err
	}, func() string { return fmt.Sprintf("the offline copy is still there: %q", caches) }))
}

// lockedBuffer is the preview's terminal: written by its watcher, read by
// the test.
type lockedBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *lockedBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *lockedBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}
