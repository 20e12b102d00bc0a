// Package hosting serves the built site the way the practice wants it hosted:
// strict security headers on every response, TLS 1.3 only, and request logs
// that hold nothing about the visitor. It also writes the same headers as
// configuration for the hosts that serve the site instead (Netlify and
// Cloudflare Pages through _headers, nginx, Caddy).
//
// The site explains why metadata (who talked to whom, when, from where)
// matters as much as content. A page making that point must not itself leak
// its readers' metadata: no request to another origin, no Referer, no
// visitor address in a log. Everything here follows from that.
//
// There is one source of truth: [Headers] and [CacheControl]. The server
// ([Handler]) and every configuration file ([WriteConfigs]) are generated
// from them, so that self-hosting and a static host send the same headers.
package hosting

import (
	"crypto/sha256"
	_ "embed"
	"encoding/base64"
	"net/http"
	"path"
	"slices"
	"strings"
)

// CSP is the Content-Security-Policy of every response.
//
// Everything the site needs is its own: its scripts (wasm_exec.js, app.js,
// web/site.js), the wasm ('wasm-unsafe-eval' lets WebAssembly compile, and
// allows nothing else), its stylesheets, icons, manifest, data (web/site.json)
// and service worker. Nothing may come from anywhere else, no form posts
// anywhere, and no other site may frame the page. Nothing inline runs but
// the one script [FirstScript], allowed by its hash: changed by a single
// character, it no longer runs.
var CSP = "default-src 'none'; script-src 'self' " + scriptHash(FirstScript) + " 'wasm-unsafe-eval'; style-src 'self'; img-src 'self'; font-src 'self'; connect-src 'self'; manifest-src 'self'; worker-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"

// FirstScript is the one inline script the site has, first in every
// page's head (the build puts it there): the quick exit, and on the
// questionnaire the early request for app.wasm and the client's first
// reach, which must all work from the moment the page shows; it adds the
// page's other scripts once the page has loaded. first.js says what it
// does and why; this is its text as the pages carry it (compactScript).
//
// Why inline: a script file, even a deferred one, is asked for as the head
// is read, shares a slow line with the stylesheet the first paint waits
// for, and runs before that paint. Measured under the bench's throttling,
// that cost a reading page 20 to 50 ms of its first paint.
var FirstScript = compactScript(firstSource)

//go:embed first.js
var firstSource string

// compactScript drops the lines of a script that start with // (its
// comments), every line's indentation and the empty lines: a page carries
// the script on every visit, the comments are for the next engineer. It
// keeps the line breaks, so that the script means what it meant. A
// comment after code on a line would stay in every page, and a string
// over several lines would change: first.js has neither (TestFirstScript).
func compactScript(src string) string {
	var lines []string
	for line := range strings.Lines(src) {
		line = strings.TrimSpace(line)
		if line != "" && !strings.HasPrefix(line, "//") {
			lines = append(lines, line)
		}
	}
	return strings.Join(lines, "\n")
}

// scriptHash is the CSP source that allows an inline script whose text is
// script, and nothing else: the SHA-256 of the text, in base64.
func scriptHash(script string) string {
	sum := sha256.Sum256([]byte(script))
	return "'sha256-" + base64.StdEncoding.EncodeToString(sum[:]) + "'"
}

// MetaCSP is the same policy as every page also declares it itself, in a
// <meta http-equiv> tag, for hosts that send no headers (GitHub Pages and
// most shared hosting). A meta policy cannot carry frame-ancestors (nor
// report-uri or sandbox), so without the header another site could still
// frame the page; everything else holds.
var MetaCSP = strings.TrimSuffix(CSP, "; frame-ancestors 'none'")

// MetaTags are the tags each page starts its head with: the policy above,
// and no referrer, which a page can also say itself. Their values hold no
// quote or bracket, so they are written as they are.
var MetaTags = `<meta http-equiv="Content-Security-Policy" content="` + MetaCSP + `">` +
	`<meta name="referrer" content="no-referrer">`

// HSTS is the Strict-Transport-Security value sent over TLS: two years,
// subdomains included. Browsers ignore it over plain HTTP, and sending it
// from a local preview on http://127.0.0.1 would be meaningless, so it is
// only sent over TLS.
const HSTS = "max-age=63072000; includeSubDomains"

// Cache-Control values; see [CacheControl].
const (
	// CacheRevalidate makes browsers (and the service worker's precache,
	// which fetches through the HTTP cache) ask every time whether a file
	// changed. A 304 costs a few hundred bytes.
	CacheRevalidate = "no-cache"
	// CacheImages lets browsers keep an image for a week without asking.
	CacheImages = "public, max-age=604800"
)

// deniedFeatures are the powerful browser features the Permissions-Policy
// turns off for the page and anything it could ever embed. The site needs
// none of them: it reads text, asks questions, and copies a summary.
//
// Denying them is defence in depth. The CSP already lets no foreign script
// run, but if one ever did, it still could not reach the camera, the
// microphone, the location, sensors that fingerprint a device, or devices
// plugged into it.
//
// Deliberately left out:
//   - clipboard-write: the questionnaire's "Copy summary" button writes to
//     the clipboard. Reading it (clipboard-read) is denied.
//   - the advertising APIs (browsing-topics, attribution-reporting,
//     join-ad-interest-group, run-ad-auction): they only act when a script
//     on the page calls them; none here does and the CSP lets no other
//     script in. Browsers are retiring them.
//   - names Chromium does not know (ambient-light-sensor, bluetooth,
//     web-share in Chromium 156): each would print an "Unrecognized
//     feature" error in the console of every page and protect nothing.
//     Everything listed is known to Chromium (checked with 156, whose
//     console stays clean); other browsers apply the part they support.
//
// fullscreen is denied too: nothing on the site goes full screen, and an
// installed app's standalone window does not use it.
var deniedFeatures = []string{
	"accelerometer",
	"autoplay",
	"camera",
	"clipboard-read",
	"display-capture",
	"encrypted-media",
	"fullscreen",
	"gamepad",
	"geolocation",
	"gyroscope",
	"hid",
	"idle-detection",
	"local-fonts",
	"magnetometer",
	"microphone",
	"midi",
	"payment",
	"picture-in-picture",
	"publickey-credentials-create",
	"publickey-credentials-get",
	"screen-wake-lock",
	"serial",
	"usb",
	"xr-spatial-tracking",
}

// PermissionsPolicy is the Permissions-Policy value: every feature in
// deniedFeatures allowed to no origin at all.
var PermissionsPolicy = func() string {
	parts := make([]string, len(deniedFeatures))
	for i, f := range deniedFeatures {
		parts[i] = f + "=()"
	}
	return strings.Join(parts, ", ")
}()

// field is one response header, in the order the configuration files list
// them.
type field struct{ name, value string }

// securityFields are the security headers, in a fixed order so that the
// generated configuration files are stable.
//
// X-Frame-Options is not sent: frame-ancestors 'none' replaces it in every
// browser that can run the app (they all need WebAssembly, which came years
// after frame-ancestors).
func securityFields(tls bool) []field {
	fields := []field{
		{"Content-Security-Policy", CSP},
		// The address of the page a visitor came from says which page of a
		// therapy practice they read; no other site gets it.
		{"Referrer-Policy", "no-referrer"},
		// A file is what its Content-Type says, never sniffed into a script.
		{"X-Content-Type-Options", "nosniff"},
		// No other window keeps a handle on this one, and no other site may
		// load the site's files into its pages.
		{"Cross-Origin-Opener-Policy", "same-origin"},
		{"Cross-Origin-Resource-Policy", "same-origin"},
		{"Permissions-Policy", PermissionsPolicy},
	}
	if tls {
		fields = append(fields, field{"Strict-Transport-Security", HSTS})
	}
	return fields
}

// Headers returns the security headers of every response, a new map on each
// call. HSTS is only among them when tls is true (see [HSTS]).
func Headers(tls bool) http.Header {
	h := make(http.Header)
	for _, f := range securityFields(tls) {
		h.Set(f.name, f.value)
	}
	return h
}

// imageExtensions are the files [CacheImages] applies to.
var imageExtensions = []string{".avif", ".gif", ".ico", ".jpeg", ".jpg", ".png", ".svg", ".webp"}

// CacheControl returns the Cache-Control value for a successful response to
// the URL path p (with or without the base path; only its extension
// matters).
//
// Images (the icons, and any picture a page shows) may be kept for a week:
// a stale icon is harmless.
//
// Everything else is revalidated on every use: the pages, /app-worker.js,
// /manifest.webmanifest, /web/site.json, and also app.wasm, app.js,
// wasm_exec.js and the stylesheets. Their names carry no version, and the
// service worker fills its precache through the browser's HTTP cache: with
// a max-age, a new version of the site could be precached with last week's
// app.wasm or site.json, and the visitor would be stuck with a mixture that
// never worked together.
func CacheControl(p string) string {
	if slices.Contains(imageExtensions, strings.ToLower(path.Ext(p))) {
		return CacheImages
	}
	return CacheRevalidate
}
