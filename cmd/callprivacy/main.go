//go:build !wasm

// Command callprivacy builds, checks and serves the practice's video-platform
// privacy site. The same package, built for GOOS=js GOARCH=wasm, is the
// browser app (main_wasm.go); this file is the native command line and never
// reaches the wasm.
//
//	callprivacy check                  check the content, report file:line problems
//	callprivacy links                  print the links for an intake email
//	callprivacy build [-base /privacy/] write the static site to dist/
//	callprivacy serve                  build, then serve it on 127.0.0.1:8000
//	callprivacy serve -addr :443 -tls-cert FILE -tls-key FILE -redirect-http :80
//	                                   build, then host it: HTTPS, TLS 1.3 only
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"
	"time"

	"callprivacy/internal/content"
	"callprivacy/internal/hosting"
	"callprivacy/internal/staticsite"
)

func main() {
	if err := run(os.Args[1:], os.Stdout, os.Stderr); err != nil {
		if !errors.Is(err, errUsage) {
			fmt.Fprintln(os.Stderr, err)
		}
		os.Exit(1)
	}
}

var errUsage = errors.New("usage")

const usage = `callprivacy: the practice's video-platform privacy site

Usage:
  callprivacy check [-content DIR]
  callprivacy links [-content DIR]
  callprivacy build [-content DIR] [-out DIR] [-base PATH]
  callprivacy serve [-content DIR] [-out DIR] [-base PATH] [-addr HOST:PORT]
                    [-tls-cert FILE -tls-key FILE [-redirect-http HOST:PORT]]

check  reads the content and reports every problem as file:line.
links  prints the paragraphs for an intake email: the links to the
       overview, each platform offered and the questionnaire, at the
       address in site.yaml's url, in the practice's words.
build  checks, then writes a static site any web host can serve.
serve  builds, then serves the site: locally over HTTP for a look in a
       browser, or, with a certificate and its key, over HTTPS (TLS 1.3
       only) with the site's security headers, as its own web server.
       Requests are logged on stderr without the visitor's address,
       browser, referrer or query.
`

func run(args []string, stdout, stderr io.Writer) error {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return errUsage
	}
	cmd, args := args[0], args[1:]
	fs := flag.NewFlagSet(cmd, flag.ContinueOnError)
	fs.SetOutput(stderr)
	contentDir := fs.String("content", "content", "the content folder: site.yaml and the Markdown pages")
	var out, base, addr, tlsCert, tlsKey, redirectHTTP *string
	switch cmd {
	case "check", "links":
	case "build", "serve":
		out = fs.String("out", "dist", "the folder to write the site to (emptied first)")
		base = fs.String("base", "/", "the path the site is hosted under, e.g. /privacy/, when site.yaml has no url (with one, the path follows from it)")
		if cmd == "serve" {
			addr = fs.String("addr", "127.0.0.1:8000", "the address to listen on")
			tlsCert = fs.String("tls-cert", "", "serve HTTPS (TLS 1.3 only) with this PEM certificate (chain); needs -tls-key")
			tlsKey = fs.String("tls-key", "", "the PEM private key of -tls-cert")
			redirectHTTP = fs.String("redirect-http", "", "also listen for plain HTTP here (e.g. :80) and redirect it to HTTPS; needs -tls-cert")
		}
	case "help", "-h", "-help", "--help":
		fmt.Fprint(stdout, usage)
		return nil
	default:
		fmt.Fprintf(stderr, "callprivacy: unknown command %q\n\n%s", cmd, usage)
		return errUsage
	}
	if err := fs.Parse(args); err != nil {
		return errUsage
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "callprivacy %s: unexpected argument %q\n", cmd, fs.Arg(0))
		return errUsage
	}
	if cmd == "serve" {
		// Refuse bad flags before reading anything.
		switch {
		case (*tlsCert == "") != (*tlsKey == ""):
			return errors.New("callprivacy serve: -tls-cert and -tls-key go together: give both for HTTPS, or neither")
		case *redirectHTTP != "" && *tlsCert == "":
			return errors.New("callprivacy serve: -redirect-http redirects to HTTPS, which needs -tls-cert and -tls-key")
		}
	}

	if base != nil {
		if _, err := staticsite.CleanBase(*base); err != nil {
			return err
		}
	}

	s, reminders, err := content.LoadAt(os.DirFS(*contentDir), *contentDir, time.Now())
	// Reminders never stop a build: the therapist sees them every time.
	for _, r := range reminders {
		r.Msg = "reminder: " + r.Msg
		fmt.Fprintln(stderr, r)
	}
	if err != nil {
		var ps content.Problems
		if errors.As(err, &ps) {
			return fmt.Errorf("%v\n%d problem(s) in %s: nothing was built", err, len(ps), *contentDir)
		}
		return err
	}
	switch cmd {
	case "check":
		fmt.Fprintf(stdout, "%s: %d pages, %d platforms, no problems\n", *contentDir, len(s.Pages), len(s.Platforms))
		return nil
	case "links":
		return writeLinks(stdout, s, *contentDir)
	}
	// The base path follows from site.yaml's url; -base is for a site
	// that does not say where it is published.
	cleanBase, err := staticsite.ResolveBase(s.Settings.URL, *base, flagGiven(fs, "base"))
	if err != nil {
		return err
	}

	var listening *hosting.Listening
	if cmd == "serve" {
		// Refuse a taken port or an unreadable certificate now, not after
		// a minute of building: bind first, serve once built.
		srv := &hosting.Server{
			Addr: *addr,
			// The file server reads nothing until asked: the site is built
			// below, before anything is served.
			Site:         staticsite.FileServer(*out, cleanBase),
			Base:         cleanBase,
			CertFile:     *tlsCert,
			KeyFile:      *tlsKey,
			RedirectAddr: *redirectHTTP,
			Log:          stderr,
		}
		if err := srv.Validate(); err != nil {
			return fmt.Errorf("callprivacy serve: %w", err)
		}
		if listening, err = srv.Listen(); err != nil {
			return fmt.Errorf("callprivacy serve: %w", err)
		}
		// Released by Serve; this is for the returns before it.
		defer listening.Close()
	}

	res, err := staticsite.Build(s, staticsite.ModuleOptions(".", *out, cleanBase))
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "built %d pages into %s (version %s)\n", len(res.Routes), *out, res.Version)
	if cmd == "build" {
		return nil
	}
	return serve(listening, *out, stdout)
}

// flagGiven reports whether the flag name was set on the command line.
func flagGiven(fs *flag.FlagSet, name string) bool {
	given := false
	fs.Visit(func(f *flag.Flag) { given = given || f.Name == name })
	return given
}

// serve serves the built site in dir until interrupted (Ctrl+C, or SIGTERM
// from a service manager), then shuts down cleanly.
func serve(l *hosting.Listening, dir string, stdout io.Writer) error {
	fmt.Fprintf(stdout, "serving %s at %s (Ctrl+C to stop)\n", dir, l.URL())
	if a := l.RedirectAddr(); a != nil {
		fmt.Fprintf(stdout, "redirecting http://%s to https\n", a)
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	return l.Serve(ctx)
}
