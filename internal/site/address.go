package site

import "strings"

// Address returns the full address of a site path on the published site
// siteURL ("https://example.org/privacy/", as Settings.URL): the form a
// link preview, a sitemap, a QR code or an email needs.
func Address(siteURL, path string) string {
	return strings.TrimSuffix(siteURL, "/") + Link("", path)
}
