package hosting_test

import (
	"bufio"
	"crypto/tls"
	"io"
	"net"
	"net/http"
	"os"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"callprivacy/internal/hosting"
	"callprivacy/internal/staticsite"
)

// tlsServer starts the site over HTTPS on loopback and returns it, a
// client that trusts its certificate, and its log.
func tlsServer(t *testing.T, redirect bool) (*hosting.Listening, *http.Client, *syncBuffer, func() error) {
	t.Helper()
	dir := makeSite(t)
	certFile, keyFile, roots, _ := writeCert(t, t.TempDir(), "site")
	var log syncBuffer
	srv := &hosting.Server{
		Addr:     "127.0.0.1:0",
		Site:     staticsite.FileServer(dir, ""),
		CertFile: certFile,
		KeyFile:  keyFile,
		Log:      &log,
	}
	if redirect {
		srv.RedirectAddr = "127.0.0.1:0"
	}
	l, stop := start(t, srv)
	client := &http.Client{
		Transport: &http.Transport{TLSClientConfig: &tls.Config{RootCAs: roots}},
		Timeout:   5 * time.Second,
		CheckRedirect: func(*http.Request, []*http.Request) error {
			return http.ErrUseLastResponse
		},
	}
	t.Cleanup(client.CloseIdleConnections)
	return l, client, &log, stop
}

func TestServerTLSVersions(t *testing.T) {
	l, client, log, stop := tlsServer(t, false)

	tests := []struct {
		name    string
		give    uint16
		wantErr string
	}{
		{name: "TLS 1.0", give: tls.VersionTLS10, wantErr: "protocol version not supported"},
		{name: "TLS 1.1", give: tls.VersionTLS11, wantErr: "protocol version not supported"},
		{name: "TLS 1.2", give: tls.VersionTLS12, wantErr: "protocol version not supported"},
		{name: "TLS 1.3", give: tls.VersionTLS13},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			conn, err := tls.DialWithDialer(&net.Dialer{Timeout: 2 * time.Second}, "tcp", l.Addr().String(), &tls.Config{
				// Only the version is under test, not the certificate.
				InsecureSkipVerify: true,
				MinVersion:         tt.give,
				MaxVersion:         tt.give,
			})
			if tt.wantErr != "" {
				// The server's own refusal (its alert), not a client that
				// would not even try.
				require.ErrorContains(t, err, tt.wantErr)
				return
			}
			require.NoError(t, err)
			defer conn.Close()
			require.Equal(t, uint16(tls.VersionTLS13), conn.ConnectionState().Version)
		})
	}

	// A real HTTPS request: TLS 1.3, verified certificate, HSTS.
	res, err := client.Get("https://" + l.Addr().String() + "/metadata")
	require.NoError(t, err)
	body, err := io.ReadAll(res.Body)
	require.NoError(t, err)
	res.Body.Close()
	require.Equal(t, http.StatusOK, res.StatusCode)
	require.Contains(t, string(body), "metadata")
	require.Equal(t, uint16(tls.VersionTLS13), res.TLS.Version)
	requireSecurityHeaders(t, res.Header, true)
	require.True(t, strings.HasPrefix(l.URL(), "https://127.0.0.1:"), l.URL())

	client.CloseIdleConnections()
	require.NoError(t, stop())
	// The refused handshakes are counted, with the first reason and
	// without the client's address.
	require.Regexp(t, `http: 3 TLS handshakes failed in the last minute; the first: tls: client offered only unsupported versions: \[30[123]\]\n`, log.String())
	require.NotContains(t, log.String(), "127.0.0.1")
}

func TestServerRedirect(t *testing.T) {
	l, client, log, stop := tlsServer(t, true)
	_, port, err := net.SplitHostPort(l.Addr().String())
	require.NoError(t, err)
	require.NotNil(t, l.RedirectAddr())
	plain := "http://" + l.RedirectAddr().String()

	tests := []struct {
		name         string
		method, give string
		host         string
		want         int
		wantLocation string
	}{
		{name: "home", method: "GET", give: "/", want: 308, wantLocation: "https://127.0.0.1:" + port + "/"},
		{name: "page", method: "GET", give: "/platforms/jitsi", want: 308, wantLocation: "https://127.0.0.1:" + port + "/platforms/jitsi"},
		{name: "query dropped", method: "GET", give: "/metadata?email=client@example.org", want: 308, wantLocation: "https://127.0.0.1:" + port + "/metadata"},
		{name: "head", method: "HEAD", give: "/metadata", want: 308, wantLocation: "https://127.0.0.1:" + port + "/metadata"},
		{name: "host name kept", method: "GET", give: "/security", host: "privacy.example.org", want: 308, wantLocation: "https://privacy.example.org:" + port + "/security"},
		{name: "host with port", method: "GET", give: "/", host: "privacy.example.org:80", want: 308, wantLocation: "https://privacy.example.org:" + port + "/"},
		{name: "ipv6 host", method: "GET", give: "/", host: "[::1]:80", want: 308, wantLocation: "https://[::1]:" + port + "/"},
		{name: "odd host", method: "GET", give: "/", host: "exa_mple.org", want: 400},
		{name: "post", method: "POST", give: "/", want: 405},
		{name: "traversal", method: "GET", give: "/%2e%2e/secret.txt", want: 400},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			req, err := http.NewRequest(tt.method, plain+tt.give, nil)
			require.NoError(t, err)
			if tt.host != "" {
				req.Host = tt.host
			}
			res, err := client.Do(req)
			require.NoError(t, err)
			res.Body.Close()
			require.Equal(t, tt.want, res.StatusCode)
			require.Equal(t, tt.wantLocation, res.Header.Get("Location"))
			// Plain HTTP: the headers, but no HSTS (browsers ignore it there).
			requireSecurityHeaders(t, res.Header, false)
		})
	}

	// Following the redirect gets the page over TLS 1.3.
	res, err := client.Get(plain + "/metadata")
	require.NoError(t, err)
	res.Body.Close()
	res, err = client.Get(res.Header.Get("Location"))
	require.NoError(t, err)
	res.Body.Close()
	require.Equal(t, http.StatusOK, res.StatusCode)
	require.Equal(t, uint16(tls.VersionTLS13), res.TLS.Version)

	client.CloseIdleConnections()
	require.NoError(t, stop())
	require.NotContains(t, log.String(), "email")
	require.NotContains(t, log.String(), "127.0.0.1")
}

func TestServerPlainHTTP(t *testing.T) {
	tests := []struct {
		base    string
		give    string
		wantURL string
	}{
		{base: "", give: "/metadata", wantURL: "/"},
		{base: "/privacy", give: "/privacy/metadata", wantURL: "/privacy/"},
	}
	for _, tt := range tests {
		t.Run(tt.wantURL, func(t *testing.T) {
			dir := makeSite(t)
			l, stop := start(t, &hosting.Server{Addr: "127.0.0.1:0", Site: staticsite.FileServer(dir, tt.base), Base: tt.base})
			require.Equal(t, "http://"+l.Addr().String()+tt.wantURL, l.URL())
			require.Nil(t, l.RedirectAddr())

			for _, target := range []string{tt.give, tt.wantURL + "nope"} {
				res, err := http.Get("http://" + l.Addr().String() + target)
				require.NoError(t, err)
				res.Body.Close()
				requireSecurityHeaders(t, res.Header, false)
			}
			require.NoError(t, stop())
		})
	}
}

func TestServerConfig(t *testing.T) {
	dir := makeSite(t)
	site := staticsite.FileServer(dir, "")
	certFile, keyFile, _, _ := writeCert(t, t.TempDir(), "site")
	tests := []struct {
		name    string
		give    hosting.Server
		wantErr string
	}{
		{name: "certificate without key", give: hosting.Server{Addr: "127.0.0.1:0", Site: site, CertFile: certFile}, wantErr: "needs its private key"},
		{name: "key without certificate", give: hosting.Server{Addr: "127.0.0.1:0", Site: site, KeyFile: keyFile}, wantErr: "needs its certificate"},
		{name: "redirect without TLS", give: hosting.Server{Addr: "127.0.0.1:0", Site: site, RedirectAddr: "127.0.0.1:0"}, wantErr: "needs TLS"},
		{name: "no address", give: hosting.Server{Site: site}, wantErr: "no address"},
		{name: "no site", give: hosting.Server{Addr: "127.0.0.1:0"}, wantErr: "no site"},
		{name: "base with a slash", give: hosting.Server{Addr: "127.0.0.1:0", Site: site, Base: "/privacy/"}, wantErr: "base path"},
		{name: "missing certificate", give: hosting.Server{Addr: "127.0.0.1:0", Site: site, CertFile: certFile + ".missing", KeyFile: keyFile}, wantErr: "TLS certificate"},
		{name: "key of another certificate", give: hosting.Server{Addr: "127.0.0.1:0", Site: site, CertFile: certFile, KeyFile: certFile}, wantErr: "TLS certificate"},
		{name: "bad address", give: hosting.Server{Addr: "127.0.0.1:99999", Site: site}, wantErr: "invalid port"},
		{name: "plain HTTP", give: hosting.Server{Addr: "127.0.0.1:0", Site: site}},
		{name: "HTTPS", give: hosting.Server{Addr: "127.0.0.1:0", Site: site, CertFile: certFile, KeyFile: keyFile, RedirectAddr: "127.0.0.1:0"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			l, err := tt.give.Listen()
			if tt.wantErr != "" {
				require.ErrorContains(t, err, tt.wantErr)
				return
			}
			require.NoError(t, err)
			require.NoError(t, l.Close())
		})
	}
}

func TestServerTakenPort(t *testing.T) {
	dir := makeSite(t)
	taken, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	defer taken.Close()
	certFile, keyFile, _, _ := writeCert(t, t.TempDir(), "site")
	srv := &hosting.Server{Addr: "127.0.0.1:0", Site: staticsite.FileServer(dir, ""), CertFile: certFile, KeyFile: keyFile, RedirectAddr: taken.Addr().String()}
	_, err = srv.Listen()
	require.ErrorContains(t, err, "address already in use")
}

func TestRequestLog(t *testing.T) {
	dir := makeSite(t)
	var log syncBuffer
	l, stop := start(t, &hosting.Server{Addr: "127.0.0.1:0", Site: staticsite.FileServer(dir, ""), Log: &log})
	base := "http://" + l.Addr().String()

	const (
		userAgent = "Mozilla/5.0 UniqueAgent/42"
		referer   = "https://referring.example/therapist-search?q=anxiety"
		query     = "email=client%40example.org"
	)
	tests := []struct {
		method, target string
		wantLine       string
	}{
		{"GET", "/metadata?" + query, "GET /metadata 200 "},
		{"GET", "/platforms/jitsi?ref=newsletter", "GET /platforms/jitsi 200 "},
		{"HEAD", "/web/icon.png", "HEAD /web/icon.png 200 0 "},
		{"GET", "/nope?" + query, "GET /nope 404 "},
		{"POST", "/?" + query, "POST / 405 "},
		{"GET", "/%2e%2e/secret.txt", "GET /%2e%2e/secret.txt 400 "},
	}
	for _, tt := range tests {
		req, err := http.NewRequest(tt.method, base+tt.target, nil)
		require.NoError(t, err)
		req.Header.Set("User-Agent", userAgent)
		req.Header.Set("Referer", referer)
		res, err := http.DefaultClient.Do(req)
		require.NoError(t, err)
		_, _ = io.Copy(io.Discard, res.Body)
		res.Body.Close()
	}
	http.DefaultClient.CloseIdleConnections()
	require.NoError(t, stop())

	got := log.String()
	lines := strings.Split(strings.TrimSuffix(got, "\n"), "\n")
	require.Len(t, lines, len(tests), got)
	line := regexp.MustCompile(`^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ (GET|HEAD|POST) /\S* \d{3} \d+ [0-9.]+[µm]?s$`)
	for i, tt := range tests {
		require.Regexp(t, line, lines[i])
		require.Contains(t, lines[i], tt.wantLine)
	}
	for _, never := range []string{"127.0.0.1", "localhost", "?", "email", "client", "example.org", "newsletter", "UniqueAgent", "Mozilla", "referring", "therapist", "anxiety"} {
		require.NotContains(t, got, never)
	}
}

func TestLogRequestsEscapes(t *testing.T) {
	tests := []struct {
		give string
		want string
	}{
		{give: "/a%0Aforged%20line", want: " /a%0Aforged%20line "},
		{give: "/" + strings.Repeat("x", 300), want: " /" + strings.Repeat("x", 255) + "... "},
	}
	for _, tt := range tests {
		var log syncBuffer
		h := hosting.LogRequests(http.NotFoundHandler(), &log)
		serve(h, rawRequest(t, get("GET", tt.give)))
		require.Contains(t, log.String(), tt.want)
		require.Equal(t, 1, strings.Count(log.String(), "\n"))
	}
}

// TestServerTraversal sends traversal attempts byte for byte over a real
// connection, as an attacker would, past any client-side cleaning.
func TestServerTraversal(t *testing.T) {
	dir := makeSite(t)
	l, stop := start(t, &hosting.Server{Addr: "127.0.0.1:0", Site: staticsite.FileServer(dir, "")})
	tests := []struct {
		give string
		want int
	}{
		{give: "/../etc/passwd", want: 400},
		{give: "/../../../../../../etc/passwd", want: 400},
		{give: "/%2e%2e/secret.txt", want: 400},
		{give: "/%2e%2e%2fsecret.txt", want: 400},
		{give: "/web/..%2f..%2fgo.mod", want: 400},
		{give: "/web/%2e%2e/%2e%2e/go.mod", want: 400},
		{give: `/..\secret.txt`, want: 400},
		{give: `/web\..\..\go.mod`, want: 400},
		{give: "/%5c..%5c..%5cgo.mod", want: 400},
		{give: "/secret.txt", want: 404},
		{give: "/etc/passwd", want: 404},
		{give: "//etc/passwd", want: 404},
		{give: "/./../secret.txt", want: 400},
		{give: "/_headers", want: 404},
		{give: "/_hosting/Caddyfile", want: 404},
		{give: "/.env", want: 404},
		{give: "/%2eenv", want: 404},
		{give: "/.git/config", want: 404},
		{give: "/%2Egit/config", want: 404},
		{give: "/web/.notes.txt", want: 404},
		{give: "/.well-known/x", want: 404},
		{give: "/leak", want: 404},
		{give: "/leak.html", want: 404},
		{give: "/passwd", want: 404},
		{give: "/rootdir/etc/passwd", want: 404},
		{give: "/rootdir/", want: 404},
		{give: "/alias", want: 404},
		{give: "/webalias/site.css", want: 404},
	}
	for _, tt := range tests {
		t.Run(tt.give, func(t *testing.T) {
			conn, err := net.DialTimeout("tcp", l.Addr().String(), 2*time.Second)
			require.NoError(t, err)
			defer conn.Close()
			require.NoError(t, conn.SetDeadline(time.Now().Add(2*time.Second)))
			_, err = io.WriteString(conn, "GET "+tt.give+" HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
			require.NoError(t, err)
			res, err := http.ReadResponse(bufio.NewReader(conn), nil)
			require.NoError(t, err)
			body, err := io.ReadAll(res.Body)
			require.NoError(t, err)
			require.Equal(t, tt.want, res.StatusCode)
			requireSecurityHeaders(t, res.Header, false)
			for _, secret := range append(secrets, "Cache-Control: public", "protocols tls1.3") {
				require.NotContains(t, string(body), secret)
			}
		})
	}
	require.NoError(t, stop())
}

// TestServerCertificateRenewal replaces the certificate files under a
// running server, as certbot does, and expects the next handshake to use
// the new certificate, and a broken renewal to be survived.
func TestServerCertificateRenewal(t *testing.T) {
	dir := makeSite(t)
	certDir := t.TempDir()
	certFile, keyFile, _, first := writeCert(t, certDir, "site")
	var log syncBuffer
	l, stop := start(t, &hosting.Server{Addr: "127.0.0.1:0", Site: staticsite.FileServer(dir, ""), CertFile: certFile, KeyFile: keyFile, Log: &log})

	serial := func() string {
		// The certificate changes under test: look at it, do not verify it.
		conn, err := tls.Dial("tcp", l.Addr().String(), &tls.Config{InsecureSkipVerify: true})
		require.NoError(t, err)
		defer conn.Close()
		return conn.ConnectionState().PeerCertificates[0].SerialNumber.String()
	}
	require.Equal(t, first.String(), serial())

	// Renewed: new files, a later modification time.
	_, _, _, second := writeCert(t, certDir, "site")
	later := time.Now().Add(time.Minute)
	require.NoError(t, os.Chtimes(certFile, later, later))
	require.NoError(t, os.Chtimes(keyFile, later, later))
	require.Equal(t, second.String(), serial())

	// A broken renewal: the last good certificate stays.
	require.NoError(t, os.WriteFile(keyFile, []byte("not a key"), 0o600))
	require.Equal(t, second.String(), serial())
	require.Equal(t, second.String(), serial())
	require.NoError(t, stop())
	require.Equal(t, 1, strings.Count(log.String(), "cannot be loaded"), log.String())
}

// TestServerHeaderLimit measures the real limit of a request's line and
// headers: MaxHeaderBytes plus the 4096 bytes net/http adds, 12,288 in all.
func TestServerHeaderLimit(t *testing.T) {
	dir := makeSite(t)
	l, stop := start(t, &hosting.Server{Addr: "127.0.0.1:0", Site: staticsite.FileServer(dir, "")})
	tests := []struct {
		give int // bytes of the whole request
		want int
	}{
		{give: 8 << 10, want: 200},
		{give: hosting.MaxHeaderBytes + 4096, want: 200},
		{give: hosting.MaxHeaderBytes + 4096 + 1, want: 431},
		{give: 64 << 10, want: 431},
	}
	for _, tt := range tests {
		t.Run(strconv.Itoa(tt.give), func(t *testing.T) {
			head := "GET /metadata HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\nX-Pad: "
			req := head + strings.Repeat("p", tt.give-len(head)-len("\r\n\r\n")) + "\r\n\r\n"
			require.Len(t, req, tt.give)
			conn, err := net.DialTimeout("tcp", l.Addr().String(), 2*time.Second)
			require.NoError(t, err)
			defer conn.Close()
			require.NoError(t, conn.SetDeadline(time.Now().Add(2*time.Second)))
			_, err = io.WriteString(conn, req)
			require.NoError(t, err)
			res, err := http.ReadResponse(bufio.NewReader(conn), nil)
			require.NoError(t, err)
			res.Body.Close()
			require.Equal(t, tt.want, res.StatusCode)
		})
	}
	require.NoError(t, stop())
}
