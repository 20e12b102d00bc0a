// callprivacy: the few things that must work without the wasm app, which
// may still be loading (about 1.5 MB) or may never start.
"use strict";

(() => {
  // External links open the ordinary way: in this tab, honouring their
  // rel="noopener noreferrer". go-app would open them with window.open,
  // which ignores rel, keeps a handle on this page and sends a Referer.
  document.addEventListener("click", (event) => {
    const link = event.target.closest && event.target.closest("a[href]");
    if (link && link.origin !== location.origin) {
      event.stopPropagation();
    }
  });

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
    const notice = document.createElement("div");
    notice.className = "update-notice";
    notice.setAttribute("role", "status");
    const text = document.createElement("p");
    text.textContent = "A new version of this page is available.";
    const button = document.createElement("button");
    button.type = "button";
    button.className = "primary";
    button.textContent = "Reload";
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
