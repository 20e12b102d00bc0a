//go:build !wasm

package bench

import (
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
)

var (
	// scriptLine is a script element alone on its line(s), with the line.
	scriptLine = regexp.MustCompile(`(?ims)^[ \t]*<script\b[^>]*>.*?</script\s*>[ \t]*\r?\n`)
	// scriptElement is any other script element.
	scriptElement = regexp.MustCompile(`(?is)<script\b[^>]*>.*?</script\s*>`)
)

// StripScripts removes every <script …></script> element from an HTML
// page, and the line it stood on when it stood alone. It returns the page
// and how many elements it removed.
func StripScripts(html []byte) ([]byte, int) {
	n := len(scriptLine.FindAllIndex(html, -1))
	html = scriptLine.ReplaceAll(html, nil)
	n += len(scriptElement.FindAllIndex(html, -1))
	return scriptElement.ReplaceAll(html, nil), n
}

// CopyStripped copies the built site in src to dst with every script
// element removed from every .html file: the same pages with no app at
// all. Precompressed copies of the pages (.html.gz, .html.br) are written
// again from the stripped page, so that a host serving them serves the
// stripped page too. It returns how many script elements it removed.
func CopyStripped(src, dst string) (int, error) {
	removed := 0
	err := filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(src, p)
		if err != nil {
			return err
		}
		target := filepath.Join(dst, rel)
		if d.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		if strings.HasSuffix(p, ".html.gz") || strings.HasSuffix(p, ".html.br") {
			return nil // rewritten with their page below
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		if !strings.HasSuffix(p, ".html") {
			return os.WriteFile(target, b, 0o644)
		}
		b, n := StripScripts(b)
		removed += n
		if err := os.WriteFile(target, b, 0o644); err != nil {
			return err
		}
		for _, enc := range []string{".gz", ".br"} {
			if _, err := os.Stat(p + enc); err == nil {
				if err := compressFile(target, enc); err != nil {
					return err
				}
			}
		}
		return nil
	})
	return removed, err
}
