
// -----------------------------------------------------------------------------
// callprivacy: when the app starts (appended by the build, see
// runAppWhenWanted in internal/staticsite/build.go)
// -----------------------------------------------------------------------------
//
// The questionnaire's app starts when the client first reaches for the
// page, not as it opens: the page's first script says when
// (callprivacyWanted and the "callprivacy:wanted" event), and why
// (internal/hosting/first.js). It also asked for app.wasm one round trip
// after the head was read, and added this script once the page had
// loaded. goappInitWebAssembly above compiles app.wasm as it arrives,
// off the main thread, and the service worker is registered once it has
// arrived; then it hands the running of the app to
// callprivacyWhenWanted. If the client has already reached for the page,
// the app runs at once; if not, when they do, after the next paint, so
// that what they did (a tick) shows first. A client who never uses the
// questionnaire never pays for starting it.
//
// The app's data (web/site.json) is fetched now, alongside app.wasm, and
// handed to the app when it starts (FetchSite in app/load.go), so that the
// client's first tap is not followed by one more round trip.
(() => {
  const siteData = ((document.querySelector(".site") || {}).dataset || {}).siteData;
  // Not where go-app will not run the app (?wasm=false, a crawler).
  if (siteData && goappCanLoadWebAssembly()) {
    const text = fetch(siteData).then((res) => res.ok ? res.text() : Promise.reject(new Error("HTTP status " + res.status)));
    // Reported by the app, which reads it; never unhandled meanwhile.
    text.catch(() => {});
    window.callprivacySiteData = text;
  }

  // Run once the page's first script says the client wants the app.
  window.callprivacyWhenWanted = (run) => {
    if (window.callprivacyWanted) {
      run(); // reached for while app.wasm was on its way, or a fragment
      return;
    }
    document.addEventListener("callprivacy:wanted", () => {
      // After the next paint, so that what the client did (a tick) shows first.
      requestAnimationFrame(() => setTimeout(run, 0));
    }, { once: true });
  };
})();

// callprivacyFetchWasm is how go-app's fetchWithProgress requests app.wasm
// (runAppWhenWanted): the page's first script already did, one round
// trip after its head was read (internal/hosting/first.js), and this
// hands over that response instead of asking again (or asks now, through it, if the round
// trip is not over yet); a page without it (go-app will not run the app
// there) asks. A function declaration, so that it exists when go-app's
// start, at the top of app.js, calls it.
function callprivacyFetchWasm(url) {
  const early = window.callprivacyWasm;
  window.callprivacyWasm = null;
  return early && early.url === url ? early.get() : fetch(url);
}
