// Package wasmexec holds the Go toolchain's wasm_exec.js, the glue between
// the browser and app.wasm. The build ships this file (not go-app's own
// copy, which go-app picks by the generator's Go version), and it must be
// byte-for-byte the one of the toolchain that builds app.wasm.
package wasmexec

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// TestMatchesToolchain fails when wasm_exec.js drifts from the Go
// toolchain's copy, e.g. after a Go upgrade. Fix: make wasm_exec.
func TestMatchesToolchain(t *testing.T) {
	goroot, err := exec.Command("go", "env", "GOROOT").Output()
	require.NoError(t, err)
	toolchain := filepath.Join(strings.TrimSpace(string(goroot)), "lib", "wasm", "wasm_exec.js")
	want, err := os.ReadFile(toolchain)
	require.NoError(t, err)
	got, err := os.ReadFile("wasm_exec.js")
	require.NoError(t, err)
	require.True(t, string(want) == string(got), "wasm_exec/wasm_exec.js differs from %s: run `make wasm_exec` and commit the result", toolchain)
}
