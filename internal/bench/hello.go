//go:build !wasm

package bench

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
)

// HelloVersion is the go-app release the "go-app floor" baseline is built
// with: the one the site uses.
const HelloVersion = "v10.1.11"

// helloMain is the smallest go-app v10 app worth comparing with: one
// component with a heading and a paragraph, the client/server split the
// site uses, and the icons set so that nothing points at another origin.
const helloMain = `package main

import (
	"fmt"
	"os"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

type hello struct{ app.Compo }

func (h *hello) Render() app.UI {
	return app.Main().Body(
		app.H1().Text("Hello"),
		app.P().Text("This is the smallest go-app page: one component, a heading and a paragraph, prerendered and then run by the wasm app."),
	)
}

func main() {
	app.Route("/", func() app.Composer { return &hello{} })
	app.RunWhenOnBrowser()
	if app.IsClient {
		return
	}
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: hello OUT")
		os.Exit(2)
	}
	err := app.GenerateStaticWebsite(os.Args[1], &app.Handler{
		Name:  "Hello",
		Title: "Hello",
		Icon: app.Icon{
			Default:  "/web/icon-192.png",
			Large:    "/web/icon-512.png",
			SVG:      "/web/icon.svg",
			Maskable: "/web/icon-maskable-512.png",
		},
	})
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}
`

// helloIcons are the site's icons the hello app ships, from web/.
var helloIcons = []string{"icon-192.png", "icon-512.png", "icon.svg", "icon-maskable-512.png"}

// HelloOptions say where the hello app comes from and goes.
type HelloOptions struct {
	// ModuleDir is the callprivacy module: its go.sum and web/ icons are
	// reused.
	ModuleDir string
	// Out is the folder to write the static hello site to.
	Out string
	// Go is the go command; "" means "go" from PATH.
	Go string
}

// BuildHello writes the "go-app floor" baseline: a temporary module with
// the hello app, prerendered natively with GenerateStaticWebsite and
// compiled to app.wasm with the same toolchain and flags as the site.
func BuildHello(o HelloOptions) error {
	if o.Go == "" {
		o.Go = "go"
	}
	src, err := os.MkdirTemp("", "callprivacy-hello-src-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(src)

	gomod := "module hello\n\ngo 1.26\n\nrequire github.com/maxence-charriere/go-app/v10 " + HelloVersion + "\n"
	if err := os.WriteFile(filepath.Join(src, "go.mod"), []byte(gomod), 0o644); err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(src, "main.go"), []byte(helloMain), 0o644); err != nil {
		return err
	}
	// The site's go.sum already vouches for go-app and its dependencies,
	// which the site's own builds have put in the module cache.
	if err := copyFile(filepath.Join(o.ModuleDir, "go.sum"), filepath.Join(src, "go.sum")); err != nil {
		return err
	}

	env := append(os.Environ(), "GOWORK=off", "GOFLAGS="+strings.TrimSpace(os.Getenv("GOFLAGS")+" -mod=mod"))
	goCmd := func(extra []string, args ...string) error {
		cmd := exec.Command(o.Go, args...)
		cmd.Dir = src
		cmd.Env = append(append([]string(nil), env...), extra...)
		var out bytes.Buffer
		cmd.Stdout, cmd.Stderr = &out, &out
		if err := cmd.Run(); err != nil {
			return fmt.Errorf("go %s: %v\n%s", strings.Join(args, " "), err, out.Bytes())
		}
		return nil
	}

	if err := os.MkdirAll(o.Out, 0o755); err != nil {
		return err
	}
	gen := filepath.Join(src, "hello-gen")
	if err := goCmd(nil, "build", "-o", gen, "."); err != nil {
		return err
	}
	out, err := filepath.Abs(o.Out)
	if err != nil {
		return err
	}
	cmd := exec.Command(gen, out)
	if b, err := cmd.CombinedOutput(); err != nil {
		return fmt.Errorf("prerendering the hello app: %v\n%s", err, b)
	}
	web := filepath.Join(out, "web")
	if err := os.MkdirAll(web, 0o755); err != nil {
		return err
	}
	// The same command as staticsite.Build uses for the site's app.wasm.
	if err := goCmd([]string{"GOOS=js", "GOARCH=wasm"}, "build", "-trimpath", "-ldflags=-s -w", "-o", filepath.Join(web, "app.wasm"), "."); err != nil {
		return err
	}
	for _, name := range helloIcons {
		if err := copyFile(filepath.Join(o.ModuleDir, "web", name), filepath.Join(web, name)); err != nil {
			return err
		}
	}
	// As the site build does: ship the toolchain's wasm_exec.js, not the
	// copy go-app picks by the generator's Go version.
	goroot, err := exec.Command(o.Go, "env", "GOROOT").Output()
	if err != nil {
		return fmt.Errorf("finding GOROOT: %w", err)
	}
	return copyFile(filepath.Join(strings.TrimSpace(string(goroot)), "lib", "wasm", "wasm_exec.js"), filepath.Join(out, "wasm_exec.js"))
}

func copyFile(src, dst string) error {
	b, err := os.ReadFile(src)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
		return err
	}
	return os.WriteFile(dst, b, 0o644)
}
