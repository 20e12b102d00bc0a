package staticsite

import (
	"bytes"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
)

// The service worker checks every file it precaches against the hash the
// build embeds in it, so that a host that answers with another version's
// file (an upload still under way, a stale cache in front of the host)
// makes the install fail instead of storing a mix of versions. These are
// the places in app-worker.js that embedIntegrity fills in.
const (
	// integrityMark becomes a JSON object: precached address →
	// "sha256-<base64>" of the file's bytes.
	integrityMark = "__PRECACHE_INTEGRITY__"
	// precacheIDMark becomes a short hash of that object, which names the
	// worker's cache. Two builds of the same content are byte-identical
	// (sortPageAttributes), but a worker whose files differ in any way
	// must still have a cache of its own, or it would write into, and on
	// a failed install delete, the cache the running one answers from.
	precacheIDMark = "__PRECACHE_ID__"
)

// resourcesLine is where app-worker.js lists what it precaches, as go-app
// fills in {{.ResourcesToCache}}: a JSON array of addresses.
var resourcesLine = regexp.MustCompile(`(?m)^const resources = (\[.*\]);$`)

// embedIntegrity writes into dir's app-worker.js the hash of every file it
// precaches and the name of its cache. It runs once every page and file is
// final, and before anything is compressed: the hashes are of the bytes a
// browser sees once it has decoded a .br or .gz answer.
func embedIntegrity(dir, base string) error {
	file := filepath.Join(dir, "app-worker.js")
	b, err := os.ReadFile(file)
	if err != nil {
		return err
	}
	m := resourcesLine.FindSubmatch(b)
	if m == nil {
		return fmt.Errorf("%s: no list of precached files where the template has it; update embedIntegrity in internal/staticsite", file)
	}
	var urls []string
	if err := json.Unmarshal(m[1], &urls); err != nil {
		return fmt.Errorf("%s: reading the list of precached files: %w", file, err)
	}
	sums, err := integrity(dir, base, urls)
	if err != nil {
		return err
	}
	// Marshalled with sorted keys: the same files give the same worker.
	j, err := json.Marshal(sums)
	if err != nil {
		return err
	}
	id := sha256.Sum256(j)
	for _, mark := range []string{integrityMark, precacheIDMark} {
		if n := bytes.Count(b, []byte(mark)); n != 1 {
			return fmt.Errorf("%s: %s appears %d times, not once; update embedIntegrity in internal/staticsite", file, mark, n)
		}
	}
	b = bytes.Replace(b, []byte(integrityMark), j, 1)
	b = bytes.Replace(b, []byte(precacheIDMark), []byte(hex.EncodeToString(id[:])[:16]), 1)
	return os.WriteFile(file, b, 0o644)
}

// integrity maps each address in urls to "sha256-<base64>" (the form of
// Subresource Integrity) of the file of dir a static host answers it with,
// the site being hosted under base. An address no file answers is an
// error: the worker could never install.
func integrity(dir, base string, urls []string) (map[string]string, error) {
	root, err := os.OpenRoot(dir)
	if err != nil {
		return nil, err
	}
	defer root.Close()
	sums := make(map[string]string, len(urls))
	for _, u := range urls {
		if !strings.HasPrefix(u, "/") || strings.HasPrefix(u, "//") || strings.ContainsAny(u, "?#") {
			return nil, fmt.Errorf("the service worker precaches %q, which is not a file of this site", u)
		}
		name, ok := locate(root, base, u)
		if !ok {
			return nil, fmt.Errorf("the service worker precaches %s, but no file of %s answers it", u, dir)
		}
		f, _, ok := openPlain(root, strings.TrimPrefix(name, "/"))
		if !ok {
			return nil, fmt.Errorf("the service worker precaches %s, but %s cannot be read", u, name)
		}
		h := sha256.New()
		_, err := f.WriteTo(h)
		f.Close()
		if err != nil {
			return nil, fmt.Errorf("hashing %s: %w", name, err)
		}
		sums[u] = "sha256-" + base64.StdEncoding.EncodeToString(h.Sum(nil))
	}
	return sums, nil
}
