package app

import (
	"net/url"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// RepairLocation makes the address in the browser's address bar parseable
// before go-app reads it. go-app parses location.href and ignores the
// error: a hand-edited link with a stray "%" (say "#answers=%ZZ") gives it
// a nil URL, and the whole app stops with a panic. The repair replaces the
// current history entry, so it adds nothing to the history.
func RepairLocation() {
	href := app.Window().Get("location").Get("href").String()
	if _, err := url.Parse(href); err == nil {
		return
	}
	app.Window().Get("history").Call("replaceState", nil, "", repairEscapes(href))
}

// WatchLocation repairs the address on every later navigation too: a
// fragment changed after start (location.hash set by hand, Back or Forward
// to such an entry) reaches go-app's popstate handler, which parses the
// address the same way. The listeners are added before go-app starts, so
// they run before its own, and go-app reads the address only later, when
// its dispatched navigation runs.
func WatchLocation() {
	repair := app.FuncOf(func(app.Value, []app.Value) any {
		RepairLocation()
		return nil
	})
	app.Window().Call("addEventListener", "popstate", repair)
	app.Window().Call("addEventListener", "hashchange", repair)
}

// repairEscapes escapes every "%" that does not start a valid escape, so
// that url.Parse accepts the address and the characters stay as typed.
func repairEscapes(s string) string {
	var out []byte
	for i := 0; i < len(s); i++ {
		if s[i] == '%' && !(i+2 < len(s) && isHex(s[i+1]) && isHex(s[i+2])) {
			out = append(out, "%25"...)
			continue
		}
		out = append(out, s[i])
	}
	return string(out)
}

func isHex(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}
