package preview

import (
	"fmt"
	"io/fs"
	"path/filepath"
	"slices"
	"strings"
	"time"
)

// stamp is what tells a file changed without reading it: saving a file
// changes its modification time, and usually its size.
type stamp struct {
	mod  time.Time
	size int64
}

// snapshot maps every file under the watched folders to its stamp.
type snapshot map[string]stamp

// scan stamps every file under dirs. A folder that cannot be read (say
// while an editor replaces a file) leaves its files out: the next scan
// sees them again, as a change.
//
// Polling costs a few hundred stat calls every 300 ms for this site, and
// needs no dependency and no operating-system watcher, which some editors
// (those that save by renaming) and network folders defeat anyway.
func scan(dirs ...string) snapshot {
	s := snapshot{}
	for _, dir := range dirs {
		_ = filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return nil
			}
			if info, err := d.Info(); err == nil {
				s[p] = stamp{mod: info.ModTime(), size: info.Size()}
			}
			return nil
		})
	}
	return s
}

// changes lists, sorted, the files added, changed or removed between old
// and s, each as "<file> changed" (or added, removed).
func (s snapshot) changes(old snapshot) []string {
	var out []string
	for p, st := range s {
		was, ok := old[p]
		switch {
		case !ok:
			out = append(out, p+" added")
		case was != st:
			out = append(out, p+" changed")
		}
	}
	for p := range old {
		if _, ok := s[p]; !ok {
			out = append(out, p+" removed")
		}
	}
	slices.Sort(out)
	return out
}

// summarise says what changed in one short line: up to three files, then
// how many more.
func summarise(changes []string) string {
	if len(changes) <= 3 {
		return strings.Join(changes, ", ")
	}
	return fmt.Sprintf("%s and %d more files", strings.Join(changes[:3], ", "), len(changes)-3)
}
