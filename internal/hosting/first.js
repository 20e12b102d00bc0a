// callprivacy: the page's first script (hosting.FirstScript). The build
// puts it inline at the top of every page's head, where it runs before
// anything has arrived, and the Content-Security-Policy allows it by its
// hash. It holds what must work from the moment the page shows, and only
// that: the page's other scripts come once the page has loaded (below),
// so that on a slow line none of them shares the line with the stylesheet
// the first paint waits for, nor runs before that paint.
//
// The page tells it what to do in data- attributes of its element:
// data-scripts, the scripts to add once the page has loaded, in order
// (web/site.js on every page; on the questionnaire also go-app's
// wasm_exec.js and app.js); data-wasm, on the page that runs the app
// only, app.wasm's address.
//
// Written to be read: the build drops every line that starts with // and
// every line's indentation (hosting.compactScript). So no comment after
// code on a line, and no string over several lines.
"use strict";
(() => {
  const page = document.currentScript.dataset;

  // Leave this site: the "Leave this site" link, or Shift pressed three
  // times within two seconds (as GOV.UK's "Exit this page" does). It must
  // not wait for anything: it clears the questionnaire, hides the page at
  // once and replaces this history entry with a neutral page, so that Back
  // does not lead straight here. The link works with no script at all,
  // as a plain link.
  const leave = () => {
    const exit = document.querySelector("a.quick-exit");
    if (!exit) {
      return;
    }
    document.dispatchEvent(new Event("callprivacy:exit"));
    document.body.hidden = true;
    document.title = "";
    location.replace(exit.href);
  };
  document.addEventListener("click", (event) => {
    if (event.target.closest && event.target.closest("a.quick-exit")) {
      event.preventDefault();
      event.stopPropagation();
      leave();
    }
  }, true);
  // A press counts when Shift is let go with no other key pressed
  // meanwhile, so that Shift+Tab or a capital letter never counts. The
  // link's pips show the count and a live region says it (in the
  // practice's words, from the header's data- attributes); two seconds
  // after the first press the count starts again, and says so.
  const shiftsToLeave = 3;
  const shiftWindow = 2000;
  let shifts = 0;
  let shiftAlone = false;
  let shiftTimer = 0;
  const showShifts = (words) => {
    const exit = document.querySelector("a.quick-exit");
    if (exit) {
      if (shifts > 0) {
        exit.dataset.shifts = String(shifts);
      } else {
        delete exit.dataset.shifts;
      }
    }
    const status = document.querySelector(".shift-status");
    if (status) {
      status.textContent = words;
    }
  };
  const resetShifts = (announce) => {
    clearTimeout(shiftTimer);
    const counted = shifts > 0;
    shifts = 0;
    if (counted) {
      const header = document.querySelector(".site-header");
      showShifts(announce && header ? header.dataset.shiftReset || "" : "");
    }
  };
  document.addEventListener("keydown", (event) => {
    if (event.key === "Shift") {
      shiftAlone = !event.repeat || shiftAlone;
      return;
    }
    shiftAlone = false;
    resetShifts(false);
  });
  document.addEventListener("keyup", (event) => {
    if (event.key !== "Shift" || !shiftAlone) {
      return;
    }
    shiftAlone = false;
    if (shifts === 0) {
      shiftTimer = setTimeout(() => resetShifts(true), shiftWindow);
    }
    shifts += 1;
    if (shifts >= shiftsToLeave) {
      clearTimeout(shiftTimer);
      leave();
      return;
    }
    const header = document.querySelector(".site-header");
    const template = header ? header.dataset.shiftCount || "" : "";
    showShifts(template.replaceAll("{count}", String(shifts)).replaceAll("{total}", String(shiftsToLeave)));
  });
  // If the browser restores this page from its back-forward cache after
  // leaving, leave again.
  window.addEventListener("pageshow", (event) => {
    if (event.persisted && document.body.hidden) {
      leave();
    }
  });

  if (page.wasm) {
    // app.wasm is most of what the questionnaire's client waits for, and
    // on a slow line the download is the wait: ask for it now, not once
    // app.js has come. But the first paint waits for the stylesheet, and
    // two downloads share the line: app.wasm's bytes must come behind the
    // stylesheet's. So ask one round trip after the head was read (the
    // page's own, from its request to its first byte), about when the
    // stylesheet's bytes have come. app.js takes this response
    // (callprivacyFetchWasm in internal/staticsite/app-start.js). Nothing
    // is asked for where go-app runs no app: with ?wasm=false, or for a
    // crawler (go-app's own test, which the build checks is unchanged).
    if (!/bot|googlebot|crawler|spider|robot|crawling/i.test(navigator.userAgent) && new URLSearchParams(location.search).get("wasm") !== "false") {
      let response;
      const get = () => {
        if (!response) {
          response = fetch(page.wasm);
          response.catch(() => {});
        }
        return response;
      };
      const nav = performance.getEntriesByType("navigation")[0];
      setTimeout(get, nav ? Math.max(0, nav.responseStart - nav.requestStart) : 0);
      window.callprivacyWasm = { url: page.wasm, get };
    }

    // The app starts when the client first reaches for the page, not as
    // it opens: starting Go and mounting the page hold the main thread for
    // a second or more on a slow phone, and done as the page opens, that
    // second falls while the client is reading. Reaching for the page: a
    // tap or click, a key or focus moving, anywhere but on a link (which
    // leaves the page) or in the header (the menu and "Leave this site",
    // which must never wait for the app). Shift and the other modifier
    // keys do not count: Shift three times leaves the site. An address
    // with a fragment (a link to resume the answers) wants the app at
    // once: what it shows needs it. app.js, which comes once the page has
    // loaded, waits for window.callprivacyWanted or the
    // "callprivacy:wanted" event; said from here, a tap made before then
    // counts.
    const want = () => {
      window.callprivacyWanted = true;
      document.dispatchEvent(new Event("callprivacy:wanted"));
    };
    if (location.hash !== "") {
      want();
    } else {
      const types = ["pointerup", "keyup", "focusin"];
      const modifiers = ["Shift", "Control", "Alt", "Meta", "AltGraph", "CapsLock"];
      const reach = (event) => {
        if (event.type === "keyup" && modifiers.includes(event.key)) {
          return;
        }
        if (event.target.closest && event.target.closest("a[href], .site-header")) {
          return;
        }
        for (const type of types) {
          document.removeEventListener(type, reach, true);
        }
        want();
      };
      for (const type of types) {
        document.addEventListener(type, reach, true);
      }
    }
  }

  // The page's other scripts, once it has loaded, in order.
  window.addEventListener("load", () => {
    for (const src of (page.scripts || "").split(" ").filter(Boolean)) {
      const script = document.createElement("script");
      script.src = src;
      script.async = false;
      document.head.append(script);
    }
  });
})();
