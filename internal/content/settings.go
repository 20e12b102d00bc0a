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
	// The installed app's name under its icon and its colours; optional.
	ShortName       string    `yaml:"short_name"`
	ThemeColor      string    `yaml:"theme_color"`
	BackgroundColor string    `yaml:"background_color"`
	Setup           setupMeta `yaml:"setup"`

	// The site's own address (see address.go).
	URL string `yaml:"url"`
}

// The installed app's colours when site.yaml names none: the site's accent
// (its title bar) and its light background (the splash screen).
const (
	defaultThemeColor      = "#1d5c63"
	defaultBackgroundColor = "#ffffff"
)

// hexColor is the one colour notation every browser's manifest reader and
// the theme-color meta tag accept alike.
var hexColor = regexp.MustCompile(`^#[0-9a-fA-F]{6}$`)

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
	l.setup(file, doc, m.Setup)
	colours := []struct {
		key string
		val *string
		def string
	}{
		{"theme_color", &m.ThemeColor, defaultThemeColor},
		{"background_color", &m.BackgroundColor, defaultBackgroundColor},
	}
	for _, c := range colours {
		switch {
		case *c.val == "":
			*c.val = c.def
		case !hexColor.MatchString(*c.val):
			l.problem(file, doc.line(c.key), "%s %q is not a colour written as #rrggbb, such as %q (in quotes: YAML reads # as a comment)", c.key, *c.val, c.def)
		}
	}
	// Any words will do: the manifest is JSON, which escapes them.
	if strings.TrimSpace(m.ShortName) == "" {
		m.ShortName = m.Practice
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
		App: site.AppSettings{
			ShortName:       m.ShortName,
			ThemeColor:      strings.ToLower(m.ThemeColor),
			BackgroundColor: strings.ToLower(m.BackgroundColor),
		},
		URL: l.siteURL(m.URL, doc.line("url")),
	}
	return doc, true
}

// notInAddress reports the characters a web address never holds as they
// are (RFC 3986: they must be percent-encoded).
func notInAddress(r rune) bool {
	return r <= ' ' || r == 0x7f || strings.ContainsRune("\"<>\\^`{|}", r)
}
