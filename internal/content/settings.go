package content

import (
	"io/fs"
	"net/url"
	"regexp"
	"strings"

	"callprivacy/internal/markdown"
	"callprivacy/internal/site"
)

// settingsMeta is site.yaml.
type settingsMeta struct {
	Practice   string   `yaml:"practice"`
	Contact    string   `yaml:"contact"`
	PolicyDate string   `yaml:"policy_date"`
	Language   string   `yaml:"language"`
	Offered    []string `yaml:"offered"`
	QuickExit  string   `yaml:"quick_exit"`

	// The site's own address (see address.go).
	URL string `yaml:"url"`
}

var langTag = regexp.MustCompile(`^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$`)

// settings reads site.yaml into st.
func (l *loader) settings(st *site.Settings) (yamlDoc, bool) {
	file := site.SettingsFile
	src, err := fs.ReadFile(l.fsys, file)
	if err != nil {
		l.problem(file, 0, "missing: the practice's settings (practice, contact, policy_date, language, offered) belong here")
		return yamlDoc{}, false
	}
	var m settingsMeta
	doc, ps := decodeStrict(src, 1, &m)
	for _, p := range ps {
		l.problem(file, p.line, "%s", p.msg)
	}
	if len(ps) > 0 {
		return doc, false
	}
	required := []struct{ key, val string }{
		{"practice", m.Practice}, {"contact", m.Contact}, {"policy_date", m.PolicyDate}, {"language", m.Language},
	}
	for _, r := range required {
		if strings.TrimSpace(r.val) == "" {
			l.problem(file, doc.line(r.key), "missing required field %q", r.key)
		}
	}
	if m.PolicyDate != "" && !validDate(m.PolicyDate) {
		l.problem(file, doc.line("policy_date"), "policy_date %q is not a date: write it as YYYY-MM-DD", m.PolicyDate)
	}
	if m.Language != "" && !langTag.MatchString(m.Language) {
		l.problem(file, doc.line("language"), "language %q is not a language tag such as en-GB", m.Language)
	}
	if len(m.Offered) == 0 {
		l.problem(file, doc.line("offered"), "offered must list at least one platform the practice uses, e.g. offered: [jitsi]")
	}
	if m.QuickExit == "" {
		l.problem(file, doc.line(), "missing required field \"quick_exit\": the neutral page \"Leave this site\" opens, such as a weather page")
	} else if u, err := url.Parse(m.QuickExit); err != nil || u.Scheme != "https" || u.Host == "" {
		l.problem(file, doc.line("quick_exit"), "quick_exit %q must be a full https address of a neutral site, such as a weather page", m.QuickExit)
	} else if strings.ContainsFunc(m.QuickExit, notInAddress) {
		// Go's parser lets these through; a browser would not type them.
		l.problem(file, doc.line("quick_exit"), "quick_exit %q holds a space, quote or bracket that an address cannot have: copy the address from the browser's address bar", m.QuickExit)
	}
	contact := markdown.Render([]byte(m.Contact), doc.line("contact"), l.codeLabel)
	for _, p := range contact.Problems {
		l.problem(file, p.Line, "contact: %s", p.Msg)
	}
	if len(contact.Links) > 0 {
		l.problem(file, doc.line("contact"), "contact: link to a person's address (mailto:, tel:, https:), not to a page of this site")
	}
	*st = site.Settings{
		Practice:    m.Practice,
		ContactHTML: contact.HTML,
		PolicyDate:  m.PolicyDate,
		Language:    m.Language,
		Offered:     m.Offered,
		QuickExit:   m.QuickExit,
		URL:         l.siteURL(m.URL, doc.line("url")),
	}
	return doc, true
}

// notInAddress reports the characters a web address never holds as they
// are (RFC 3986: they must be percent-encoded).
func notInAddress(r rune) bool {
	return r <= ' ' || r == 0x7f || strings.ContainsRune("\"<>\\^`{|}", r)
}
