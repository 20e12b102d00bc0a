//go:build !wasm

package main

import (
	"fmt"
	"strings"

	"callprivacy/internal/staticsite"
)

// servePlan is what `serve` does: build the site into a folder and serve
// it, or serve a folder built earlier as it is.
type servePlan struct {
	dir   string // the folder served
	base  string // its base path, clean ("" or "/privacy")
	build bool   // whether to build into dir first
}

// planServe decides what `serve` does from its flags: -dir (serve a build
// as it is, "" to build), -out and -base (where and for which path to
// build), and which of them were given.
//
// It never replaces a build made for another base path: a therapist who
// ran `make build ARGS="-base /privacy/"` and then `make serve` to look at
// it would otherwise get dist/ rebuilt for the root, silently, and upload
// the wrong one. It says instead what to run.
func planServe(dir, out, base string, given map[string]bool) (servePlan, error) {
	clean, err := staticsite.CleanBase(base)
	if err != nil {
		return servePlan{}, err
	}
	if dir != "" {
		if given["out"] {
			return servePlan{}, fmt.Errorf("callprivacy serve: -dir serves a build as it is and -out says where to build one: give one of them")
		}
		built, ok, err := staticsite.BuiltBase(dir)
		if err != nil {
			return servePlan{}, fmt.Errorf("callprivacy serve: %w", err)
		}
		if !ok {
			return servePlan{}, fmt.Errorf("callprivacy serve: %s holds no build to serve: build one first (make build)", dir)
		}
		if given["base"] && built != clean {
			return servePlan{}, fmt.Errorf("callprivacy serve: %s was built for %s, not %s: leave out -base to serve it as it was built", dir, staticsite.ShowBase(built), staticsite.ShowBase(clean))
		}
		return servePlan{dir: dir, base: built}, nil
	}
	built, ok, err := staticsite.BuiltBase(out)
	if err != nil {
		return servePlan{}, fmt.Errorf("callprivacy serve: %w", err)
	}
	if ok && built != clean {
		return servePlan{}, fmt.Errorf("%s", baseClash(out, built, clean))
	}
	return servePlan{dir: out, base: clean, build: true}, nil
}

// baseClash says that out holds a build for another base path, and what
// to run instead, in make's words (the README's).
func baseClash(out, built, want string) string {
	command := func(target string, b string) string {
		var a []string
		if b != "" {
			a = append(a, "-base", staticsite.ShowBase(b))
		}
		if out != "dist" {
			a = append(a, "-out", out)
		}
		if len(a) == 0 {
			return "make " + target
		}
		return "make " + target + ` ARGS="` + strings.Join(a, " ") + `"`
	}
	var b strings.Builder
	fmt.Fprintf(&b, "callprivacy serve: %s holds a build for %s, and serving would replace it with a build for %s. Nothing was changed.\n", out, staticsite.ShowBase(built), staticsite.ShowBase(want))
	fmt.Fprintf(&b, "  To look at that build as it is: make serve ARGS=\"-dir %s\"\n", out)
	fmt.Fprintf(&b, "  To build it for %s again and serve it: %s\n", staticsite.ShowBase(built), command("serve", built))
	fmt.Fprintf(&b, "  To replace it with a build for %s: %s, then %s", staticsite.ShowBase(want), command("build", want), command("serve", want))
	return b.String()
}
