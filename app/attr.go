package app

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"callprivacy/internal/htmlattr"
)

// attr is how every value that is not a constant reaches an attribute or
// the document's title and description. When a page is prerendered, go-app
// writes attribute values with Go quoting rather than HTML escaping, so a
// `"` in a practice's name would end the attribute and the rest would
// become markup: attr escapes the value so that the prerendered page
// holds exactly the intended string (see internal/htmlattr). In the
// browser go-app sets attributes through the DOM and the value goes as it
// is; app.IsClient is a constant, so app.wasm carries no escaping code.
func attr(v string) string {
	if app.IsClient {
		return v
	}
	return htmlattr.Escape(v)
}
