//go:build wasm

package main

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	ui "callprivacy/app"
)

// main is the browser app, which only the questionnaire starts
// (site.NeedsApp). The page is already readable when it starts (every
// route is prerendered); the app makes the questionnaire interactive.
func main() {
	s, err := ui.FetchSite()
	if err != nil {
		// Keep the prerendered page: it is complete without the app.
		app.Log("callprivacy: the app could not start, the page stays as it is:", err)
		return
	}
	// Decoding the data was one task; mounting the page is another, so
	// that a tap in between is not kept waiting for both.
	ui.YieldToBrowser()
	ui.Register(s, ui.PrerenderedFrame())
	ui.RepairLocation()
	ui.WatchLocation()
	// Last, so that nothing ticked on the prerendered question is lost
	// when go-app replaces it.
	ui.KeepEarlyInput()
	app.RunWhenOnBrowser()
}
