package staticsite

import (
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// checkWebDir refuses a web/ folder holding anything that must not be
// published: see [publishable]. It runs before the build writes anything,
// so a refusal leaves the previous build in place.
func checkWebDir(dir string) error {
	return filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		return publishable(dir, p, d)
	})
}

// publishable says why p, an entry of the web/ folder dir, may not be
// copied into the site, or nil if it may.
//
// Everything in web/ is published to the world. A file whose name starts
// with a dot is almost never meant to be (notes, .git with every draft's
// history, .env, an editor's backup, .DS_Store), and a symbolic link can
// point anywhere on the therapist's computer, so the build refuses both
// rather than guess. Anything that is neither a folder nor a plain file (a
// pipe, a device) is refused too.
func publishable(dir, p string, d fs.DirEntry) error {
	if p == dir {
		return nil
	}
	switch {
	case strings.HasPrefix(d.Name(), "."):
		return fmt.Errorf("%s: its name starts with a dot, and such files are never published (they are usually private: notes, .git, .env); move it out of %s", p, dir)
	case d.Type()&fs.ModeSymlink != 0:
		return fmt.Errorf("%s is a symbolic link, and the build copies only plain files and folders (a link can publish a file from anywhere on this computer); put the file itself there", p)
	case !d.IsDir() && !d.Type().IsRegular():
		return fmt.Errorf("%s is not a plain file, and the build copies only plain files and folders", p)
	}
	return nil
}

// copyDir copies the web/ folder src into dst, refusing what
// [publishable] refuses.
func copyDir(src, dst string) error {
	return filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if err := publishable(src, p, d); err != nil {
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
		in, err := os.Open(p)
		if err != nil {
			return err
		}
		defer in.Close()
		outf, err := os.Create(target)
		if err != nil {
			return err
		}
		if _, err := io.Copy(outf, in); err != nil {
			outf.Close()
			return err
		}
		return outf.Close()
	})
}
