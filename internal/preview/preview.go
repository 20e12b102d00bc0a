// Package preview is the therapist's live preview: it builds the site from
// the content folder, serves it on loopback, rebuilds it whenever a file in
// content/ or web/ is saved, and makes the open page reload itself, or show
// what is wrong (file:line, in plain words) over the last version that
// built.
//
// It never writes to dist/: its builds go to a folder of its own, so a
// preview never replaces a build made for uploading.
package preview

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sync"
	"time"

	"callprivacy/internal/content"
	"callprivacy/internal/staticsite"
)

// Config says what to preview and where to build it.
type Config struct {
	// ContentDir is the content folder, named as its problems should name
	// it ("content").
	ContentDir string
	// WebDir holds the site's stylesheet, script and icons.
	WebDir string
	// ModuleDir is the root of the callprivacy module: the app is compiled
	// from it, and its wasm_exec/ is shipped.
	ModuleDir string
	// Out is the preview's own folder; it holds app.wasm and two builds
	// (the one being served and the next). Never dist/.
	Out string
	// Log hears what happens: compiling, rebuilt and why, problems.
	Log io.Writer
	// Interval is how often files are checked for changes; 0 is 300 ms.
	Interval time.Duration
}

// Preview is a running preview. Its Handler serves the last build that
// worked.
type Preview struct {
	cfg  Config
	wasm string

	mu sync.Mutex
	// version counts the builds that worked; the open page reloads when it
	// changes. 0 means none has yet.
	version int
	// dir holds the build being served, "" before the first.
	dir string
	// problems are what stopped the last build, if it failed.
	problems []string
	// next is the folder the next build goes to (0 or 1), never the one
	// being served.
	next int

	stop, stopped chan struct{}
}

// Start compiles the app once (saying so on cfg.Log if it takes long),
// builds the site and watches for changes until Close. A content mistake
// does not stop it: the preview shows the problems until they are fixed.
func Start(cfg Config) (*Preview, error) {
	if cfg.Interval == 0 {
		cfg.Interval = 300 * time.Millisecond
	}
	if cfg.Log == nil {
		cfg.Log = io.Discard
	}
	if err := os.MkdirAll(cfg.Out, 0o755); err != nil {
		return nil, err
	}
	p := &Preview{cfg: cfg, wasm: filepath.Join(cfg.Out, "app.wasm"), stop: make(chan struct{}), stopped: make(chan struct{})}
	// The app does not depend on the content: compiled once here, it is
	// copied into every build (see staticsite.Options.Wasm).
	if err := staticsite.BuildWasm("", cfg.ModuleDir, p.wasm, cfg.Log); err != nil {
		return nil, err
	}
	seen := scan(cfg.ContentDir, cfg.WebDir)
	p.build(nil)
	go p.watch(seen)
	return p, nil
}

// Close stops watching for changes. The handler keeps serving the last
// build.
func (p *Preview) Close() {
	select {
	case <-p.stop:
	default:
		close(p.stop)
	}
	<-p.stopped
}

// watch rebuilds whenever a file changes, until Close.
func (p *Preview) watch(seen snapshot) {
	defer close(p.stopped)
	tick := time.NewTicker(p.cfg.Interval)
	defer tick.Stop()
	for {
		select {
		case <-p.stop:
			return
		case <-tick.C:
		}
		now := scan(p.cfg.ContentDir, p.cfg.WebDir)
		if changes := now.changes(seen); len(changes) > 0 {
			seen = now
			p.build(changes)
		}
	}
}

// build builds the site into the folder not being served and, if it
// works, serves it from then on. changes are what made it rebuild (nil for
// the first build).
func (p *Preview) build(changes []string) {
	start := time.Now()
	p.mu.Lock()
	out := filepath.Join(p.cfg.Out, fmt.Sprint(p.next))
	hadProblems := len(p.problems) > 0
	p.mu.Unlock()

	problems := p.buildInto(out)
	took := time.Since(start).Seconds()
	why := "Built the preview"
	if changes != nil {
		why = "Rebuilt: " + summarise(changes)
	}

	p.mu.Lock()
	defer p.mu.Unlock()
	p.problems = problems
	if len(problems) > 0 {
		what := "Could not build the preview"
		if changes != nil {
			what = "Not rebuilt: " + summarise(changes)
		}
		fmt.Fprintf(p.cfg.Log, "%s. %d problem(s) to fix:\n", what, len(problems))
		for _, pr := range problems {
			fmt.Fprintln(p.cfg.Log, "  "+pr)
		}
		if p.dir != "" {
			fmt.Fprintln(p.cfg.Log, "The browser shows them too, over the last version that worked.")
		} else {
			fmt.Fprintln(p.cfg.Log, "The browser shows them too, until they are fixed.")
		}
		return
	}
	p.dir, p.next, p.version = out, 1-p.next, p.version+1
	fixed := ""
	if hadProblems {
		fixed = ": no problems left"
	}
	fmt.Fprintf(p.cfg.Log, "%s (%.1f s)%s\n", why, took, fixed)
}

// buildInto loads the content and builds it into out, returning every
// problem in plain words; none means it worked.
func (p *Preview) buildInto(out string) []string {
	s, err := content.Load(os.DirFS(p.cfg.ContentDir), p.cfg.ContentDir)
	var ps content.Problems
	if errors.As(err, &ps) {
		lines := make([]string, len(ps))
		for i, pr := range ps {
			lines[i] = pr.String()
		}
		return lines
	}
	if err != nil {
		return []string{err.Error()}
	}
	o := staticsite.ModuleOptions(p.cfg.ModuleDir, out, "/")
	o.WebDir = p.cfg.WebDir
	o.Wasm = p.wasm
	o.Uncompressed = true
	if _, err := staticsite.Build(s, o); err != nil {
		return []string{err.Error()}
	}
	return nil
}

// state is what a request is answered from.
func (p *Preview) state() (dir string, version int, problems []string) {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.dir, p.version, p.problems
}
