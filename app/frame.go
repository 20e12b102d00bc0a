package app

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// Frame is the page's header and footer as the build prerendered them,
// read from the page in the browser just before go-app takes it over.
//
// Why: go-app re-creates every node of the page when it starts, one
// browser call per element, attribute and text, in a single task that
// blocks the main thread. The header alone (the menu of every page) was
// about half of those nodes, and nothing in it is the app's: its menu is a
// native <details>, and the page's scripts (web/site.js and the first
// script) answer its controls. Given back as
// two pieces of HTML, it costs the browser two parses instead. The words
// are the build's, from the same siteHeader and siteFooter, so the page
// does not change when the app takes it over.
//
// The zero Frame, as at build time, makes the page render its own.
type Frame struct {
	Header, Footer string
}

// PrerenderedFrame reads the frame of the page on screen. Call it right
// before app.RunWhenOnBrowser. Anything set in the header meanwhile (an
// open menu, the Shift count) is kept.
func PrerenderedFrame() Frame {
	doc := app.Window().Get("document")
	outer := func(selector string) string {
		if el := doc.Call("querySelector", ".site > "+selector); el.Truthy() {
			return el.Get("outerHTML").String()
		}
		return ""
	}
	return Frame{Header: outer(".site-header"), Footer: outer(".site-footer")}
}
