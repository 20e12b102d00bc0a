package content

import (
	"errors"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/stretchr/testify/require"
)

const hardSentence = "Organisational oversight characteristically necessitates comprehensive administrative configuration, continuous verification and institutional accountability."

// TestReadability: a page above grade 9, or a questionnaire above grade 7,
// is reported at the hardest sentences, where they are written.
func TestReadability(t *testing.T) {
	tests := []struct {
		name string
		edit func(fstest.MapFS)
		want string
	}{
		{name: "a page",
			edit: func(fsys fstest.MapFS) {
				fsys["metadata.md"] = &fstest.MapFile{Data: []byte(validPage("Metadata", "Metadata", "## Who talks to whom\n\nPatterns.\n\n"+hardSentence+" "+hardSentence+"\n"))}
			},
			want: `content/metadata.md:10: the page reads at grade `},
		{name: "a platform's fact",
			edit: func(fsys fstest.MapFS) {
				a := string(fsys["platforms/alpha.md"].Data)
				fsys["platforms/alpha.md"] = &fstest.MapFile{Data: []byte(strings.Replace(a, "    explain: Plain words.\n", "    explain: "+hardSentence+" "+hardSentence+" "+hardSentence+"\n", 1))}
			},
			want: `content/platforms/alpha.md:12: the page reads at grade `},
		{name: "the questionnaire",
			edit: func(fsys fstest.MapFS) {
				q := string(fsys["questionnaire.yaml"].Data)
				fsys["questionnaire.yaml"] = &fstest.MapFile{Data: []byte(strings.Replace(q, "    why: Because.\n", "    why: "+hardSentence+"\n", 1))}
			},
			want: `content/questionnaire.yaml:4: the questionnaire reads at grade `},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fsys := validFS()
			tt.edit(fsys)
			_, err := Load(fsys, "content")
			var ps Problems
			require.True(t, errors.As(err, &ps), "error is %T: %v", err, err)
			require.Contains(t, err.Error(), tt.want)
			require.Contains(t, err.Error(), `plainer words`)
			require.Contains(t, err.Error(), `"Organisational oversight`)
		})
	}
}
