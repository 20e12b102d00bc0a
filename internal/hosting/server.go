package hosting

import (
	"context"
	"crypto/tls"
	"errors"
	"fmt"
	"io"
	"log"
	"net"
	"net/http"
	"os"
	"strings"
	"sync"
	"time"
)

// Server serves a built site folder on its own, without another web server
// in front: over HTTPS, TLS 1.3 only, when it has a certificate, otherwise
// over plain HTTP for a local preview.
//
// Every response goes through [Handler] (security headers, method, length
// and path checks) and [LogRequests].
type Server struct {
	// Addr is the address to listen on, such as "127.0.0.1:8000" or ":443".
	Addr string
	// Site serves the built site folder: staticsite.FileServer(dir, base),
	// the same file server the browser tests use. It is passed in rather
	// than made here because staticsite's build imports this package (to
	// write the hosts' configuration), and Go allows no import cycle.
	Site http.Handler
	// Base is the path the site lives under: "" for the root of the
	// domain, or like "/privacy". It is only used for [Listening.URL].
	Base string
	// CertFile and KeyFile are PEM files of the certificate (with its
	// chain) and its private key: both for HTTPS, neither for plain HTTP.
	// They are read again when they change on disk, so a renewed
	// certificate (certbot, acme.sh) is used without a restart.
	CertFile, KeyFile string
	// RedirectAddr, when set (with TLS), is a second address, usually ":80",
	// that answers every plain-HTTP request with a 308 redirect to the
	// same host and path over HTTPS, and serves nothing else.
	RedirectAddr string
	// Log receives one line per request (see [LogRequests]) and net/http's
	// own errors, scrubbed and bounded (see errorLog). Nil discards them.
	Log io.Writer
	// Limits are the timeouts and rates; zero fields take [DefaultLimits].
	Limits Limits
	// ListenConfig binds the addresses; its zero value is what net.Listen
	// does. It lets a caller set socket options: the slow-client test
	// shrinks the send buffer so that a slow reader is felt at once, not
	// after megabytes of kernel buffering.
	ListenConfig net.ListenConfig
}

// shutdownTimeout is how long requests under way may finish once the
// context ends.
const shutdownTimeout = 5 * time.Second

// TLS reports whether s serves HTTPS.
func (s *Server) TLS() bool { return s.CertFile != "" || s.KeyFile != "" }

// Validate checks the configuration without touching the network or the
// files, so that a command line can refuse bad flags before it builds.
func (s *Server) Validate() error {
	switch {
	case s.Addr == "":
		return errors.New("hosting: no address to listen on")
	case s.Site == nil:
		return errors.New("hosting: no site to serve")
	case s.Base != "" && (!strings.HasPrefix(s.Base, "/") || strings.HasSuffix(s.Base, "/")):
		return fmt.Errorf("hosting: base path %q: want \"\" or a path like /privacy", s.Base)
	case s.CertFile != "" && s.KeyFile == "":
		return errors.New("hosting: a TLS certificate needs its private key file too")
	case s.KeyFile != "" && s.CertFile == "":
		return errors.New("hosting: a TLS private key needs its certificate file too")
	case s.RedirectAddr != "" && !s.TLS():
		return errors.New("hosting: a redirect to HTTPS needs TLS: a certificate and its key")
	}
	return nil
}

// Listening is a [Server] bound to its addresses, not yet serving.
type Listening struct {
	tls                bool
	base               string
	site, redirect     *http.Server
	siteLn, redirectLn net.Listener
	errors             *errorLog
}

// Listen validates s, loads the certificate and binds the address(es).
// Binding before serving lets the caller print the real address (a test
// binds 127.0.0.1:0) and fail early on a taken port or a bad certificate.
func (s *Server) Listen() (*Listening, error) {
	if err := s.Validate(); err != nil {
		return nil, err
	}
	logw := s.Log
	if logw == nil {
		logw = io.Discard
	}
	// One lock for request lines and error lines alike.
	lw := &lockedWriter{w: logw}
	lim := s.Limits.orDefaults()
	errs := newErrorLog(lw, lim.LogInterval)
	errorLog := errs.logger()

	l := &Listening{tls: s.TLS(), base: s.Base, errors: errs}
	site := LogRequests(slowClients(Handler(s.Site, l.tls), lim), lw)
	l.site = newHTTPServer(site, errorLog, lim)
	if l.tls {
		certs := &certLoader{certFile: s.CertFile, keyFile: s.KeyFile, log: errorLog}
		if err := certs.load(); err != nil {
			return nil, err
		}
		l.site.TLSConfig = &tls.Config{
			// The practice's audit standard: everything below TLS 1.3 off.
			MinVersion:     tls.VersionTLS13,
			GetCertificate: certs.get,
		}
	}

	var err error
	ctx := context.Background()
	if l.siteLn, err = s.ListenConfig.Listen(ctx, "tcp", s.Addr); err != nil {
		return nil, err
	}
	if s.RedirectAddr != "" {
		if l.redirectLn, err = s.ListenConfig.Listen(ctx, "tcp", s.RedirectAddr); err != nil {
			l.siteLn.Close()
			return nil, err
		}
		_, port, _ := net.SplitHostPort(l.siteLn.Addr().String())
		l.redirect = newHTTPServer(LogRequests(Handler(redirectToHTTPS(port), false), lw), errorLog, lim)
	}
	return l, nil
}

// ListenAndServe serves until ctx ends, then shuts down cleanly: requests
// under way get a few seconds to finish.
func (s *Server) ListenAndServe(ctx context.Context) error {
	l, err := s.Listen()
	if err != nil {
		return err
	}
	return l.Serve(ctx)
}

// newHTTPServer makes a server of h with lim's timeouts. They bound what a
// slow or malicious client can hold: a connection that sends its request
// line and headers slowly (ReadHeaderTimeout), a request that is never
// finished (ReadTimeout), an answer read slowly (WriteTimeout, see
// slowClients), a connection kept open doing nothing (IdleTimeout) and
// oversized headers ([MaxHeaderBytes]).
func newHTTPServer(h http.Handler, errorLog *log.Logger, lim Limits) *http.Server {
	return &http.Server{
		Handler:           h,
		ReadHeaderTimeout: lim.ReadHeaderTimeout,
		ReadTimeout:       lim.ReadTimeout,
		WriteTimeout:      lim.WriteTimeout,
		IdleTimeout:       lim.IdleTimeout,
		MaxHeaderBytes:    MaxHeaderBytes,
		ErrorLog:          errorLog,
		// "OPTIONS *" goes to Handler too (405, with the headers) instead
		// of net/http's built-in 200.
		DisableGeneralOptionsHandler: true,
	}
}

// Addr is the address the site is served on.
func (l *Listening) Addr() net.Addr { return l.siteLn.Addr() }

// RedirectAddr is the address of the plain-HTTP redirect listener, or nil.
func (l *Listening) RedirectAddr() net.Addr {
	if l.redirectLn == nil {
		return nil
	}
	return l.redirectLn.Addr()
}

// URL is the address of the site's home page, for people: https:// with
// TLS, "localhost" for a wildcard address, no port when it is the default.
func (l *Listening) URL() string {
	scheme, defaultPort := "http", "80"
	if l.tls {
		scheme, defaultPort = "https", "443"
	}
	host, port, _ := net.SplitHostPort(l.Addr().String())
	if ip := net.ParseIP(host); ip != nil && ip.IsUnspecified() {
		host = "localhost"
	}
	hostport := net.JoinHostPort(host, port)
	if port == defaultPort {
		hostport = host
		if strings.Contains(host, ":") {
			hostport = "[" + host + "]"
		}
	}
	return scheme + "://" + hostport + l.base + "/"
}

// Serve serves until ctx ends or a listener fails, then shuts both servers
// down. It returns nil after a clean shutdown.
func (l *Listening) Serve(ctx context.Context) error {
	errc := make(chan error, 2)
	running := 1
	go func() {
		if l.tls {
			errc <- l.site.ServeTLS(l.siteLn, "", "")
		} else {
			errc <- l.site.Serve(l.siteLn)
		}
	}()
	if l.redirect != nil {
		running++
		go func() { errc <- l.redirect.Serve(l.redirectLn) }()
	}

	var errs []error
	select {
	case <-ctx.Done():
	case err := <-errc:
		running--
		errs = append(errs, err)
	}
	for _, srv := range []*http.Server{l.site, l.redirect} {
		if srv == nil {
			continue
		}
		shutdown, cancel := context.WithTimeout(context.Background(), shutdownTimeout)
		if err := srv.Shutdown(shutdown); err != nil {
			srv.Close()
		}
		cancel()
	}
	for ; running > 0; running-- {
		errs = append(errs, <-errc)
	}
	l.errors.flush()
	var kept []error
	for _, err := range errs {
		if err != nil && !errors.Is(err, http.ErrServerClosed) {
			kept = append(kept, err)
		}
	}
	return errors.Join(kept...)
}

// Close releases the listeners of a Listening that will not Serve.
func (l *Listening) Close() error {
	l.errors.flush()
	err := l.siteLn.Close()
	if l.redirectLn != nil {
		err = errors.Join(err, l.redirectLn.Close())
	}
	return err
}

// redirectToHTTPS answers every request with a permanent redirect (308, so
// that nothing about the request changes but the scheme) to the same host
// and path over HTTPS on httpsPort.
//
// The query is dropped: the site uses none, and a link's fragment (where a
// resumable questionnaire link keeps its answers) is never sent to a server
// anyway; browsers carry it over to the redirect's target by themselves.
func redirectToHTTPS(httpsPort string) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		host := r.Host
		if h, _, err := net.SplitHostPort(host); err == nil {
			host = h
		} else {
			host = strings.TrimSuffix(strings.TrimPrefix(host, "["), "]")
		}
		if !validHost(host) {
			plainError(w, http.StatusBadRequest)
			return
		}
		hostport := net.JoinHostPort(host, httpsPort)
		if httpsPort == "443" {
			hostport = host
			if strings.Contains(host, ":") {
				hostport = "[" + host + "]"
			}
		}
		http.Redirect(w, r, "https://"+hostport+r.URL.EscapedPath(), http.StatusPermanentRedirect)
	})
}

// validHost reports whether host (without port) is an IP address or a DNS
// name, so that a redirect never echoes anything else.
func validHost(host string) bool {
	if net.ParseIP(host) != nil {
		return true
	}
	if host == "" || len(host) > 253 {
		return false
	}
	for _, c := range host {
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '.') {
			return false
		}
	}
	return true
}

// certLoader hands the TLS stack the certificate, reading the files again
// when their size or modification time changes: certificates are renewed
// every few weeks, and a server that kept the old one would start failing
// on the day it expires.
type certLoader struct {
	certFile, keyFile string
	log               *log.Logger

	mu   sync.Mutex
	cert *tls.Certificate
	// loaded is the stamp of the files of cert; tried the last stamp a
	// reload was attempted for, so that a broken renewal is logged once.
	loaded, tried string
}

// load reads the files for the first time; unlike a reload, a failure is
// an error.
func (c *certLoader) load() error {
	stamp := c.stamp()
	cert, err := tls.LoadX509KeyPair(c.certFile, c.keyFile)
	if err != nil {
		return fmt.Errorf("hosting: TLS certificate: %w", err)
	}
	c.cert, c.loaded, c.tried = &cert, stamp, stamp
	return nil
}

// get is tls.Config.GetCertificate.
func (c *certLoader) get(*tls.ClientHelloInfo) (*tls.Certificate, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if stamp := c.stamp(); stamp != c.loaded && stamp != c.tried {
		c.tried = stamp
		cert, err := tls.LoadX509KeyPair(c.certFile, c.keyFile)
		if err != nil {
			// Half-written files during a renewal, most likely: keep
			// serving the old certificate and try again when they change.
			c.log.Printf("hosting: TLS certificate changed but cannot be loaded, keeping the previous one: %v", err)
		} else {
			c.cert, c.loaded = &cert, stamp
		}
	}
	return c.cert, nil
}

// stamp identifies the current content of both files cheaply.
func (c *certLoader) stamp() string {
	var b strings.Builder
	for _, name := range []string{c.certFile, c.keyFile} {
		if fi, err := os.Stat(name); err == nil {
			fmt.Fprintf(&b, "%d/%d;", fi.Size(), fi.ModTime().UnixNano())
		} else {
			b.WriteString("missing;")
		}
	}
	return b.String()
}
