package staticsite

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// plainFile returns the information of name, a slash-separated path
// relative to root, when it is a regular file reached through plain
// folders only: no element of it may be a symbolic link or start with a
// dot.
//
// The output folder is served as it is on disk, and a careless deploy can
// leave anything in it: a .env or a .git folder (secrets, the history of
// every draft), or a symbolic link to a file elsewhere, even to "/". The
// build never writes a dotfile or a link, so none is ever a page of the
// site. os.Root already keeps every open inside root; refusing links
// altogether also stops one inside the folder from exposing a dotfile
// under an innocent name.
func plainFile(root *os.Root, name string) (fs.FileInfo, bool) {
	if !fs.ValidPath(name) || name == "." {
		return nil, false
	}
	parts := strings.Split(name, "/")
	for i, part := range parts {
		if strings.HasPrefix(part, ".") {
			return nil, false
		}
		fi, err := root.Lstat(filepath.FromSlash(strings.Join(parts[:i+1], "/")))
		if err != nil {
			return nil, false
		}
		if i < len(parts)-1 {
			// A link to a folder is not a folder to Lstat.
			if !fi.IsDir() {
				return nil, false
			}
			continue
		}
		if !fi.Mode().IsRegular() {
			return nil, false
		}
		return fi, true
	}
	return nil, false
}

// openPlain opens name if [plainFile] allows it, and only if what was
// opened is still the file that was checked (not swapped for a link in
// between).
func openPlain(root *os.Root, name string) (*os.File, fs.FileInfo, bool) {
	checked, ok := plainFile(root, name)
	if !ok {
		return nil, nil, false
	}
	f, err := root.Open(filepath.FromSlash(name))
	if err != nil {
		return nil, nil, false
	}
	fi, err := f.Stat()
	if err != nil || !fi.Mode().IsRegular() || !os.SameFile(checked, fi) {
		f.Close()
		return nil, nil, false
	}
	return f, fi, true
}
