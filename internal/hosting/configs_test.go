package hosting_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"callprivacy/internal/hosting"
)

// rule is one block of a _headers file.
type rule struct {
	pattern string
	headers map[string]string
}

// parseHeadersFile reads a _headers file the way Netlify and Cloudflare
// Pages do: a path at the start of a line, then indented "Name: value".
func parseHeadersFile(t *testing.T, text string) []rule {
	t.Helper()
	var rules []rule
	for line := range strings.SplitSeq(text, "\n") {
		switch {
		case line == "" || strings.HasPrefix(line, "#"):
		case strings.HasPrefix(line, "/"):
			rules = append(rules, rule{pattern: line, headers: map[string]string{}})
		case strings.HasPrefix(line, "  "):
			require.NotEmpty(t, rules, line)
			name, value, ok := strings.Cut(strings.TrimSpace(line), ": ")
			require.True(t, ok, line)
			rules[len(rules)-1].headers[name] = value
		default:
			t.Fatalf("not a _headers line: %q", line)
		}
	}
	return rules
}

// matches is the hosts' matching: a trailing * matches anything, including
// slashes; anything else is exact.
func (r rule) matches(p string) bool {
	if prefix, ok := strings.CutSuffix(r.pattern, "*"); ok {
		return strings.HasPrefix(p, prefix)
	}
	return r.pattern == p
}

func TestWriteConfigs(t *testing.T) {
	tests := []struct {
		give string
	}{
		{give: ""},
		{give: "/privacy"},
		{give: "/practice/privacy"},
	}
	for _, tt := range tests {
		t.Run("base "+tt.give, func(t *testing.T) {
			dir := makeSite(t) // has configs for "" already: written again
			require.NoError(t, hosting.WriteConfigs(dir, tt.give))
			read := func(name string) string {
				b, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(name)))
				require.NoError(t, err)
				return string(b)
			}
			headers := read("_headers")
			nginx := read("_hosting/nginx.conf")
			caddy := read("_hosting/Caddyfile")
			site := tt.give + "/"

			// Every security header, HSTS included, in all three.
			for name, values := range hosting.Headers(true) {
				require.NotContains(t, values[0], `"`, "a value must fit in quotes")
				require.Contains(t, headers, "\n  "+name+": "+values[0]+"\n")
				require.Contains(t, nginx, "add_header "+name+` "`+values[0]+`" always;`)
				require.Contains(t, caddy, "\t"+name+` "`+values[0]+`"`)
			}
			require.Contains(t, headers, "Strict-Transport-Security: max-age=63072000; includeSubDomains")

			// _headers: security for every address under the base, one
			// Cache-Control rule for each file, none site-wide (the hosts
			// would join them with a comma), none for pages or the
			// hosts' configuration.
			rules := parseHeadersFile(t, headers)
			require.Equal(t, site+"*", rules[0].pattern)
			require.Len(t, rules[0].headers, len(hosting.Headers(true)))
			require.NotContains(t, rules[0].headers, "Cache-Control")
			files := map[string]string{
				"/app-worker.js":        "no-cache",
				"/manifest.webmanifest": "no-cache",
				"/web/site.json":        "no-cache",
				"/web/app.wasm":         "no-cache",
				"/app.js":               "no-cache",
				"/wasm_exec.js":         "no-cache",
				"/web/site.css":         "no-cache",
				"/web/icon.png":         "public, max-age=604800",
				"/web/icon.svg":         "public, max-age=604800",
				"/web/archive.gz":       "no-cache",
			}
			require.Len(t, rules, 1+len(files))
			for p, want := range files {
				var got []string
				for _, r := range rules {
					if r.matches(tt.give+p) && r.headers["Cache-Control"] != "" {
						got = append(got, r.headers["Cache-Control"])
					}
				}
				require.Equal(t, []string{want}, got, p)
			}
			for _, r := range rules {
				require.NotContains(t, r.pattern, ".html")
				require.NotContains(t, r.pattern, "_hosting")
				require.NotContains(t, r.pattern, "_headers")
				require.NotContains(t, r.pattern, ".br")
				require.NotContains(t, r.pattern, ".wasm.gz")
				require.True(t, strings.HasPrefix(r.pattern, site), r.pattern)
			}

			// nginx: TLS 1.3 only, pages by name, the 404 page, images.
			require.Contains(t, nginx, "ssl_protocols TLSv1.3;")
			require.NotContains(t, nginx, "TLSv1.2")
			require.Contains(t, nginx, "\nlocation "+site+" {\n")
			require.Contains(t, nginx, "try_files $uri $uri.html $uri/ =404;")
			require.Contains(t, nginx, "error_page 404 "+site+"404.html;")
			require.Contains(t, nginx, `add_header Cache-Control "no-cache" always;`)
			require.Contains(t, nginx, `add_header Cache-Control "public, max-age=604800" always;`)
			require.Contains(t, nginx, "(_headers|_hosting)(/|$) {\n        return 404;")
			require.Contains(t, nginx, "gzip_static on;")
			require.Contains(t, nginx, "log_format callprivacy '$time_iso8601 $request_method $callprivacy_path $status")
			require.NotContains(t, nginx, "$remote_addr")
			require.NotContains(t, nginx, "$http_user_agent")
			require.Equal(t, strings.Count(nginx, "{"), strings.Count(nginx, "}"))
			// Each block with add_header sets them all: nginx inherits none
			// into a block that has its own.
			require.Equal(t, strings.Count(nginx, "add_header Content-Security-Policy"), strings.Count(nginx, "add_header Strict-Transport-Security"))

			// Caddy: TLS 1.3 only, pages by name, the 404 page.
			require.Contains(t, caddy, "\ttls {\n\t\tprotocols tls1.3\n\t}\n")
			require.NotContains(t, caddy, "tls1.2")
			require.Contains(t, caddy, "\thandle "+site+"* {\n")
			require.Contains(t, caddy, "try_files {path} {path}.html")
			require.Contains(t, caddy, "handle_errors {")
			require.Contains(t, caddy, "expression {err.status_code} == 404")
			require.Contains(t, caddy, "rewrite * "+site+"404.html")
			require.Contains(t, caddy, `header @images Cache-Control "public, max-age=604800"`)
			require.Contains(t, caddy, `header @other Cache-Control "no-cache"`)
			require.Contains(t, caddy, "error @hidden 404")
			require.Equal(t, 2, strings.Count(caddy, "precompressed br gzip"))
			require.NotContains(t, caddy, "\tlog")
			require.Equal(t, strings.Count(caddy, "{")-strings.Count(caddy, "{path}")-strings.Count(caddy, "{err."), strings.Count(caddy, "}")-strings.Count(caddy, "{path}")-strings.Count(caddy, "{err."))

			if tt.give != "" {
				require.Contains(t, nginx, fmt.Sprintf("location = %s {", tt.give))
				require.Contains(t, nginx, "return 301 "+site+";")
				require.Contains(t, caddy, "redir * "+site+" 308")
			} else {
				require.NotContains(t, nginx, "location = ")
				require.NotContains(t, caddy, "redir *")
			}
		})
	}
}

func TestWriteConfigsErrors(t *testing.T) {
	tests := []struct {
		name    string
		out     string
		base    string
		wantErr string
	}{
		{name: "base with a trailing slash", out: t.TempDir(), base: "/privacy/", wantErr: "base path"},
		{name: "base without a slash", out: t.TempDir(), base: "privacy", wantErr: "base path"},
		{name: "no site folder", out: filepath.Join(t.TempDir(), "missing"), wantErr: "listing the site's files"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			require.ErrorContains(t, hosting.WriteConfigs(tt.out, tt.base), tt.wantErr)
		})
	}
}
