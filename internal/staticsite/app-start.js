
// -----------------------------------------------------------------------------
// callprivacy: when the app starts (appended by the build, see
// runAppWhenWanted in internal/staticsite/build.go)
// -----------------------------------------------------------------------------
//
// The questionnaire's app starts when the client first reaches for the
// page, not as it opens. goappInitWebAssembly above downloads and compiles
// app.wasm at once, off the main thread, and the service worker is
// registered once it has arrived; then it hands the running of the app to
// callprivacyWhenWanted. Starting Go and mounting the page hold the main
// thread for a second or more on a slow phone: done as the page opens,
// that second falls while the client is reading, and a tap then waits. A
// client who never uses the questionnaire never pays for it.
//
// Reaching for the page: a tap or click, a key or focus moving, anywhere
// but on a link (which leaves the page) or in the header (the menu and
// "Leave this site", which must never wait for the app). Shift and the
// other modifier keys do not count: Shift three times leaves the site. If
// app.wasm is already there, the app starts after the next paint, so that
// what the client did (a tick) shows first; if not, as soon as it arrives.
// An address with a fragment (a link to resume the answers) starts it at
// once: what it shows needs the app.
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

  let wanted = location.hash !== "";
  let pending = null;
  window.callprivacyWhenWanted = (run) => {
    if (wanted) {
      run(); // reached for while app.wasm was on its way, or a fragment
    } else {
      pending = run;
    }
  };
  const modifiers = ["Shift", "Control", "Alt", "Meta", "AltGraph", "CapsLock"];
  const reach = (event) => {
    if (wanted || (event.type === "keyup" && modifiers.includes(event.key))) {
      return;
    }
    const target = event.target;
    if (target.closest && target.closest("a[href], .site-header")) {
      return;
    }
    wanted = true;
    const run = pending;
    pending = null;
    if (run) {
      requestAnimationFrame(() => setTimeout(run, 0));
    }
  };
  for (const type of ["pointerup", "keyup", "focusin"]) {
    document.addEventListener(type, reach, true);
  }
})();
