package hosting_test

import (
	"net/http"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"callprivacy/internal/hosting"
	"callprivacy/internal/staticsite"
)

func TestHeaders(t *testing.T) {
	tests := []struct {
		give     bool
		wantHSTS string
	}{
		{give: false, wantHSTS: ""},
		{give: true, wantHSTS: "max-age=63072000; includeSubDomains"},
	}
	for _, tt := range tests {
		h := hosting.Headers(tt.give)
		require.Equal(t, hosting.CSP, h.Get("Content-Security-Policy"))
		require.Equal(t, "no-referrer", h.Get("Referrer-Policy"))
		require.Equal(t, "nosniff", h.Get("X-Content-Type-Options"))
		require.Equal(t, "same-origin", h.Get("Cross-Origin-Opener-Policy"))
		require.Equal(t, "same-origin", h.Get("Cross-Origin-Resource-Policy"))
		require.Equal(t, tt.wantHSTS, h.Get("Strict-Transport-Security"))

		pp := h.Get("Permissions-Policy")
		for _, denied := range []string{"camera=()", "microphone=()", "geolocation=()", "payment=()", "usb=()", "display-capture=()", "clipboard-read=()"} {
			require.Contains(t, pp, denied)
		}
		// "Copy summary" writes to the clipboard.
		require.NotContains(t, pp, "clipboard-write")

		// A new map each time: a caller changing it changes nothing else.
		h.Del("Content-Security-Policy")
		require.Equal(t, hosting.CSP, hosting.Headers(tt.give).Get("Content-Security-Policy"))
	}
}

func TestCacheControl(t *testing.T) {
	tests := []struct {
		give string
		want string
	}{
		{give: "/", want: "no-cache"},
		{give: "/metadata", want: "no-cache"},
		{give: "/index.html", want: "no-cache"},
		{give: "/platforms/jitsi", want: "no-cache"},
		{give: "/app-worker.js", want: "no-cache"},
		{give: "/manifest.webmanifest", want: "no-cache"},
		{give: "/web/site.json", want: "no-cache"},
		{give: "/web/app.wasm", want: "no-cache"},
		{give: "/app.js", want: "no-cache"},
		{give: "/wasm_exec.js", want: "no-cache"},
		{give: "/web/site.css", want: "no-cache"},
		{give: "/web/icon-192.png", want: "public, max-age=604800"},
		{give: "/web/icon.svg", want: "public, max-age=604800"},
		{give: "/privacy/web/ICON.PNG", want: "public, max-age=604800"},
		{give: "/web/photo.jpg", want: "public, max-age=604800"},
	}
	for _, tt := range tests {
		require.Equal(t, tt.want, hosting.CacheControl(tt.give), tt.give)
	}
}

func TestHandler(t *testing.T) {
	dir := makeSite(t)
	long := "/" + strings.Repeat("a", hosting.MaxURILength)
	tests := []struct {
		name      string
		base      string
		give      string // the raw request
		want      int
		wantBody  string
		wantCache string
		wantLoc   string
	}{
		{name: "home", give: get("GET", "/"), want: 200, wantBody: "home", wantCache: "no-cache"},
		{name: "page", give: get("GET", "/metadata"), want: 200, wantBody: "metadata", wantCache: "no-cache"},
		{name: "page in a folder", give: get("GET", "/platforms/jitsi"), want: 200, wantBody: "jitsi", wantCache: "no-cache"},
		{name: "head", give: get("HEAD", "/metadata"), want: 200, wantCache: "no-cache"},
		{name: "icon", give: get("GET", "/web/icon.png"), want: 200, wantBody: "PNG", wantCache: "public, max-age=604800"},
		{name: "svg", give: get("GET", "/web/icon.svg"), want: 200, wantBody: "<svg/>", wantCache: "public, max-age=604800"},
		{name: "worker", give: get("GET", "/app-worker.js"), want: 200, wantCache: "no-cache"},
		{name: "site data", give: get("GET", "/web/site.json"), want: 200, wantCache: "no-cache"},
		{name: "wasm", give: get("GET", "/web/app.wasm"), want: 200, wantCache: "no-cache"},
		{name: "query is ignored", give: get("GET", "/metadata?utm_source=x"), want: 200, wantBody: "metadata"},

		{name: "unknown page", give: get("GET", "/nope"), want: 404, wantBody: "not found page", wantCache: "no-cache"},
		{name: "missing image is not cached a week", give: get("GET", "/web/missing.png"), want: 404, wantBody: "not found page", wantCache: "no-cache"},
		{name: "_headers", give: get("GET", "/_headers"), want: 404, wantCache: "no-cache"},
		{name: "_hosting", give: get("GET", "/_hosting/nginx.conf"), want: 404},
		{name: "_hosting folder", give: get("GET", "/_hosting/"), want: 404},
		{name: "_hosting in capitals", give: get("GET", "/_HOSTING/Caddyfile"), want: 404},
		{name: "_headers with a trailing dot", give: get("GET", "/_headers."), want: 404},
		{name: "_headers encoded", give: get("GET", "/%5fheaders"), want: 404},

		{name: "post", give: get("POST", "/"), want: 405, wantCache: "no-cache"},
		{name: "put", give: get("PUT", "/metadata"), want: 405},
		{name: "delete", give: get("DELETE", "/metadata"), want: 405},
		{name: "options", give: get("OPTIONS", "*"), want: 405},
		{name: "get with a body", give: "GET / HTTP/1.1\r\nHost: example.org\r\nContent-Length: 5\r\n\r\nhello", want: 413},
		{name: "get with a chunked body", give: "GET / HTTP/1.1\r\nHost: example.org\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n", want: 413},
		{name: "long uri", give: get("GET", long), want: 414, wantCache: "no-cache"},
		{name: "long query", give: get("GET", "/?"+strings.Repeat("q", hosting.MaxURILength)), want: 414},
		{name: "just short enough", give: get("GET", long[:hosting.MaxURILength]), want: 404},

		{name: "dot dot", give: get("GET", "/../secret.txt"), want: 400},
		{name: "dot dot etc passwd", give: get("GET", "/../etc/passwd"), want: 400},
		{name: "encoded dot dot", give: get("GET", "/%2e%2e/x"), want: 400},
		{name: "half encoded dot dot", give: get("GET", "/.%2E/secret.txt"), want: 400},
		{name: "encoded slashes", give: get("GET", "/web/..%2f..%2fgo.mod"), want: 400},
		{name: "dot dot inside", give: get("GET", "/web/../../go.mod"), want: 400},
		{name: "three dots", give: get("GET", "/.../secret.txt"), want: 400},
		{name: "backslash", give: get("GET", `/..\secret.txt`), want: 400},
		{name: "encoded backslash", give: get("GET", "/%5c..%5csecret.txt"), want: 400},
		{name: "nul", give: get("GET", "/metadata%00.html"), want: 400},
		{name: "drive letter", give: get("GET", "/C:/Windows/win.ini"), want: 400},
		{name: "absolute path inside the folder", give: get("GET", "/etc/passwd"), want: 404},

		{name: "dotfile", give: get("GET", "/.env"), want: 404, wantCache: "no-cache"},
		{name: "encoded dotfile", give: get("GET", "/%2eenv"), want: 404},
		{name: "dot folder", give: get("GET", "/.git/config"), want: 404},
		{name: "dotfile in a folder", give: get("GET", "/web/.notes.txt"), want: 404},
		{name: "dot segment", give: get("GET", "/./metadata"), want: 404},
		{name: "link to a file outside", give: get("GET", "/leak"), want: 404},
		{name: "link to the password file", give: get("GET", "/passwd.html"), want: 404},
		{name: "link to the root", give: get("GET", "/rootdir/etc/passwd"), want: 404},
		{name: "link to a dotfile", give: get("GET", "/alias"), want: 404},
		{name: "link to a folder", give: get("GET", "/webalias/site.css"), want: 404},
		{name: "base: dotfile", base: "/privacy", give: get("GET", "/privacy/.env"), want: 404},
		{name: "base: link", base: "/privacy", give: get("GET", "/privacy/leak"), want: 404},

		{name: "base: redirect to the slash", base: "/privacy", give: get("GET", "/privacy"), want: 301, wantLoc: "/privacy/", wantCache: "no-cache"},
		{name: "base: home", base: "/privacy", give: get("GET", "/privacy/"), want: 200, wantBody: "home"},
		{name: "base: icon", base: "/privacy", give: get("GET", "/privacy/web/icon.svg"), want: 200, wantCache: "public, max-age=604800"},
		{name: "base: outside", base: "/privacy", give: get("GET", "/metadata"), want: 404},
		{name: "base: _headers", base: "/privacy", give: get("GET", "/privacy/_headers"), want: 404},
		{name: "base: dot dot", base: "/privacy", give: get("GET", "/privacy/../secret.txt"), want: 400},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for _, tls := range []bool{false, true} {
				h := hosting.Handler(staticsite.FileServer(dir, tt.base), tls)
				res, body := serve(h, rawRequest(t, tt.give))
				require.Equal(t, tt.want, res.StatusCode, body)
				requireSecurityHeaders(t, res.Header, tls)
				require.NotEmpty(t, res.Header.Get("Cache-Control"))
				if tt.wantCache != "" {
					require.Equal(t, tt.wantCache, res.Header.Get("Cache-Control"))
				}
				require.Contains(t, body, tt.wantBody)
				if tt.wantLoc != "" {
					require.Equal(t, tt.wantLoc, res.Header.Get("Location"))
				}
				if tt.want == 405 {
					require.Equal(t, "GET, HEAD", res.Header.Get("Allow"))
				}
				for _, secret := range append(secrets, "Content-Security-Policy:", "add_header") {
					require.NotContains(t, body, secret)
				}
			}
		})
	}
}

// TestHandlerRestoresHeaders checks that a wrapped handler cannot lose the
// headers, whatever it does to the header map before writing.
func TestHandlerRestoresHeaders(t *testing.T) {
	tests := []struct {
		name      string
		give      http.HandlerFunc
		want      int
		wantCache string
	}{
		{
			name: "deletes everything then errs",
			give: func(w http.ResponseWriter, r *http.Request) {
				for name := range w.Header() {
					w.Header().Del(name)
				}
				http.Error(w, "boom", http.StatusInternalServerError)
			},
			want:      500,
			wantCache: "no-cache",
		},
		{
			name: "writes without WriteHeader",
			give: func(w http.ResponseWriter, r *http.Request) {
				w.Header().Del("Content-Security-Policy")
				_, _ = w.Write([]byte("x"))
			},
			want:      200,
			wantCache: "public, max-age=604800",
		},
		{
			name: "sets its own Cache-Control",
			give: func(w http.ResponseWriter, r *http.Request) {
				w.Header().Set("Cache-Control", "public, max-age=31536000, immutable")
				w.WriteHeader(http.StatusOK)
			},
			want:      200,
			wantCache: "public, max-age=604800",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, _ := serve(hosting.Handler(tt.give, true), rawRequest(t, get("GET", "/web/icon.png")))
			require.Equal(t, tt.want, res.StatusCode)
			requireSecurityHeaders(t, res.Header, true)
			require.Equal(t, tt.wantCache, res.Header.Get("Cache-Control"))
		})
	}
}
