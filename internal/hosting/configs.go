package hosting

import (
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
)

// Files WriteConfigs writes into the site folder.
const (
	// HeadersFile is read by Netlify and Cloudflare Pages, which do not
	// serve it.
	HeadersFile = "_headers"
	// ConfigDir holds the nginx and Caddy snippets. A static host would
	// serve it like any folder; nothing in it is secret, but it is not for
	// visitors ([Handler] answers 404), so leave it out when uploading.
	ConfigDir = "_hosting"
	// NginxFile and CaddyFile are in ConfigDir.
	NginxFile = "nginx.conf"
	CaddyFile = "Caddyfile"
)

// alwaysRevalidated are files whose staleness would break an update (the
// service worker, the manifest, the site's data), listed in _headers even
// if they are not in the folder yet.
var alwaysRevalidated = []string{"/app-worker.js", "/manifest.webmanifest", "/web/site.json"}

// WriteConfigs writes, into the built site folder out, the configuration
// that makes a host send what [Handler] sends: the security headers of
// [Headers] (with HSTS: these hosts serve HTTPS) and the Cache-Control of
// [CacheControl].
//
//   - out/_headers for Netlify and Cloudflare Pages;
//   - out/_hosting/nginx.conf, location blocks for nginx, with the TLS 1.3
//     only server settings in a comment;
//   - out/_hosting/Caddyfile, a site block for Caddy, TLS 1.3 only.
//
// base is the path the site is hosted under: "" or like "/privacy". Call it
// after the site is written: _headers lists the files it finds in out.
func WriteConfigs(out, base string) error {
	if base != "" && (!strings.HasPrefix(base, "/") || strings.HasSuffix(base, "/")) {
		return fmt.Errorf("hosting: base path %q: want \"\" or a path like /privacy", base)
	}
	files, err := siteFiles(out)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Join(out, ConfigDir), 0o755); err != nil {
		return err
	}
	for name, content := range map[string]string{
		HeadersFile:                         headersFile(base, files),
		filepath.Join(ConfigDir, NginxFile): nginxConf(base),
		filepath.Join(ConfigDir, CaddyFile): caddyfile(base),
	} {
		if err := os.WriteFile(filepath.Join(out, name), []byte(content), 0o644); err != nil {
			return err
		}
	}
	return nil
}

// siteFiles lists the URL paths (without base) of the plain files in out
// that are not pages (.html), not precompressed copies, not the hosts'
// configuration and not hidden (see [Handler]), sorted.
func siteFiles(out string) ([]string, error) {
	var files []string
	err := filepath.WalkDir(out, func(name string, d fs.DirEntry, err error) error {
		if err != nil || name == out {
			return err
		}
		rel, err := filepath.Rel(out, name)
		if err != nil {
			return err
		}
		p := "/" + filepath.ToSlash(rel)
		if hidden(p) {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if d.Type().IsRegular() && path.Ext(p) != ".html" && !precompressed(out, p) {
			files = append(files, p)
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("hosting: listing the site's files: %w", err)
	}
	files = append(files, alwaysRevalidated...)
	slices.Sort(files)
	return slices.Compact(files), nil
}

// uploaded says where the site goes in the web server's root folder.
func uploaded(base string) string {
	if base == "" {
		return "(the contents of dist/)"
	}
	return "(dist/ uploaded as " + strings.TrimPrefix(base, "/") + "/)"
}

// precompressedExtensions are those of the Brotli and gzip copies the
// build writes next to a file (app.wasm.br beside app.wasm), for servers
// that send them to browsers that accept them under the file's own name.
var precompressedExtensions = []string{".br", ".gz"}

// precompressed reports whether the URL path p is such a copy of a file
// in out: not an address of its own.
func precompressed(out, p string) bool {
	ext := path.Ext(p)
	if !slices.Contains(precompressedExtensions, ext) {
		return false
	}
	fi, err := os.Stat(filepath.Join(out, filepath.FromSlash(strings.TrimSuffix(p, ext))))
	return err == nil && fi.Mode().IsRegular()
}

// generatedBy opens every file.
const generatedBy = "Written by `callprivacy build` from internal/hosting, the same headers\n" +
	"`callprivacy serve` sends. Edit internal/hosting, not this file."

// comment turns text into comment lines starting with prefix.
func comment(prefix, text string) string {
	var b strings.Builder
	for line := range strings.SplitSeq(text, "\n") {
		b.WriteString(strings.TrimRight(prefix+" "+line, " ") + "\n")
	}
	return b.String()
}

// headersFile is the _headers file.
//
// Cache-Control is never in the site-wide block: when several rules match
// a path, Cloudflare Pages joins their values of one header with a comma
// (and Netlify's merging is no better defined), so a site-wide no-cache
// would end up next to an image's max-age. Each file gets its own exact
// rule instead (exact paths also work the same on both hosts, unlike
// wildcards inside a path). Pages get no rule: both hosts' default for them
// is "public, max-age=0, must-revalidate", asked again on every use like
// no-cache, and one rule per page (twice, with .html) would soon reach
// Cloudflare's limit of 100 rules.
func headersFile(base string, files []string) string {
	var b strings.Builder
	b.WriteString(comment("#", "Response headers for Netlify and Cloudflare Pages.\n"+generatedBy+"\n\n"+
		"The security headers are in the first rule, for every address. Cache-Control\n"+
		"is per file, never site-wide: both hosts add up the values of every rule that\n"+
		"matches. Pages keep the hosts' default, \"public, max-age=0, must-revalidate\",\n"+
		"which, like no-cache, makes browsers ask again every time."))
	fmt.Fprintf(&b, "\n%s/*\n", base)
	for _, f := range securityFields(true) {
		fmt.Fprintf(&b, "  %s: %s\n", f.name, f.value)
	}
	for _, p := range files {
		fmt.Fprintf(&b, "\n%s%s\n  Cache-Control: %s\n", base, p, CacheControl(p))
	}
	return b.String()
}

// imagePattern is a regular expression for the images' extensions.
func imagePattern() string {
	exts := make([]string, len(imageExtensions))
	for i, e := range imageExtensions {
		exts[i] = regexp.QuoteMeta(strings.TrimPrefix(e, "."))
	}
	return `\.(` + strings.Join(exts, "|") + `)$`
}

// nginxConf is the nginx snippet.
//
// add_header has a trap: a block with any add_header of its own inherits
// none from the block around it. So the images' block repeats every
// security header, and "always" puts them on error responses (the 404 page)
// too.
func nginxConf(base string) string {
	var b strings.Builder
	site := base + "/"
	b.WriteString(comment("#", "nginx: the site at "+site+".\n"+generatedBy+"\n\n"+
		"Include this file in the site's server block, whose root is the folder that\n"+
		"holds the uploaded site "+uploaded(base)+". The server block must serve\n"+
		"TLS 1.3 only, the practice's audit standard (nginx also allows TLS 1.2 by\n"+
		"default), and log nothing about visitors:\n\n"+
		"    # in the http block: a log line without address, browser, referrer or query\n"+
		"    map $request_uri $callprivacy_path { \"~^(?<p>[^?]*)\" $p; }\n"+
		"    log_format callprivacy '$time_iso8601 $request_method $callprivacy_path $status $body_bytes_sent $request_time';\n\n"+
		"    server {\n"+
		"        listen 443 ssl;\n"+
		"        listen [::]:443 ssl;\n"+
		"        http2 on;  # nginx before 1.25.1: \"listen 443 ssl http2;\" instead\n"+
		"        server_name example.org;\n"+
		"        root /srv/www;\n\n"+
		"        ssl_protocols TLSv1.3;\n"+
		"        ssl_certificate     /etc/letsencrypt/live/example.org/fullchain.pem;\n"+
		"        ssl_certificate_key /etc/letsencrypt/live/example.org/privkey.pem;\n\n"+
		"        access_log /var/log/nginx/callprivacy.log callprivacy;\n"+
		"        # nginx's error log names the client of every error it records.\n"+
		"        error_log /var/log/nginx/callprivacy-error.log crit;\n\n"+
		"        include /etc/nginx/snippets/callprivacy.conf;  # this file\n"+
		"    }\n\n"+
		"    server {\n"+
		"        listen 80;\n"+
		"        listen [::]:80;\n"+
		"        server_name example.org;\n"+
		"        return 308 https://$host$request_uri;\n"+
		"    }"))

	security := func(indent string) {
		for _, f := range securityFields(true) {
			fmt.Fprintf(&b, "%sadd_header %s \"%s\" always;\n", indent, f.name, f.value)
		}
	}
	if base != "" {
		fmt.Fprintf(&b, "\nlocation = %s {\n", base)
		security("    ")
		fmt.Fprintf(&b, "    return 301 %s;\n}\n", site)
	}
	fmt.Fprintf(&b, "\nlocation %s {\n", site)
	security("    ")
	fmt.Fprintf(&b, "    add_header Cache-Control \"%s\" always;\n\n", CacheRevalidate)
	b.WriteString("    # /metadata is metadata.html; an unknown address gets the site's 404 page.\n")
	b.WriteString("    try_files $uri $uri.html $uri/ =404;\n")
	fmt.Fprintf(&b, "    error_page 404 %s404.html;\n", site)
	b.WriteString("    log_not_found off;\n\n")
	b.WriteString("    # The build writes a .gz and a .br copy of every text file and of\n")
	b.WriteString("    # app.wasm (megabytes; compressed, a fraction of that): send them to\n")
	b.WriteString("    # browsers that take them. brotli_static needs the ngx_brotli module\n")
	b.WriteString("    # (Debian: libnginx-mod-http-brotli-static); gzip for anything else.\n")
	b.WriteString("    gzip_static on;\n")
	b.WriteString("    # brotli_static on;\n")
	b.WriteString("    gzip on;\n")
	b.WriteString("    gzip_types text/css application/javascript application/json application/manifest+json application/wasm image/svg+xml;\n\n")
	b.WriteString("    # Configuration for the host, not for visitors.\n")
	fmt.Fprintf(&b, "    location ~* ^%s(%s)(/|$) {\n        return 404;\n    }\n\n",
		regexp.QuoteMeta(site), strings.Join(hiddenNames, "|"))
	b.WriteString("    # Images may be kept for a week. A block with an add_header of its own\n")
	b.WriteString("    # inherits none, hence the repetition.\n")
	fmt.Fprintf(&b, "    location ~* %s {\n", imagePattern())
	security("        ")
	fmt.Fprintf(&b, "        add_header Cache-Control \"%s\" always;\n", CacheImages)
	b.WriteString("        try_files $uri =404;\n")
	b.WriteString("    }\n}\n")
	return b.String()
}

// caddyfile is the Caddy site block.
//
// Caddy runs its error routes (handle_errors) instead of the normal ones
// when a file is not found, so the headers are set there again; the images'
// and the other files' Cache-Control use matchers that exclude each other,
// so that no ordering question arises.
func caddyfile(base string) string {
	var b strings.Builder
	site := base + "/"
	b.WriteString(comment("#", "Caddy: the site at "+site+".\n"+generatedBy+"\n\n"+
		"Replace example.org with the site's domain and /srv/www with the folder that\n"+
		"holds the uploaded site "+uploaded(base)+". Caddy gets and renews the\n"+
		"certificate, and redirects http:// to https://, by itself.\n\n"+
		"There is no log directive, on purpose: without one Caddy keeps no access\n"+
		"log. Its access log would hold every visitor's address, browser and full\n"+
		"address with query, which is what this site says not to keep."))

	var images []string
	for _, e := range imageExtensions {
		images = append(images, "*"+e)
	}
	security := func(indent string, cache string) {
		fmt.Fprintf(&b, "%sheader {\n", indent)
		for _, f := range securityFields(true) {
			fmt.Fprintf(&b, "%s\t%s \"%s\"\n", indent, f.name, f.value)
		}
		if cache != "" {
			fmt.Fprintf(&b, "%s\tCache-Control \"%s\"\n", indent, cache)
		}
		fmt.Fprintf(&b, "%s}\n", indent)
	}
	var hiddenPaths []string
	for _, name := range hiddenNames {
		hiddenPaths = append(hiddenPaths, site+name, site+name+"/*")
	}

	b.WriteString("\nexample.org {\n")
	b.WriteString("\t# TLS 1.3 only, the practice's audit standard (Caddy also allows TLS 1.2 by default).\n")
	b.WriteString("\ttls {\n\t\tprotocols tls1.3\n\t}\n\n")
	b.WriteString("\troot * /srv/www\n")
	b.WriteString("\tencode zstd gzip\n\n")
	fmt.Fprintf(&b, "\t@images path %s\n", strings.Join(images, " "))
	fmt.Fprintf(&b, "\t@other not path %s\n", strings.Join(images, " "))
	b.WriteString("\t# Configuration for the host, not for visitors.\n")
	fmt.Fprintf(&b, "\t@hidden path %s\n\n", strings.Join(hiddenPaths, " "))
	if base != "" {
		fmt.Fprintf(&b, "\thandle %s {\n", base)
		security("\t\t", "")
		fmt.Fprintf(&b, "\t\tredir * %s 308\n\t}\n\n", site)
	}
	fmt.Fprintf(&b, "\thandle %s* {\n", site)
	security("\t\t", "")
	fmt.Fprintf(&b, "\t\theader @images Cache-Control \"%s\"\n", CacheImages)
	fmt.Fprintf(&b, "\t\theader @other Cache-Control \"%s\"\n", CacheRevalidate)
	b.WriteString("\t\terror @hidden 404\n")
	b.WriteString("\t\t# /metadata is metadata.html.\n")
	b.WriteString("\t\ttry_files {path} {path}.html\n")
	b.WriteString("\t\t# The build's .br and .gz copies, for browsers that take them.\n")
	b.WriteString("\t\tfile_server {\n\t\t\tprecompressed br gzip\n\t\t}\n")
	b.WriteString("\t}\n\n")
	b.WriteString("\t# Errors get the headers too, and an unknown address the site's 404 page.\n")
	b.WriteString("\thandle_errors {\n")
	security("\t\t", CacheRevalidate)
	b.WriteString("\t\t@notfound {\n")
	b.WriteString("\t\t\texpression {err.status_code} == 404\n")
	fmt.Fprintf(&b, "\t\t\tpath %s*\n", site)
	b.WriteString("\t\t}\n")
	b.WriteString("\t\thandle @notfound {\n")
	fmt.Fprintf(&b, "\t\t\trewrite * %s404.html\n", site)
	b.WriteString("\t\t\tfile_server {\n\t\t\t\tprecompressed br gzip\n\t\t\t}\n")
	b.WriteString("\t\t}\n")
	b.WriteString("\t}\n}\n")
	return b.String()
}
