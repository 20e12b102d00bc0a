package hosting_test

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"context"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/pem"
	"io"
	"io/fs"
	"math/big"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"callprivacy/internal/hosting"
)

// Secrets outside the served folder: no response may ever contain them.
const (
	secretOutside = "SECRET-OUTSIDE-THE-SITE"
	secretModule  = "module secret-outside"
	// secretDotfile is in the folder, in files no visitor may get: a .env,
	// a .git folder.
	secretDotfile = "SECRET-IN-A-DOTFILE"
)

// secrets are what no response may ever contain: the files above, the
// password file and a private key (symbolic links reach them).
var secrets = []string{secretOutside, secretModule, secretDotfile, "root:", "PRIVATE KEY"}

// makeSite writes a small built site, with the hosts' configuration in it,
// into a temporary folder next to files that must never be served, and
// puts in it what a careless deploy could leave: dotfiles and symbolic
// links to a file outside, to "/" and to a dotfile. It returns the site
// folder.
func makeSite(t testing.TB) string {
	t.Helper()
	root := t.TempDir()
	dir := filepath.Join(root, "site")
	files := map[string]string{
		"../secret.txt":        secretOutside,
		"../go.mod":            secretModule,
		"index.html":           "<h1>home</h1>",
		"404.html":             "<h1>not found page</h1>",
		"metadata.html":        "<h1>metadata</h1>",
		"platforms/jitsi.html": "<h1>jitsi</h1>",
		"app-worker.js":        "// worker",
		"app.js":               "// app",
		"wasm_exec.js":         "// wasm_exec",
		"manifest.webmanifest": `{"name":"site"}`,
		"web/app.wasm":         "\x00asm",
		"web/site.css":         "body{}",
		"web/site.json":        `{"pages":[]}`,
		"web/icon.png":         "\x89PNG",
		"web/icon.svg":         "<svg/>",
		// Precompressed copies, as the build writes them, and a file that
		// only looks like one.
		"web/app.wasm.br":  "brotli of app.wasm",
		"web/app.wasm.gz":  gzipped(t, "\x00asm"),
		"metadata.html.gz": gzipped(t, "<h1>metadata</h1>"),
		"web/archive.gz":   gzipped(t, "an archive of its own"),
		".env":             secretDotfile,
		".git/config":      secretDotfile,
		"web/.notes.txt":   secretDotfile,
		".well-known/x":    secretDotfile,
	}
	for name, content := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		require.NoError(t, os.MkdirAll(filepath.Dir(p), 0o755))
		require.NoError(t, os.WriteFile(p, []byte(content), 0o644))
	}
	links := map[string]string{
		"leak.html":   filepath.Join(root, "secret.txt"),
		"passwd.html": "/etc/passwd",
		"rootdir":     "/",
		"alias.html":  ".env",
		"webalias":    "web",
	}
	for name, target := range links {
		require.NoError(t, os.Symlink(target, filepath.Join(dir, name)))
	}
	require.NoError(t, hosting.WriteConfigs(dir, ""))
	return dir
}

// gzipped is s compressed, as the build's .gz copies are.
func gzipped(t testing.TB, s string) string {
	t.Helper()
	var b bytes.Buffer
	zw := gzip.NewWriter(&b)
	_, err := zw.Write([]byte(s))
	require.NoError(t, err)
	require.NoError(t, zw.Close())
	return b.String()
}

// servable returns the content of every file a visitor may get from dir:
// the plain files, but not the hosts' configuration, not a symbolic link
// (WalkDir does not follow them) and nothing whose name starts with a dot.
func servable(t testing.TB, dir string) map[string]bool {
	t.Helper()
	bodies := map[string]bool{}
	require.NoError(t, filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		require.NoError(t, err)
		if d.Name() == hosting.ConfigDir || p != dir && strings.HasPrefix(d.Name(), ".") {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if d.Type().IsRegular() && d.Name() != hosting.HeadersFile {
			b, err := os.ReadFile(p)
			require.NoError(t, err)
			bodies[string(b)] = true
		}
		return nil
	}))
	return bodies
}

// rawRequest parses a request exactly as net/http's server would read it
// from the wire, so that odd paths reach the handler unchanged.
func rawRequest(t testing.TB, raw string) *http.Request {
	t.Helper()
	r, err := http.ReadRequest(bufio.NewReader(strings.NewReader(raw)))
	require.NoError(t, err)
	return r
}

// get is a request line without a body.
func get(method, target string) string {
	return method + " " + target + " HTTP/1.1\r\nHost: example.org\r\n\r\n"
}

// serve runs h on r and returns the response and its body.
func serve(h http.Handler, r *http.Request) (*http.Response, string) {
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, r)
	res := rec.Result()
	b, _ := io.ReadAll(res.Body)
	return res, string(b)
}

// requireSecurityHeaders fails unless h has every security header, with
// HSTS exactly when tls is true.
func requireSecurityHeaders(t *testing.T, h http.Header, tls bool) {
	t.Helper()
	for name, values := range hosting.Headers(tls) {
		require.Equal(t, values, h.Values(name), name)
	}
	if !tls {
		require.Empty(t, h.Values("Strict-Transport-Security"))
	}
}

// syncBuffer is a log the servers' goroutines write to while a test reads.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// start binds srv (on loopback, which the caller sets) and serves it until
// the returned stop is called or the test ends; stop returns Serve's error.
func start(t *testing.T, srv *hosting.Server) (*hosting.Listening, func() error) {
	t.Helper()
	l, err := srv.Listen()
	require.NoError(t, err)
	ctx, cancel := context.WithCancel(context.Background())
	errc := make(chan error, 1)
	go func() { errc <- l.Serve(ctx) }()
	var once sync.Once
	var serveErr error
	stop := func() error {
		once.Do(func() {
			cancel()
			select {
			case serveErr = <-errc:
			case <-time.After(5 * time.Second):
				t.Error("Serve did not return after the context ended")
			}
		})
		return serveErr
	}
	t.Cleanup(func() { _ = stop() })
	return l, stop
}

// writeCert writes a self-signed certificate for 127.0.0.1 and localhost,
// and its key, into dir. It returns their files and a pool that trusts it.
func writeCert(t *testing.T, dir, name string) (certFile, keyFile string, roots *x509.CertPool, serial *big.Int) {
	t.Helper()
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	require.NoError(t, err)
	serial, err = rand.Int(rand.Reader, big.NewInt(1<<62))
	require.NoError(t, err)
	tmpl := &x509.Certificate{
		SerialNumber:          serial,
		Subject:               pkix.Name{CommonName: name},
		NotBefore:             time.Now().Add(-time.Hour),
		NotAfter:              time.Now().Add(time.Hour),
		KeyUsage:              x509.KeyUsageDigitalSignature | x509.KeyUsageCertSign,
		ExtKeyUsage:           []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth},
		BasicConstraintsValid: true,
		IsCA:                  true,
		IPAddresses:           []net.IP{net.IPv4(127, 0, 0, 1)},
		DNSNames:              []string{"localhost"},
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	require.NoError(t, err)
	keyDER, err := x509.MarshalPKCS8PrivateKey(key)
	require.NoError(t, err)
	certFile = filepath.Join(dir, name+".pem")
	keyFile = filepath.Join(dir, name+"-key.pem")
	require.NoError(t, os.WriteFile(certFile, pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: der}), 0o644))
	require.NoError(t, os.WriteFile(keyFile, pem.EncodeToMemory(&pem.Block{Type: "PRIVATE KEY", Bytes: keyDER}), 0o600))
	cert, err := x509.ParseCertificate(der)
	require.NoError(t, err)
	roots = x509.NewCertPool()
	roots.AddCert(cert)
	return certFile, keyFile, roots, serial
}
