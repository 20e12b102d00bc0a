package staticsite

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// TestRunAppWhenWanted: go-app's app.js hands the running of app.wasm to
// web/site.js, and a go-app whose app.js runs it another way fails the
// build instead of starting the app unasked.
func TestRunAppWhenWanted(t *testing.T) {
	const goApp = "    const wasm = await instantiateStreaming(x);\n\n    go.run(wasm.instance);\n    loader.remove();\n  } catch (err) {\n" +
		"}\n\nfunction goappCanLoadWebAssembly() {\n  return true;\n}\n"
	tests := []struct {
		name    string
		give    string
		want    string
		wantErr string
	}{
		{name: "go-app v10.1.11", give: goApp, want: "window.callprivacyWhenWanted(() => {\n      go.run(wasm.instance);"},
		{name: "changed", give: strings.Replace(goApp, "loader.remove();", "loader.hidden = true;", 1), wantErr: "update runAppWhenWanted"},
		{name: "twice", give: goApp + goApp, wantErr: "update runAppWhenWanted"},
		{name: "no way to tell whether the app will run", give: strings.Replace(goApp, "goappCanLoadWebAssembly", "goappMayLoad", 1), wantErr: "update runAppWhenWanted"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			file := filepath.Join(t.TempDir(), "app.js")
			require.NoError(t, os.WriteFile(file, []byte(tt.give), 0o644))
			err := runAppWhenWanted(file)
			if tt.wantErr != "" {
				require.ErrorContains(t, err, tt.wantErr)
				return
			}
			require.NoError(t, err)
			b, err := os.ReadFile(file)
			require.NoError(t, err)
			require.Contains(t, string(b), tt.want)
			require.True(t, strings.HasSuffix(string(b), string(appStart)), "app-start.js is not appended")
			require.Equal(t, 1, strings.Count(string(b), "go.run(wasm.instance);"))
		})
	}
}
