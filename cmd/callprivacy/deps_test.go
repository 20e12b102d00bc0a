//go:build !wasm

package main

import (
	"os"
	"os/exec"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// TestWasmLinksNoBuildTimePackage keeps Markdown, highlighting, YAML,
// templates and QR codes out of app.wasm: they run once at build time, and in the
// browser they would cost megabytes and start-up time. It asks the Go tool
// what the wasm build of this package imports.
func TestWasmLinksNoBuildTimePackage(t *testing.T) {
	cmd := exec.Command("go", "list", "-deps", ".")
	cmd.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm")
	out, err := cmd.CombinedOutput()
	require.NoError(t, err, "%s", out)
	deps := strings.Fields(string(out))
	require.Contains(t, deps, "github.com/maxence-charriere/go-app/v10/pkg/app", "the list is the wasm app's")

	forbidden := []string{
		"github.com/yuin/goldmark",
		"github.com/alecthomas/chroma",
		"go.yaml.in/yaml",
		"gopkg.in/yaml",
		"text/template",
		"html/template",
		"callprivacy/internal/content",
		"callprivacy/internal/markdown",
		"callprivacy/internal/staticsite",
		// The leaflet's QR code is drawn at build time; the reader is the
		// tests'.
		"github.com/skip2/go-qrcode",
		"github.com/makiuchi-d/gozxing",
		"callprivacy/internal/qrsvg",
		"callprivacy/internal/qrread",
	}
	for _, d := range deps {
		for _, f := range forbidden {
			require.False(t, d == f || strings.HasPrefix(d, f+"/") || strings.HasPrefix(d, f+"."), "app.wasm links %s", d)
		}
	}
}

// TestProgramsLinkNoTestingPackage keeps the test framework out of the
// programs: the bench shares the browser tests' way of starting Chromium
// through internal/chromium, not through internal/browsertest, whose
// helpers take a *testing.T.
func TestProgramsLinkNoTestingPackage(t *testing.T) {
	for _, pkg := range []string{".", "../bench"} {
		out, err := exec.Command("go", "list", "-deps", pkg).CombinedOutput()
		require.NoError(t, err, "%s", out)
		deps := strings.Fields(string(out))
		require.NotContains(t, deps, "testing", "%s links the testing package", pkg)
		require.NotContains(t, deps, "callprivacy/internal/browsertest", pkg)
	}
}
