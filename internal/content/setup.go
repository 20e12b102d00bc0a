package content

import (
	"fmt"
	"regexp"
	"sort"
	"strings"
	"time"
)

// setupMeta is site.yaml's setup section: what the pages say about the
// practice's own server and devices, each item with the date the
// therapist last confirmed it. Pages quote an item as {setup:key}, so a
// claim about the practice's setup is written once, where the therapist
// confirms it, and never drifts from what the server really does.
type setupMeta struct {
	// Example marks the values shipped with callprivacy: plausible, but
	// not any real practice's. check reminds the therapist while it is set.
	Example bool                 `yaml:"example"`
	Items   map[string]setupItem `yaml:"items"`
}

type setupItem struct {
	Says      string `yaml:"says"`
	Confirmed string `yaml:"confirmed"`
}

// How old a confirmation or a platform review may get before check
// reminds the therapist to look again.
const (
	setupFresh  = 12 // months
	reviewFresh = 6  // months
)

var (
	setupRef = regexp.MustCompile(`\{setup:([^{}]*)\}`)
	setupKey = regexp.MustCompile(`^[a-z][a-z0-9_]*$`)
)

// setup checks site.yaml's setup section and keeps its items for the
// pages to quote.
func (l *loader) setup(file string, doc yamlDoc, m setupMeta) {
	l.setupItems = map[string]string{}
	l.setupUsed = map[string]bool{}
	l.setupLines = map[string]int{}
	l.settingsFile = file
	// A practice with no server of its own may have nothing to list.
	keys := make([]string, 0, len(m.Items))
	for k := range m.Items {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var old []string
	for _, k := range keys {
		it := m.Items[k]
		line := doc.line("setup", "items", k)
		switch {
		case !setupKey.MatchString(k):
			l.problem(file, line, "setup.items: %q is not a usable name: use lower-case letters, digits and _", k)
		case strings.TrimSpace(it.Says) == "":
			l.problem(file, line, "setup.items.%s: missing \"says\": the sentence the pages show", k)
		case strings.ContainsAny(it.Says, "{}"):
			l.problem(file, doc.line("setup", "items", k, "says"), "setup.items.%s: says is plain sentences, without { or }", k)
		case it.Confirmed == "":
			l.problem(file, line, "setup.items.%s: not confirmed: check it against your server or devices, then add confirmed: YYYY-MM-DD", k)
		case !validDate(it.Confirmed):
			l.problem(file, doc.line("setup", "items", k, "confirmed"), "setup.items.%s: confirmed %q is not a date: write it as YYYY-MM-DD", k, it.Confirmed)
		case stale(it.Confirmed, setupFresh, l.now):
			old = append(old, fmt.Sprintf("%s (confirmed %s)", k, it.Confirmed))
		}
		l.setupItems[k] = strings.Join(strings.Fields(it.Says), " ")
		l.setupLines[k] = line
	}
	if len(old) > 0 {
		l.warn(file, doc.line("setup"), "setup: confirmed more than %d months ago, so check again that these are still true: %s", setupFresh, strings.Join(old, ", "))
	}
	if m.Example {
		l.warn(file, doc.line("setup", "example"), "setup: these are the example values shipped with callprivacy; check each item against your own server, rewrite it, confirm it, then set example: false")
	}
}

// expandSetup replaces every {setup:key} in text, which starts on line
// first of file, with the item's words. In Markdown (markdown true) the
// words are escaped, so that they read as written: an item is plain
// sentences, and a < or * in it must not become markup.
func (l *loader) expandSetup(file string, first int, text string, markdown bool) string {
	var b strings.Builder
	last := 0
	for _, m := range setupRef.FindAllStringSubmatchIndex(text, -1) {
		key := text[m[2]:m[3]]
		line := first + strings.Count(text[:m[0]], "\n")
		b.WriteString(text[last:m[0]])
		last = m[1]
		says, ok := l.setupItems[key]
		if !ok {
			if l.setupItems != nil { // else site.yaml had a problem of its own
				l.problem(file, line, "{setup:%s}: no such item under setup in %s (items: %s)", key, l.settingsFile, l.setupList())
			}
			continue
		}
		l.setupUsed[key] = true
		if markdown {
			says = escapeMarkdown(says)
		}
		b.WriteString(says)
	}
	b.WriteString(text[last:])
	return b.String()
}

// checkSetupUsed reports items no page quotes: a claim nobody reads is
// one nobody will keep true.
func (l *loader) checkSetupUsed() {
	for k, line := range l.setupLines {
		if !l.setupUsed[k] {
			l.problem(l.settingsFile, line, "setup.items.%s: no page quotes it: quote it with {setup:%s}, or remove it", k, k)
		}
	}
}

func (l *loader) setupList() string {
	keys := make([]string, 0, len(l.setupItems))
	for k := range l.setupItems {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return strings.Join(keys, ", ")
}

// stale reports whether a YYYY-MM-DD date is more than months before now.
func stale(date string, months int, now time.Time) bool {
	d, err := parseDate(date)
	return err == nil && d.AddDate(0, months, 0).Before(now)
}

// escapeMarkdown puts a backslash before every ASCII punctuation mark but
// quotes, which CommonMark then shows as itself.
func escapeMarkdown(s string) string {
	var b strings.Builder
	for _, r := range s {
		// Quotes make no markup outside a link, and escaped they would
		// escape the typographer's curly quotes too.
		if r < 128 && strings.ContainsRune("!#$%&()*+,-./:;<=>?@[\\]^_`{|}~", r) {
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	return b.String()
}
