package htmlattr_test

import (
	"html"
	"strconv"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/require"

	"callprivacy/internal/htmlattr"
)

func TestEscape(t *testing.T) {
	tests := []struct {
		name string
		give string
		want string
	}{
		{name: "plain text stays", give: "The Quiet Room", want: "The Quiet Room"},
		{name: "letters beyond ASCII stay", give: "Praxis Müller – Zürich", want: "Praxis Müller – Zürich"},
		{name: "double quote", give: `The "Quiet" Room`, want: "The &#34;Quiet&#34; Room"},
		{name: "markup", give: `x"><img src=x onerror=alert(1)>`, want: "x&#34;&#62;&#60;img src=x onerror=alert(1)&#62;"},
		{name: "ampersand and apostrophe", give: "Smith & Jones' practice", want: "Smith &#38; Jones&#39; practice"},
		{name: "a reference stays text", give: "&amp;", want: "&#38;amp;"},
		{name: "newline and tab", give: "a\nb\tc", want: "a&#10;b&#9;c"},
		{name: "backslash", give: `C:\`, want: "C:&#92;"},
		{name: "no-break space, which strconv.Quote escapes", give: "a\u00a0b", want: "a&#160;b"},
		{name: "invalid UTF-8 reads as the replacement character", give: "a\xffb", want: "a&#65533;b"},
		{name: "NUL and C1 controls, which HTML cannot carry", give: "a\x00b\u0085c", want: "a&#65533;b&#65533;c"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := htmlattr.Escape(tt.give)
			require.Equal(t, tt.want, got)
		})
	}
}

// FuzzEscape checks the two promises for any string: go-app's quoting
// leaves the escaped value as it is, and HTML reads it back as the
// original (invalid UTF-8 as the replacement character, as a browser does).
func FuzzEscape(f *testing.F) {
	for _, s := range []string{"", `x"><img src=x onerror=alert(1)>`, "a\nb", `\"`, "&#34;", "\xff\x00\u2028"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := htmlattr.Escape(s)
		require.Equal(t, `"`+got+`"`, strconv.Quote(got), "strconv.Quote changes the escaped value")
		require.NotContains(t, got, `"`)
		want := []rune(s) // decodes invalid bytes as U+FFFD
		for i, r := range want {
			if r == 0 || (r >= 0x80 && r <= 0x9f) {
				want[i] = utf8.RuneError
			}
		}
		require.Equal(t, string(want), html.UnescapeString(got))
	})
}
