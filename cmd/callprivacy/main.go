//go:build !wasm

// Command callprivacy builds, checks and serves the practice's video-platform
// privacy site. The same package, built for GOOS=js GOARCH=wasm, is the
// browser app (main_wasm.go); this file is the native command line and never
// reaches the wasm.
//
//	callprivacy check                  check the content, report file:line problems
//	callprivacy build [-base /privacy/] write the static site to dist/
//	callprivacy serve                  build, then serve it on 127.0.0.1:8000
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/signal"
	"time"

	"callprivacy/content"
	"callprivacy/internal/site"
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
  callprivacy build [-content DIR] [-out DIR] [-base PATH]
  callprivacy serve [-content DIR] [-out DIR] [-base PATH] [-addr HOST:PORT]

check  reads the content and reports every problem as file:line.
build  checks, then writes a static site any web host can serve.
serve  builds, then serves the site locally for a look in a browser.
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
	var out, base, addr *string
	switch cmd {
	case "check":
	case "build", "serve":
		out = fs.String("out", "dist", "the folder to write the site to (emptied first)")
		base = fs.String("base", "/", "the path the site is hosted under, e.g. /privacy/")
		if cmd == "serve" {
			addr = fs.String("addr", "127.0.0.1:8000", "the address to listen on")
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

	s, err := content.Load(os.DirFS(*contentDir), *contentDir)
	if err != nil {
		var ps content.Problems
		if errors.As(err, &ps) {
			return fmt.Errorf("%v\n%d problem(s) in %s: nothing was built", err, len(ps), *contentDir)
		}
		return err
	}
	if cmd == "check" {
		fmt.Fprintf(stdout, "%s: %d pages, %d platforms, no problems\n", *contentDir, len(s.Pages), len(s.Platforms))
		return nil
	}

	cleanBase, err := staticsite.CleanBase(*base)
	if err != nil {
		return err
	}
	res, err := staticsite.Build(s, staticsite.Options{
		ModuleDir: ".",
		WebDir:    "web",
		WasmExec:  "wasm_exec/wasm_exec.js",
		Out:       *out,
		Base:      cleanBase,
	})
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "built %d pages into %s (version %s)\n", len(res.Routes), *out, res.Version)
	if cmd == "build" {
		return nil
	}
	return serve(*addr, *out, cleanBase, stdout)
}

// serve serves the built site until interrupted.
func serve(addr, dir, base string, stdout io.Writer) error {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return err
	}
	srv := &http.Server{
		Handler:           staticsite.FileServer(dir, base),
		ReadHeaderTimeout: 5 * time.Second,
		IdleTimeout:       time.Minute,
	}
	fmt.Fprintf(stdout, "serving %s at http://%s%s (Ctrl+C to stop)\n", dir, ln.Addr(), site.Link(base, "/"))
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	go func() {
		<-ctx.Done()
		shutdown, cancel := context.WithTimeout(context.Background(), 2*time.Second)
		defer cancel()
		_ = srv.Shutdown(shutdown)
	}()
	if err := srv.Serve(ln); !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}
