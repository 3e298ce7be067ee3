/* Brobygger: the SCO of a SCORM 1.2 package (loaded only by the package's index.html).
 *
 * Finds the LMS's API by the standard discovery walk (window.parent up to 7 levels, then
 * window.opener's chain), calls LMSInitialize, and reports:
 *   cmi.core.lesson_status  incomplete → completed when every lesson is done (a self-check
 *                           passed, or "mark as done" in the outline);
 *   cmi.core.score.raw      the self-checks' score, 0–100 (best attempt per self-check, from
 *                           the lessons' bb:quiz events);
 *   cmi.core.lesson_location, cmi.suspend_data (what is done, to resume), and on unload
 *   cmi.core.session_time, cmi.core.exit, LMSCommit and LMSFinish.
 * Without an API (opened on its own) the lessons work the same and nothing is reported.
 * Nothing is sent anywhere but to the LMS's API object in the page that framed this one.
 */
(function () {
  "use strict";

  var dataEl = document.getElementById("bb-scorm-data");
  var frame = document.querySelector("iframe[name=bb-scorm-lesson]");
  if (!dataEl || !frame) return;
  var data = JSON.parse(dataEl.textContent);
  var nn = data.lang === "nn";
  var T = {
    done: nn ? "Fullført" : "Fullført",
    status: function (d, n) {
      return (nn ? "Du har fullført " : "Du har fullført ") + d + (nn ? " av " : " av ") + n +
        (nn ? " leksjonar." : " leksjoner.");
    },
    standalone: nn ? " Framdrifta blir ikkje rapportert (inga LMS)." : " Fremdriften rapporteres ikke (ingen LMS).",
    complete: nn ? " Kurset er fullført." : " Kurset er fullført."
  };

  function findAPI(win) {
    var tries = 0;
    try {
      while (!win.API && win.parent && win.parent !== win) {
        if (++tries > 7) return null;
        win = win.parent;
      }
      return win.API || null;
    } catch (e) {
      return null; // a frame of another origin: no API there
    }
  }

  var api = findAPI(window);
  if (!api && window.opener) api = findAPI(window.opener);
  if (api && String(api.LMSInitialize("")) !== "true") api = null;

  function get(key) { return api ? String(api.LMSGetValue(key)) : ""; }
  function set(key, value) { if (api) api.LMSSetValue(key, String(value)); }

  var state = { done: {}, scores: {} };
  try {
    var saved = JSON.parse(get("cmi.suspend_data") || "{}");
    if (saved && typeof saved === "object") {
      state.done = saved.done || {};
      state.scores = saved.scores || {};
    }
  } catch (e) { /* an LMS's empty or foreign suspend data */ }
  var started = Date.now();
  var status = get("cmi.core.lesson_status");
  if (api && (status === "not attempted" || status === "")) {
    set("cmi.core.lesson_status", "incomplete");
  }
  var urls = data.lessons.map(function (l) { return l.url; });
  var current = urls[0] || "";
  var resume = get("cmi.core.lesson_location");
  if (resume && urls.indexOf(resume) >= 0 && resume !== urls[0]) {
    frame.src = resume;
    current = resume;
  }

  function doneCount() {
    return urls.filter(function (u) { return state.done[u]; }).length;
  }

  function report() {
    var score = 0, max = 0;
    Object.keys(state.scores).forEach(function (k) {
      score += state.scores[k].score;
      max += state.scores[k].max;
    });
    if (max > 0) {
      set("cmi.core.score.min", 0);
      set("cmi.core.score.max", 100);
      set("cmi.core.score.raw", Math.round(100 * score / max));
    }
    var complete = urls.length > 0 && doneCount() === urls.length;
    if (complete) set("cmi.core.lesson_status", "completed");
    if (current) set("cmi.core.lesson_location", current);
    var suspend = JSON.stringify(state);
    if (suspend.length <= 4096) set("cmi.suspend_data", suspend); // SCORM 1.2's limit
    if (api) api.LMSCommit("");
    show();
  }

  function show() {
    var d = doneCount();
    var text = T.status(d, urls.length) + (d === urls.length ? T.complete : "") +
      (api ? "" : T.standalone);
    document.getElementById("bb-scorm-status").textContent = text;
    Array.prototype.forEach.call(document.querySelectorAll(".bb-scorm__state"), function (el) {
      el.textContent = state.done[el.getAttribute("data-url")] ? T.done : "";
    });
    var button = document.getElementById("bb-scorm-done");
    button.hidden = urls.indexOf(current) < 0;
    button.disabled = !!state.done[current];
  }

  function markDone(url) {
    if (urls.indexOf(url) < 0 || state.done[url]) return;
    state.done[url] = true;
    report();
  }

  function onQuiz(url, event) {
    var d = event.detail || {};
    var max = Number(d.max), score = Number(d.score);
    if (!(max > 0) || !(score >= 0)) return;
    var key = url + "#" + String(d.id || "");
    var best = state.scores[key];
    if (!best || score / max > best.score / best.max) state.scores[key] = { score: score, max: max };
    if (d.passed) markDone(url); else report();
  }

  // The frame's page, relative to this one (how the outline names lessons).
  function framedUrl() {
    try {
      var here = new URL(".", window.location.href).href;
      var there = frame.contentWindow.location.href.split("#")[0].split("?")[0];
      return there.indexOf(here) === 0 ? decodeURI(there.slice(here.length)) : "";
    } catch (e) {
      return "";
    }
  }

  function attach() {
    var doc;
    try { doc = frame.contentDocument; } catch (e) { doc = null; } // not a page of the package
    if (!doc || doc.bbScorm) return;
    doc.bbScorm = true;
    current = framedUrl();
    var url = current;
    doc.addEventListener("bb:quiz", function (e) { onQuiz(url, e); });
    doc.addEventListener("bb:lesson-done", function () { markDone(url); });
    report();
  }
  frame.addEventListener("load", attach);
  // The first lesson may have loaded before this deferred script ran.
  try {
    if (frame.contentDocument && frame.contentDocument.readyState === "complete" &&
        frame.contentWindow.location.href !== "about:blank") attach();
  } catch (e) { /* not loaded yet, or not ours */ }

  document.getElementById("bb-scorm-done").addEventListener("click", function () {
    markDone(current);
  });

  function hhmmss(ms) {
    var s = Math.floor(ms / 1000);
    function two(n) { return (n < 10 ? "0" : "") + n; }
    return two(Math.floor(s / 3600)) + ":" + two(Math.floor(s / 60) % 60) + ":" + two(s % 60);
  }

  var finished = false;
  function finish() {
    if (finished || !api) return;
    finished = true;
    set("cmi.core.session_time", hhmmss(Date.now() - started));
    set("cmi.core.exit", doneCount() === urls.length ? "" : "suspend");
    api.LMSCommit("");
    api.LMSFinish("");
  }
  window.addEventListener("pagehide", finish);
  window.addEventListener("beforeunload", finish);
  show();
})();
