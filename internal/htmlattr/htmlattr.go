// Package htmlattr makes text safe for an attribute that go-app v10.1.11
// prerenders.
//
// go-app writes every attribute value of a prerendered page with
// strconv.Quote (pkg/app/node.go): Go quoting, not HTML escaping. A `"` in
// a value becomes `\"`, which ends the attribute and lets the rest of the
// value become markup; a newline becomes the two characters `\n`, and an
// `&` starts a character reference. In the browser the same values are set
// through the DOM and need nothing. Escape turns a value into one that
// strconv.Quote leaves as it is and that the browser's HTML parser reads
// back as the original, so a prerendered page and the page the app renders
// hold the same strings.
package htmlattr

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// Escape writes as a numeric character reference every character that
// HTML or strconv.Quote would treat specially: quotes, angle brackets,
// ampersands, backslashes and anything strconv.Quote would escape
// (control characters, invalid UTF-8, unprintable runes). NUL and the C1
// controls (U+0080 to U+009F) have no reference HTML reads back as
// themselves: like invalid UTF-8 they become U+FFFD, as a browser would
// make them.
func Escape(v string) string {
	if !needsEscape(v) {
		return v
	}
	var b strings.Builder
	for _, r := range v { // invalid UTF-8 comes as utf8.RuneError
		if r == 0 || (r >= 0x80 && r <= 0x9f) {
			r = utf8.RuneError
		}
		if special(r) {
			b.WriteString("&#")
			b.WriteString(strconv.Itoa(int(r)))
			b.WriteByte(';')
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

func needsEscape(v string) bool {
	if !utf8.ValidString(v) {
		return true
	}
	for _, r := range v {
		if special(r) {
			return true
		}
	}
	return false
}

func special(r rune) bool {
	switch r {
	case '"', '\'', '<', '>', '&', '\\', utf8.RuneError:
		return true
	}
	return !strconv.IsPrint(r)
}
