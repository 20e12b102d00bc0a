// callprivacy: the few things that must work without the wasm app, which
// may still be loading (about 1.5 MB) or may never start.
"use strict";

(() => {
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
  let shifts = [];
  document.addEventListener("keydown", (event) => {
    if (event.key !== "Shift") {
      shifts = [];
      return;
    }
    if (event.repeat) {
      return;
    }
    const now = Date.now();
    shifts = shifts.filter((t) => now - t < 2000).concat(now);
    if (shifts.length >= 3) {
      leave();
    }
  });
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
  if ("serviceWorker" in navigator && !document.querySelector('script[src$="/app.js"]')) {
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
