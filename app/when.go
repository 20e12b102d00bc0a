package app

import "github.com/maxence-charriere/go-app/v10/pkg/app"

// when shows what ui builds only if cond holds. It is app.If behind one
// function the compiler does not inline, so app.wasm carries app.If's inner
// closure once instead of once per call site (about 400 bytes apiece).
//
//go:noinline
func when(cond bool, ui func() app.UI) app.UI { return app.If(cond, ui) }
