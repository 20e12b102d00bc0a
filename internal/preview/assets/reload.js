// callprivacy preview: reloads the page when the site has been rebuilt,
// and shows what stops a rebuild over the last version that worked. The
// preview server adds it to every page it serves; it is never part of a
// build. Same origin only, no inline code: the site's policy holds.
"use strict";

(() => {
  const shown = Number(new URL(document.currentScript.src).searchParams.get("v"));
  let box = null;

  const show = (problems) => {
    // The error page lists them itself.
    if (document.querySelector(".callprivacy-preview-error")) {
      return;
    }
    if (!box || !box.isConnected) {
      box = document.createElement("div");
      box.className = "callprivacy-preview-problems";
      box.setAttribute("role", "alert");
      document.body.append(box);
    }
    const key = problems.join("\n");
    if (box.dataset.shown === key) {
      return;
    }
    box.dataset.shown = key;
    const title = document.createElement("p");
    title.textContent = "Preview not updated: " + problems.length + " problem(s) to fix. " +
      "Below is the last version that worked; this page updates by itself once they are fixed.";
    const list = document.createElement("ul");
    for (const p of problems) {
      const item = document.createElement("li");
      item.textContent = p;
      list.append(item);
    }
    box.replaceChildren(title, list);
  };

  const check = async () => {
    try {
      const response = await fetch("/__preview/status", { cache: "no-store" });
      const status = await response.json();
      if (status.version !== shown) {
        location.reload();
        return;
      }
      if (status.problems && status.problems.length) {
        show(status.problems);
      } else if (box) {
        box.remove();
        box = null;
      }
    } catch (err) {
      // The preview is restarting or was stopped: keep asking.
    }
    setTimeout(check, 300);
  };
  check();
})();
