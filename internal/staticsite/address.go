package staticsite

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"

	"callprivacy/internal/site"
)

// Files the build writes at the root of the site, for search engines.
const (
	SitemapFile = "sitemap.xml"
	RobotsFile  = "robots.txt"
)

// ShareImage is the picture a link preview shows: the site's own large
// icon, never one from elsewhere.
var ShareImage = icons.Large

// URLBase is the base path site.yaml's url implies: "" for
// https://example.org/, "/privacy" for https://example.org/privacy/.
func URLBase(siteURL string) (string, error) {
	u, err := url.Parse(siteURL)
	if err != nil {
		return "", err
	}
	base, err := CleanBase(u.Path)
	if err != nil {
		return "", fmt.Errorf("%s: url %s: %w", site.SettingsFile, siteURL, err)
	}
	return base, nil
}

// ResolveBase decides the base path the site is built for. With a url in
// site.yaml the base follows from it, and a -base flag that says otherwise
// (given is whether it was given) is a mistake, not a choice; without one
// the flag decides, as before.
func ResolveBase(siteURL, flagBase string, given bool) (string, error) {
	flagClean, err := CleanBase(flagBase)
	if err != nil {
		return "", err
	}
	if siteURL == "" {
		return flagClean, nil
	}
	base, err := URLBase(siteURL)
	if err != nil {
		return "", err
	}
	if given && flagClean != base {
		return "", fmt.Errorf("-base %s disagrees with the url in %s, %s, which puts the site under %s: leave out -base, or change the url", flagBase, site.SettingsFile, siteURL, site.Link(base, "/"))
	}
	return base, nil
}

// ogTag matches go-app's og:url and og:image meta tags, with their line.
// go-app v10.1.11 writes them as "https://" + Handler.Domain + the path
// (pkg/app/http.go, resolveOGResource): without a domain that is
// "https:///metadata" and "https://", which break every link preview.
var ogTag = regexp.MustCompile(`[ \t]*<meta\b[^>]*\bproperty="og:(url|image)"[^>]*>\n?`)

// addressPages replaces go-app's og:url and og:image on every page with
// the page's full address and the share image under siteURL, and adds a
// canonical link; without a siteURL it removes both tags, since no
// address is better than a broken one. The not-found page is served at
// every unknown address, so it names no address of its own.
func addressPages(dir, siteURL string) error {
	return walkPages(dir, func(file, route string, b []byte) ([]byte, error) {
		if n := len(ogTag.FindAll(b, -1)); n != 2 {
			return nil, fmt.Errorf("%s: go-app no longer writes og:url and og:image as expected (%d found); update addressPages in internal/staticsite", file, n)
		}
		return ogTag.ReplaceAllFunc(b, func(tag []byte) []byte {
			if siteURL == "" {
				return nil
			}
			indent := tag[:bytes.IndexByte(tag, '<')]
			line := func(s string) []byte { return append(append([]byte{}, indent...), s+"\n"...) }
			if bytes.Contains(tag, []byte(`"og:image"`)) {
				return line(`<meta property="og:image" content="` + xmlAttr(site.Address(siteURL, ShareImage)) + `">`)
			}
			if route == site.NotFoundPath {
				return nil
			}
			page := xmlAttr(site.Address(siteURL, route))
			return append(line(`<meta property="og:url" content="`+page+`">`), line(`<link rel="canonical" href="`+page+`">`)...)
		}), nil
	})
}

// xmlAttr escapes s for an attribute value (the address is checked, but
// an escaped & is what HTML and XML both expect).
func xmlAttr(s string) string {
	var b strings.Builder
	_ = xml.EscapeText(&b, []byte(s))
	return b.String()
}

// writeSitemap writes sitemap.xml: every page at its full address, dated
// by the policy, or a platform's page by when its facts were checked.
func writeSitemap(dir string, s *site.Site) error {
	var b bytes.Buffer
	b.WriteString(xml.Header)
	b.WriteString(`<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">` + "\n")
	for _, p := range s.Pages {
		date := s.Settings.PolicyDate
		if pl, ok := s.Platform(p.Platform); ok && pl.Reviewed != "" {
			date = pl.Reviewed
		}
		fmt.Fprintf(&b, "  <url><loc>%s</loc><lastmod>%s</lastmod></url>\n", xmlAttr(site.Address(s.Settings.URL, p.Path)), xmlAttr(date))
	}
	b.WriteString("</urlset>\n")
	return os.WriteFile(filepath.Join(dir, SitemapFile), b.Bytes(), 0o644)
}

// writeRobots writes robots.txt: every page may be read, and, when the
// site knows its address, where the sitemap is. Under a sub-path a search
// engine does not look for it there; it still finds the sitemap through
// the canonical links, or by being told.
func writeRobots(dir, siteURL string) error {
	text := "User-agent: *\nAllow: /\n"
	if siteURL != "" {
		text += "\nSitemap: " + site.Address(siteURL, "/"+SitemapFile) + "\n"
	}
	return os.WriteFile(filepath.Join(dir, RobotsFile), []byte(text), 0o644)
}

// writeAddressed writes what the site's address gives it: the pages' link
// previews and canonical links, the sitemap and robots.txt.
func writeAddressed(dir string, s *site.Site) error {
	if err := addressPages(dir, s.Settings.URL); err != nil {
		return err
	}
	if s.Settings.URL != "" {
		if err := writeSitemap(dir, s); err != nil {
			return err
		}
	}
	return writeRobots(dir, s.Settings.URL)
}
