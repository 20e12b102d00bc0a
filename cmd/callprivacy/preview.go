//go:build !wasm

package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/signal"
	"path/filepath"
	"syscall"
	"time"

	"callprivacy/internal/preview"
)

// runPreview builds the content, serves it on addr and rebuilds it on
// every change until interrupted (see internal/preview).
func runPreview(contentDir, addr string, stdout io.Writer) error {
	// Bind first: a taken port is said at once, not after the first build.
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return fmt.Errorf("callprivacy preview: %w (another preview running? try ARGS=\"-addr 127.0.0.1:8002\")", err)
	}
	defer ln.Close()
	p, err := preview.Start(preview.Config{
		ContentDir: contentDir,
		WebDir:     "web",
		ModuleDir:  ".",
		// Its own folder, never dist/: looking at an edit never replaces
		// a build made for uploading.
		Out: filepath.Join(".cache", "preview"),
		Log: stdout,
	})
	if err != nil {
		return fmt.Errorf("callprivacy preview: %w", err)
	}
	defer p.Close()
	fmt.Fprintf(stdout, "Preview at http://%s/ - open it in a browser. It updates by itself when you save a file in %s/ or web/. Ctrl+C stops it.\n", ln.Addr(), contentDir)

	srv := &http.Server{Handler: p.Handler(), ReadHeaderTimeout: 10 * time.Second}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	go func() {
		<-ctx.Done()
		_ = srv.Close()
	}()
	if err := srv.Serve(ln); !errors.Is(err, http.ErrServerClosed) {
		return fmt.Errorf("callprivacy preview: %w", err)
	}
	return nil
}
