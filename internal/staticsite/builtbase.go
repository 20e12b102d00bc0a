package staticsite

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// BuiltBase reports the base path the build in dir was made for ("" for
// the root of a domain, "/privacy" for a sub-path), read from the scope of
// its web manifest, which every build writes (fixManifestScope). ok is
// false when dir holds no build.
//
// `serve` uses it not to replace a build made for another base path with
// its own, and `serve -dir` to serve a build as it was made.
func BuiltBase(dir string) (base string, ok bool, err error) {
	b, err := os.ReadFile(filepath.Join(dir, "manifest.webmanifest"))
	if errors.Is(err, fs.ErrNotExist) {
		return "", false, nil
	}
	if err != nil {
		return "", false, err
	}
	if _, err := os.Stat(filepath.Join(dir, "app-worker.js")); err != nil {
		return "", false, nil
	}
	var m struct {
		Scope string `json:"scope"`
	}
	if err := json.Unmarshal(b, &m); err != nil || !strings.HasPrefix(m.Scope, "/") {
		return "", false, fmt.Errorf("%s: its web manifest has no scope; build it again", dir)
	}
	return strings.TrimSuffix(m.Scope, "/"), true, nil
}

// ShowBase writes a base path as the -base flag takes it: "/" or "/privacy/".
func ShowBase(base string) string { return base + "/" }
