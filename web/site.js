// callprivacy: what the pages do beyond showing text, without the wasm
// app, which may still be loading (about 1.5 MB) or may never start. The
// page's first script (internal/hosting/first.js) adds this file once the
// page has loaded, so that it never holds up the first paint; what must
// work before then, the quick exit and, on the questionnaire, noticing the
// client's first reach, is in that script.
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
  //
  // This script comes once the page has loaded, after the browser has
  // scrolled to the heading an address names (#…), by site.css's first
  // guess at the header's height. If the heading is still exactly where
  // that put it (the reader has not scrolled since), it is put below the
  // header as measured.
  const namedHeading = () => {
    try {
      return location.hash ? document.getElementById(decodeURIComponent(location.hash.slice(1))) : null;
    } catch {
      return null;
    }
  };
  if ("ResizeObserver" in window) {
    const root = document.documentElement;
    const measured = new WeakSet();
    const measure = () => {
      const header = document.querySelector(".site-header");
      if (header && !measured.has(header)) {
        measured.add(header);
        new ResizeObserver(() => {
          const padding = parseFloat(getComputedStyle(root).scrollPaddingTop) || 0;
          const heading = namedHeading();
          const inPlace = heading !== null && Math.abs(heading.getBoundingClientRect().top - padding) < 1;
          root.style.setProperty("--header-height", header.offsetHeight + "px");
          if (inPlace) {
            heading.scrollIntoView();
          }
        }).observe(header);
      }
    };
    measure();
    // go-app replaces the questionnaire's header when it starts.
    new MutationObserver(measure).observe(document.body, { childList: true, subtree: true });
  }

  // The offline copy. The page that runs the app registers the service
  // worker once the app has arrived (app.js); every other page is a plain
  // document and registers it here, after the page has loaded (as this
  // script runs), so that its downloads never compete with the page's own.
  // registering settles once this page's registration has; removing the
  // site's data waits for it, so that a registration still under way
  // cannot bring the offline copy back just after it was deleted.
  let registering = Promise.resolve();
  if ("serviceWorker" in navigator && !runsApp) {
    const worker = ((document.querySelector(".site") || document.body).dataset || {}).worker;
    if (worker) {
      registering = navigator.serviceWorker.register(worker, { updateViaCache: "none" }).catch((err) => {
        console.warn("callprivacy: no offline copy:", err);
      });
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
    const follow = (worker) => {
      if (worker) {
        worker.addEventListener("statechange", () => watch(worker));
      }
    };
    if (registration.waiting) {
      watch(registration.waiting);
    }
    // This script comes once the page has loaded: a new version the
    // browser found as the page opened may already be installing.
    follow(registration.installing);
    registration.addEventListener("updatefound", () => follow(registration.installing));
  });
})();
