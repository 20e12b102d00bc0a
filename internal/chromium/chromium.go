// Package chromium finds and starts headless Chromium the one way the
// browser tests and the bench both use: the same flags, a fresh profile
// per browser, and no request that can leave this machine.
//
// It does not import testing, so that cmd/bench, a program, can use it.
package chromium

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"strings"
	"time"

	"github.com/chromedp/chromedp"
)

// Flags are the command-line flags every browser starts with, besides a
// fresh --user-data-dir and its window size; the bench lists them in its
// report.
var Flags = []string{
	"--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
	"--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
	"--no-default-browser-check",
	// Any host but this machine's loopback fails to resolve: a request to
	// another origin cannot succeed quietly, even from the service worker,
	// nor slow a measurement down.
	"--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
}

// Find returns the path of the browser: $CHROMIUM, else chromium or
// chromium-browser on PATH. There is no fallback: a missing browser is an
// error that says what to install.
func Find() (string, error) {
	if p := os.Getenv("CHROMIUM"); p != "" {
		return p, nil
	}
	for _, name := range []string{"chromium", "chromium-browser"} {
		if p, err := exec.LookPath(name); err == nil {
			return p, nil
		}
	}
	return "", errors.New("the browser tests and the bench need Chromium: on Debian run `apt-get install chromium` (make test and make bench do this when they can), or set CHROMIUM=/path/to/chromium")
}

// Version asks the browser at path for its version.
func Version(path string) string {
	out, err := exec.Command(path, "--version").Output()
	if err != nil {
		return "unknown (" + err.Error() + ")"
	}
	return strings.TrimSpace(strings.SplitN(string(out), "\n", 2)[0])
}

// NewProfile makes a fresh, empty profile folder: a browser started with
// it has no service worker, cache or storage from an earlier run.
func NewProfile() (string, error) {
	dir, err := os.MkdirTemp("", "callprivacy-chromium-")
	if err != nil {
		return "", fmt.Errorf("making a Chromium profile: %w", err)
	}
	return dir, nil
}

// RemoveProfile deletes a profile folder, again if a last write of an
// exiting browser process brings part of it back.
func RemoveProfile(dir string) {
	for range 20 {
		_ = os.RemoveAll(dir)
		if _, err := os.Stat(dir); errors.Is(err, fs.ErrNotExist) {
			return
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// Options are the allocator options for the browser at path with the
// given profile and window size.
func Options(path, profile string, width, height int) []chromedp.ExecAllocatorOption {
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(path),
		chromedp.UserDataDir(profile),
		chromedp.WindowSize(width, height),
	}
	for _, f := range Flags {
		name, value, ok := strings.Cut(strings.TrimPrefix(f, "--"), "=")
		if ok {
			opts = append(opts, chromedp.Flag(name, value))
		} else {
			opts = append(opts, chromedp.Flag(name, true))
		}
	}
	return opts
}
