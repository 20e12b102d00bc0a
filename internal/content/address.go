package content

import (
	"net/url"
	"path"
	"strings"

	"callprivacy/internal/site"
)

// siteURL checks site.yaml's url, the address the site is published at,
// and returns it ending in "/" ("" when it is not given or is wrong). Link
// previews, the canonical links, the sitemap, the leaflet's QR code and
// the intake links are all written with it, so it must be the address a
// client types: https, a host, a plain path, no query or fragment.
func (l *loader) siteURL(raw string, line int) string {
	if raw == "" {
		return ""
	}
	file := site.SettingsFile
	u, err := url.Parse(raw)
	switch {
	case err != nil || strings.ContainsFunc(raw, notInAddress) || strings.Contains(raw, "%"):
		l.problem(file, line, "url %q is not an address a browser shows: copy it from the browser's address bar, such as https://example.org/privacy/", raw)
	case u.Scheme != "https" || u.Host == "" || u.Opaque != "":
		l.problem(file, line, "url %q must be the full https address the site is published at, such as https://example.org/privacy/", raw)
	case u.User != nil:
		l.problem(file, line, "url %q holds a user name or password: write only the site's address, such as https://example.org/privacy/", raw)
	case u.RawQuery != "" || u.ForceQuery || u.Fragment != "" || strings.Contains(raw, "#"):
		l.problem(file, line, "url %q has a ? or # part: write only the site's address, such as https://example.org/privacy/", raw)
	case u.Path != "" && path.Clean(u.Path) != strings.TrimSuffix(u.Path, "/") && u.Path != "/":
		l.problem(file, line, "url %q: the path after the host must be a plain folder such as /privacy/, without // or ..", raw)
	case u.Hostname() != strings.ToLower(u.Hostname()):
		l.problem(file, line, "url %q: write the host name in lower case, as browsers show it", raw)
	default:
		return "https://" + u.Host + strings.TrimSuffix(u.Path, "/") + "/"
	}
	return ""
}
