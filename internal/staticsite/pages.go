package staticsite

import (
	"os"
	"path/filepath"
	"strings"
)

// walkPages rewrites every prerendered page under dir with fix, which is
// given the page's file, its route and its bytes.
func walkPages(dir string, fix func(file, route string, b []byte) ([]byte, error)) error {
	return filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".html") {
			return err
		}
		rel, err := filepath.Rel(dir, path)
		if err != nil {
			return err
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		out, err := fix(path, pageRoute(rel), b)
		if err != nil {
			return err
		}
		return os.WriteFile(path, out, 0o644)
	})
}

// pageRoute is the route of a prerendered page file, relative to the
// site's folder: "index.html" is "/", "platforms/jitsi.html"
// "/platforms/jitsi".
func pageRoute(rel string) string {
	route := "/" + strings.TrimSuffix(filepath.ToSlash(rel), ".html")
	if route == "/index" {
		return "/"
	}
	return route
}
