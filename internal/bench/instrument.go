//go:build !wasm

package bench

// instrument runs in every document before the page's own scripts. It
// records FCP, LCP, CLS, long tasks, Event Timing entries and the moment
// app.js removes #app-wasm-loader, and when the DOM last changed. While
// holdNav is set, a click on a link does not leave the page, so that a
// tap's timing can be read.
const instrument = `(() => {
  if (window.__bench) return;
  const m = window.__bench = {
    fcp: -1, lcp: -1, lcpEntries: 0, lcpAfterFree: false, free: -1,
    cls: 0, shifts: 0,
    loaderSeen: false, loaderGone: -1, ready: -1, lastMutation: 0,
    events: [], firstInput: null, unsupported: [], longTasks: [], holdNav: false,
  };
  // The early tap's input delay: how long its events waited for the main
  // thread, from their timestamp to the first listener (this one, which
  // runs before the page's own).
  m.tapDelay = -1;
  for (const type of ["pointerdown", "mousedown", "pointerup", "mouseup", "click"]) {
    document.addEventListener(type, (e) => {
      if (!m.holdNav) return;
      m.tapDelay = Math.max(m.tapDelay, performance.now() - e.timeStamp);
      if (type === "click") e.preventDefault();
    }, true);
  }
  const observe = (type, each, opts) => {
    try {
      new PerformanceObserver((list) => list.getEntries().forEach(each))
        .observe(Object.assign({type: type, buffered: true}, opts || {}));
    } catch (e) { m.unsupported.push(type); }
  };
  observe("paint", (e) => { if (e.name === "first-contentful-paint") m.fcp = e.startTime; });
  observe("largest-contentful-paint", (e) => {
    m.lcp = e.startTime;
    m.lcpEntries++;
    if (m.free >= 0 && e.startTime > m.free) m.lcpAfterFree = true;
  });
  observe("longtask", (e) => m.longTasks.push([e.startTime, e.duration]));
  observe("layout-shift", (e) => { if (!e.hadRecentInput) { m.cls += e.value; m.shifts++; } });
  const timing = (e) => ({name: e.name, start: e.startTime, processingStart: e.processingStart,
    processingEnd: e.processingEnd, duration: e.duration, interactionId: e.interactionId || 0});
  observe("event", (e) => m.events.push(timing(e)), {durationThreshold: 16});
  observe("first-input", (e) => { m.firstInput = timing(e); });
  const ready = () => { try { return !!(__READY__); } catch (e) { return false; } };
  m.check = () => {
    const now = performance.now();
    if (document.getElementById("app-wasm-loader")) m.loaderSeen = true;
    else if (m.loaderSeen && m.loaderGone < 0) m.loaderGone = now;
    if (m.loaderGone >= 0 && m.ready < 0 && ready()) m.ready = now;
  };
  new MutationObserver(() => { m.lastMutation = performance.now(); m.check(); })
    .observe(document, {childList: true, subtree: true, attributes: true, characterData: true});
})();`

// readState reads window.__bench and a few facts about the page.
const readState = `(() => {
  const m = window.__bench || {};
  if (m.check) m.check();
  return JSON.stringify(Object.assign({}, m, {
    now: performance.now(),
    readyState: document.readyState,
    controlled: !!(navigator.serviceWorker && navigator.serviceWorker.controller),
    loaderLabel: (document.getElementById("app-wasm-loader-label") || {}).innerText || "",
    htmlEnd: (performance.getEntriesByType("navigation")[0] || {}).responseEnd || -1,
    resources: performance.getEntriesByType("resource").map((e) => ({
      url: e.name, start: e.startTime, end: e.responseEnd, size: e.transferSize,
      blocking: e.renderBlockingStatus === "blocking",
    })),
  }));
})()`

type eventTiming struct {
	Name            string  `json:"name"`
	Start           float64 `json:"start"`
	ProcessingStart float64 `json:"processingStart"`
	ProcessingEnd   float64 `json:"processingEnd"`
	Duration        float64 `json:"duration"`
	InteractionID   float64 `json:"interactionId"`
}

type pageState struct {
	FCP          float64       `json:"fcp"`
	LCP          float64       `json:"lcp"`
	LCPEntries   int           `json:"lcpEntries"`
	LCPAfterFree bool          `json:"lcpAfterFree"`
	CLS          float64       `json:"cls"`
	Shifts       int           `json:"shifts"`
	LoaderSeen   bool          `json:"loaderSeen"`
	LoaderGone   float64       `json:"loaderGone"`
	Ready        float64       `json:"ready"`
	LastMutation float64       `json:"lastMutation"`
	Events       []eventTiming `json:"events"`
	LongTasks    [][2]float64  `json:"longTasks"`
	TapDelay     float64       `json:"tapDelay"`
	FirstInput   *eventTiming  `json:"firstInput"`
	Unsupported  []string      `json:"unsupported"`
	Now          float64       `json:"now"`
	ReadyState   string        `json:"readyState"`
	Controlled   bool          `json:"controlled"`
	LoaderLabel  string        `json:"loaderLabel"`
	HTMLEnd      float64       `json:"htmlEnd"`
	Resources    []resource    `json:"resources"`
}

type resource struct {
	URL      string  `json:"url"`
	Start    float64 `json:"start"`
	End      float64 `json:"end"`
	Size     float64 `json:"size"`
	Blocking bool    `json:"blocking"`
}
