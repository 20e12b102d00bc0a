// callprivacy: the few things that must work without the wasm app, which
// may still be loading (about 1.5 MB) or may never start.
"use strict";

(() => {
  // The page that runs the app (the questionnaire) is the one with go-app's
  // loading indicator; every other page is a plain document.
  const runsApp = document.getElementById("app-wasm-loader") !== null;

  // Links to another page open the ordinary way, as a new document (from
  // the service worker's cache once visited), even on the one page that
  // runs the app: go-app would otherwise show that page inside the app,
  // and open an external link with window.open, which ignores its
  // rel="noopener noreferrer", keeps a handle on this page and sends a
  // Referer. Only links within this page (the questionnaire's steps) stay
  // with the app.
  document.addEventListener("click", (event) => {
    const link = event.target.closest && event.target.closest("a[href]");
    if (link && (link.origin !== location.origin || link.pathname !== location.pathname)) {
      event.stopPropagation();
    }
  });

  // Leave this site: the "Leave this site" link, or Shift pressed three
  // times within two seconds (as GOV.UK's "Exit this page" does). It must
  // not wait for the wasm app: it clears the questionnaire, hides the page
  // at once and replaces this history entry with a neutral page, so that
  // Back does not lead straight here.
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
  // Shift three times within two seconds leaves. A press counts when
  // Shift is let go with no other key pressed meanwhile, so that Shift+Tab
  // or a capital letter never counts. The button's pips show the count
  // and a live region says it (in the practice's words, from the header's
  // data- attributes); two seconds after the first press the count starts
  // again, and says so.
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

  // The installed app has no Back button of its own: the header's Back
  // control (shown only there, see site.css) goes back.
  document.addEventListener("click", (event) => {
    if (event.target.closest && event.target.closest("button.app-back")) {
      history.back();
    }
  });

  // The header is sticky where the screen is tall enough: links to a
  // heading and the focus stop below it (scroll-padding-top in site.css)
  // by its real height, which depends on the words and the zoom.
  if ("ResizeObserver" in window) {
    const measured = new WeakSet();
    const measure = () => {
      const header = document.querySelector(".site-header");
      if (header && !measured.has(header)) {
        measured.add(header);
        new ResizeObserver(() => {
          document.documentElement.style.setProperty("--header-height", header.offsetHeight + "px");
        }).observe(header);
      }
    };
    measure();
    // go-app replaces the questionnaire's header when it starts.
    new MutationObserver(measure).observe(document.body, { childList: true, subtree: true });
  }

  // The questionnaire's app starts when the client first reaches for the
  // page, not as it opens: starting Go and mounting the page hold the main
  // thread for a second or more on a slow phone, and done as the page
  // opens, that second falls while the client is reading. Reaching for the
  // page: a tap or click, a key or focus moving, anywhere but on a link
  // (which leaves the page) or in the header (the menu and "Leave this
  // site", which must never wait for the app). Shift and the other
  // modifier keys do not count: Shift three times leaves the site. An
  // address with a fragment (a link to resume the answers) wants the app
  // at once: what it shows needs it. It is said here, not in app.js, which
  // the page adds only once it has loaded (hosting.EarlyScript), so that a
  // tap made before then counts; app.js waits for window.callprivacyWanted
  // or the "callprivacy:wanted" event.
  if (runsApp) {
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

  // If the browser restores this page from its back-forward cache after
  // leaving, leave again.
  window.addEventListener("pageshow", (event) => {
    if (event.persisted && document.body.hidden) {
      leave();
    }
  });

  // The offline copy. The page that runs the app registers the service
  // worker once the app has arrived (app.js); every other page is a plain
  // document and registers it here, after the page has loaded, so that
  // its downloads never compete with the page's own.
  // registering settles once this page's registration has; removing the
  // site's data waits for it, so that a registration still under way
  // cannot bring the offline copy back just after it was deleted.
  let registering = Promise.resolve();
  let removed = false;
  if ("serviceWorker" in navigator && !runsApp) {
    const worker = ((document.querySelector(".site") || document.body).dataset || {}).worker;
    if (worker) {
      const register = () => {
        if (removed) {
          return;
        }
        registering = navigator.serviceWorker.register(worker, { updateViaCache: "none" }).catch((err) => {
          console.warn("callprivacy: no offline copy:", err);
        });
      };
      if (document.readyState === "complete") {
        register();
      } else {
        window.addEventListener("load", register);
      }
    }
  }

  // Remove this site from this device: unregister the service worker and
  // delete every cache of this origin, which is the whole offline copy.
  // Nothing goes over the network. History and an installed icon are the
  // browser's, out of a page's reach; the page's own words say so.
  const removal = document.querySelector(".remove-site-data button");
  if (removal && ("serviceWorker" in navigator || "caches" in window)) {
    const status = document.querySelector(".remove-site-data-status");
    const say = (text) => {
      if (status) {
        status.textContent = text || "";
      }
    };
    removal.hidden = false;
    removal.addEventListener("click", async () => {
      removal.disabled = true;
      removed = true;
      say(removal.dataset.working);
      try {
        await registering;
        if ("serviceWorker" in navigator) {
          const registrations = await navigator.serviceWorker.getRegistrations();
          await Promise.all(registrations.map((r) => r.unregister()));
        }
        if ("caches" in window) {
          const keys = await caches.keys();
          await Promise.all(keys.map((k) => caches.delete(k)));
        }
        say(removal.dataset.done);
      } catch (err) {
        console.warn("callprivacy: removing the offline copy:", err);
        say(removal.dataset.failed);
        removal.disabled = false;
      }
    });
  }

  // A new version: the service worker installs it in the background and
  // waits. This notice lets the reader switch when it suits them, so that a
  // page never runs half old, half new.
  if (!("serviceWorker" in navigator)) {
    return;
  }
  let switching = false;
  navigator.serviceWorker.addEventListener("controllerchange", () => {
    if (switching) {
      location.reload();
    }
  });

  const announce = (worker) => {
    if (document.querySelector(".update-notice")) {
      return;
    }
    // The words come from the practice's content, through the page frame.
    const words = (document.querySelector(".site") || document.body).dataset;
    const notice = document.createElement("div");
    notice.className = "update-notice";
    notice.setAttribute("role", "status");
    const text = document.createElement("p");
    text.textContent = words.updateNotice || "";
    const button = document.createElement("button");
    button.type = "button";
    button.className = "primary";
    button.textContent = words.updateButton || "";
    button.addEventListener("click", () => {
      switching = true;
      worker.postMessage("callprivacy:activate");
    });
    notice.append(text, button);
    document.body.append(notice);
  };

  navigator.serviceWorker.ready.then((registration) => {
    const watch = (worker) => {
      if (worker.state === "installed" && navigator.serviceWorker.controller) {
        announce(worker);
      }
    };
    if (registration.waiting) {
      watch(registration.waiting);
    }
    registration.addEventListener("updatefound", () => {
      const worker = registration.installing;
      if (worker) {
        worker.addEventListener("statechange", () => watch(worker));
      }
    });
  });
})();
