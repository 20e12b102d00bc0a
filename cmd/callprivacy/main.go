//go:build !wasm

// Command callprivacy builds, checks and serves the practice's video-platform
// privacy site. The same package, built for GOOS=js GOARCH=wasm, is the
// browser app (main_wasm.go); this file is the native command line and never
// reaches the wasm.
//
//	callprivacy check                  check the content, report file:line problems
//	callprivacy build [-base /privacy/] write the static site to dist/
//	callprivacy serve                  build, then serve it on 127.0.0.1:8000
//	callprivacy serve -dir dist        serve a build as it is, for its base path
//	callprivacy preview                serve on 127.0.0.1:8001, rebuilt and
//	                                   reloaded on every change to content/
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
  callprivacy serve -dir DIR [-addr HOST:PORT] [...]
  callprivacy preview [-content DIR] [-addr HOST:PORT]

check    reads the content and reports every problem as file:line.
links    prints the paragraphs for an intake email: the links to the
         overview, each platform offered, joining a session and the
         questionnaire, at the address in site.yaml's url, in the
         practice's words.
build    checks, then writes a static site any web host can serve.
serve    builds, then serves the site: locally over HTTP for a look in a
         browser, or, with a certificate and its key, over HTTPS (TLS 1.3
         only) with the site's security headers, as its own web server.
         Requests are logged on stderr without the visitor's address,
         browser, referrer or query. It refuses to replace a build made
         for another -base; -dir serves a build as it is, unchanged.
preview  builds into .cache/preview and serves it on 127.0.0.1:8001; on
         every save in the content folder or web/ it rebuilds and the
         open page reloads itself, or shows the problems to fix.
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
	var out, base, addr, tlsCert, tlsKey, redirectHTTP, dir *string
	switch cmd {
	case "check", "links":
	case "preview":
		addr = fs.String("addr", "127.0.0.1:8001", "the address to listen on (not serve's, so that the two can run side by side)")
	case "build", "serve":
		out = fs.String("out", "dist", "the folder to write the site to (emptied first)")
		base = fs.String("base", "/", "the path the site is hosted under, e.g. /privacy/, when site.yaml has no url (with one, the path follows from it)")
		if cmd == "serve" {
			addr = fs.String("addr", "127.0.0.1:8000", "the address to listen on")
			tlsCert = fs.String("tls-cert", "", "serve HTTPS (TLS 1.3 only) with this PEM certificate (chain); needs -tls-key")
			tlsKey = fs.String("tls-key", "", "the PEM private key of -tls-cert")
			redirectHTTP = fs.String("redirect-http", "", "also listen for plain HTTP here (e.g. :80) and redirect it to HTTPS; needs -tls-cert")
			dir = fs.String("dir", "", "serve this folder as it was built (for the base it was built for), without building")
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
	if cmd == "preview" {
		return runPreview(*contentDir, *addr, stdout)
	}
	given := map[string]bool{}
	fs.Visit(func(f *flag.Flag) { given[f.Name] = true })
	if cmd == "serve" {
		// Refuse bad flags before reading anything.
		switch {
		case (*tlsCert == "") != (*tlsKey == ""):
			return errors.New("callprivacy serve: -tls-cert and -tls-key go together: give both for HTTPS, or neither")
		case *redirectHTTP != "" && *tlsCert == "":
			return errors.New("callprivacy serve: -redirect-http redirects to HTTPS, which needs -tls-cert and -tls-key")
		}
		if *dir != "" {
			// A build served as it is: the content is not read.
			plan, err := planServe(*dir, *out, *base, given)
			if err != nil {
				return err
			}
			listening, err := listen(plan, *addr, *tlsCert, *tlsKey, *redirectHTTP, stderr)
			if err != nil {
				return err
			}
			return serve(listening, plan.dir, stdout)
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
	cleanBase, err := staticsite.ResolveBase(s.Settings.URL, *base, given["base"])
	if err != nil {
		return err
	}

	var listening *hosting.Listening
	if cmd == "serve" {
		plan, err := planServe("", *out, staticsite.ShowBase(cleanBase), given)
		if err != nil {
			return err
		}
		// Refuse a taken port or an unreadable certificate now, not after
		// a minute of building: bind first, serve once built.
		if listening, err = listen(plan, *addr, *tlsCert, *tlsKey, *redirectHTTP, stderr); err != nil {
			return err
		}
		// Released by Serve; this is for the returns before it.
		defer listening.Close()
	}

	o := staticsite.ModuleOptions(".", *out, cleanBase)
	o.Progress = stdout
	res, err := staticsite.Build(s, o)
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "built %d pages into %s (version %s)\n", len(res.Routes), *out, res.Version)
	if cmd == "build" {
		return nil
	}
	return serve(listening, *out, stdout)
}

// listen binds serve's address (and the HTTP redirect's) for the site in
// plan, with the site's headers and, given a certificate, TLS 1.3.
func listen(plan servePlan, addr, tlsCert, tlsKey, redirectHTTP string, stderr io.Writer) (*hosting.Listening, error) {
	srv := &hosting.Server{
		Addr: addr,
		// The file server reads nothing until asked: a site still to be
		// built is built before anything is served.
		Site:         staticsite.FileServer(plan.dir, plan.base),
		Base:         plan.base,
		CertFile:     tlsCert,
		KeyFile:      tlsKey,
		RedirectAddr: redirectHTTP,
		Log:          stderr,
	}
	if err := srv.Validate(); err != nil {
		return nil, fmt.Errorf("callprivacy serve: %w", err)
	}
	l, err := srv.Listen()
	if err != nil {
		return nil, fmt.Errorf("callprivacy serve: %w", err)
	}
	return l, nil
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
