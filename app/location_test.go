package app

import (
	"net/url"
	"testing"

	"github.com/stretchr/testify/require"
)

func TestRepairEscapes(t *testing.T) {
	tests := []struct {
		give, want string
	}{
		{"http://h/questionnaire#check", "http://h/questionnaire#check"},
		{"http://h/questionnaire#answers=v1;%ZZ", "http://h/questionnaire#answers=v1;%25ZZ"},
		{"http://h/a%2", "http://h/a%252"},
		{"http://h/a%", "http://h/a%25"},
		{"http://h/%E2%80%A6", "http://h/%E2%80%A6"},
		{"http://h/%zz/%41", "http://h/%25zz/%41"},
	}
	for _, tt := range tests {
		t.Run(tt.give, func(t *testing.T) {
			got := repairEscapes(tt.give)
			require.Equal(t, tt.want, got)
			_, err := url.Parse(got)
			require.NoError(t, err)
		})
	}
}

// FuzzRepairEscapes: whatever a link holds, the repaired address parses.
func FuzzRepairEscapes(f *testing.F) {
	for _, s := range []string{"http://h/q#answers=v1;%ZZ;<script>", "http://h/%", "http://h/%%%41"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, tail string) {
		for _, c := range []byte(tail) {
			if c <= ' ' || c >= 0x7f {
				return // a browser's location.href has these percent-encoded
			}
		}
		href := "http://127.0.0.1:8000/questionnaire#" + tail
		u, err := url.Parse(repairEscapes(href))
		if err != nil {
			t.Fatalf("still unparseable: %v", err)
		}
		if u.Path != "/questionnaire" {
			t.Fatalf("the repair changed the path: %q", u.Path)
		}
	})
}
