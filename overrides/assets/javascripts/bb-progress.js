/* Brobygger: course progress, reflection notes, checklists and certificates.
 *
 * Everything stays in this browser: one localStorage key (KEY, versioned), written only when
 * the reader acts (marks a lesson done, passes a self-check, types a note or a name, ticks a
 * checklist, imports a file, resets). Opening or reading a page never writes. Nothing is sent
 * anywhere: export is a Blob download, import a local file.
 *
 * State: {v, done: {lessonUrl: "YYYY-MM-DD"}, last: {trackId: lessonUrl},
 *         notes: {"pageUrl#n": text}, checks: {pageUrl: [item text]}, names: {trackId: name}}.
 * A lesson is done once, whichever track it was done in (a shared module counts in every
 * track that has it). "Fortsett der du slapp" is the first lesson not done after the one the
 * reader last marked done: it follows the reader's acts, so reading never has to write.
 */
(function () {
  "use strict";
  var KEY = "bb-progress-v1", V = 1, MAX_FILE = 1048576, MAX_TEXT = 20000;
  var script = document.currentScript;
  var nn = /^nn/.test(document.documentElement.lang || "");
  var NB = {
    mark: "Merk som fullført", done: "Fullført", doneHidden: " (fullført)",
    marked: "«{t}» er merket som fullført.", unmarked: "«{t}» er ikke lenger merket som fullført.",
    passed: "Du besto. «{t}» er merket som fullført.",
    count: "{n} av {total} leksjoner fullført", resume: "Fortsett der du slapp:",
    start: "Start kurset:", complete: "Du har fullført kurset.", cert: "Til kursbeviset",
    ready: "Du har fullført alle leksjonene i «{t}».",
    reset: "Nullstill fremdriften i kurset",
    resetAsk: "Vil du nullstille fremdriften i «{t}»? Leksjoner som også hører til andre kurs, blir nullstilt der også.",
    resetDone: "Fremdriften i «{t}» er nullstilt.", tools: "Fremdriften din",
    toolsInfo: "Fremdriften, notatene og sjekklistene dine lagres bare i denne nettleseren. Vil du ta dem med til en annen enhet, laster du ned en fil og henter den inn der. Det du henter inn, legges til det som er lagret her.",
    exp: "Last ned fremdriften som fil", expDone: "Fremdriften er lastet ned som fil.",
    imp: "Hent fremdrift fra fil", impDone: "Fremdriften fra filen er lagt til. {n} leksjoner er fullført.",
    bad: "Filen kunne ikke leses som fremdrift fra dette nettstedet. Ingenting er endret.",
    all: "Slett all fremdrift", allAsk: "Vil du slette all fremdrift, alle notater og alle avkrysninger i denne nettleseren?",
    allDone: "All fremdrift er slettet.",
    note: "Notatene dine (lagres bare i denne nettleseren)",
    noStore: "Nettleseren lar ikke siden lagre noe, så dette blir ikke tatt vare på.",
    file: "fremdrift"
  };
  var NN = {
    marked: "«{t}» er merkt som fullført.", unmarked: "«{t}» er ikkje lenger merkt som fullført.",
    passed: "Du klarte det. «{t}» er merkt som fullført.",
    count: "{n} av {total} leksjonar fullført", resume: "Hald fram der du slapp:",
    ready: "Du har fullført alle leksjonane i «{t}».", reset: "Nullstill framdrifta i kurset",
    resetAsk: "Vil du nullstille framdrifta i «{t}»? Leksjonar som òg høyrer til andre kurs, blir nullstilte der òg.",
    resetDone: "Framdrifta i «{t}» er nullstilt.", tools: "Framdrifta di",
    toolsInfo: "Framdrifta, notata og sjekklistene dine blir berre lagra i denne nettlesaren. Vil du ta dei med til ei anna eining, lastar du ned ei fil og hentar ho inn der. Det du hentar inn, blir lagt til det som er lagra her.",
    exp: "Last ned framdrifta som fil", expDone: "Framdrifta er lasta ned som fil.",
    imp: "Hent framdrift frå fil", impDone: "Framdrifta frå fila er lagd til. {n} leksjonar er fullførte.",
    bad: "Fila kunne ikkje lesast som framdrift frå denne nettstaden. Ingenting er endra.",
    all: "Slett all framdrift", allAsk: "Vil du slette all framdrift, alle notat og alle avkryssingar i denne nettlesaren?",
    allDone: "All framdrift er sletta.", note: "Notata dine (blir berre lagra i denne nettlesaren)",
    noStore: "Nettlesaren lèt ikkje sida lagre noko, så dette blir ikkje teke vare på.",
    file: "framdrift"
  };
  var MONTHS = "januar februar mars april mai juni juli august september oktober november desember".split(" ");

  function t(key, args) {
    var s = (nn && NN[key]) || NB[key];
    return s.replace(/\{(\w+)\}/g, function (m, k) { return args && k in args ? args[k] : m; });
  }
  function $$(sel, root) { return Array.prototype.slice.call((root || document).querySelectorAll(sel)); }
  function el(tag, attrs, text) {
    var e = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    if (text) e.textContent = text;
    return e;
  }
  function today() { return new Date().toISOString().slice(0, 10); }

  // ---- where we are: the site root from Material's config, page keys relative to it
  var root;
  try { root = new URL(JSON.parse(document.getElementById("__config").textContent).base.replace(/\/?$/, "/"), location.href); }
  catch (e) { root = new URL("/", location.href); }
  function rel(href) {
    var p = new URL(href, location.href).pathname.replace(/index\.html$/, "");
    return decodeURIComponent(p.indexOf(root.pathname) === 0 ? p.slice(root.pathname.length) : p);
  }
  function abs(url) { return new URL(url + (location.protocol === "file:" && /\/$/.test(url) ? "index.html" : ""), root).href; }
  var data = null;
  try { data = JSON.parse(document.getElementById("bb-course-data").textContent); } catch (e) { data = null; }
  var tracks = {};
  ((data && data.tracks) || []).forEach(function (tr) { tracks[tr.id] = tr; });
  var here = (data && data.page) || rel(location.href);

  // ---- the stored state: read freely, written only through update()
  function empty() { return { v: V, done: {}, last: {}, notes: {}, checks: {}, names: {} }; }
  function clean(raw) {
    if (!raw || typeof raw !== "object" || raw.v !== V) return null;
    var out = empty(), ok = true;
    ["done", "last", "notes", "names"].forEach(function (part) {
      var src = raw[part] == null ? {} : raw[part];
      if (typeof src !== "object" || Array.isArray(src)) { ok = false; return; }
      Object.keys(src).forEach(function (k) {
        var val = src[k];
        if (k === "__proto__") return;
        if (typeof val !== "string" || val.length > MAX_TEXT) { ok = false; return; }
        if (part === "done" && !/^\d{4}-\d{2}-\d{2}$/.test(val)) { ok = false; return; }
        out[part][k] = val;
      });
    });
    var checks = raw.checks == null ? {} : raw.checks;
    if (typeof checks !== "object" || Array.isArray(checks)) return null;
    Object.keys(checks).forEach(function (k) {
      if (k === "__proto__") return;
      if (!Array.isArray(checks[k]) || !checks[k].every(function (x) { return typeof x === "string"; })) ok = false;
      else out.checks[k] = checks[k].slice();
    });
    return ok ? out : null;
  }
  function load() {
    try { return clean(JSON.parse(localStorage.getItem(KEY) || "null")) || empty(); }
    catch (e) { return empty(); }
  }
  var state = load();
  function update(change) {
    state = load();
    change(state);
    try { localStorage.setItem(KEY, JSON.stringify(state)); }
    catch (e) { say(t("noStore")); }
    render();
  }

  // ---- the status region every change is announced in
  var status = el("div", { "class": "bb-sr-only", role: "status", "aria-live": "polite" });
  document.body.appendChild(status);
  function say(msg) {
    status.textContent = "";
    window.setTimeout(function () { status.textContent = msg; }, 60);
  }

  // ---- tracks and lessons
  function urls(tr) { return tr.lessons.map(function (l) { return l.url; }); }
  function doneCount(tr) { return urls(tr).filter(function (u) { return state.done[u]; }).length; }
  function titleOf(url) {
    for (var id in tracks) {
      var hit = tracks[id].lessons.filter(function (l) { return l.url === url; })[0];
      if (hit) return hit.title;
    }
    return document.title;
  }
  function tracksOf(url) { return Object.keys(tracks).filter(function (id) { return urls(tracks[id]).indexOf(url) >= 0; }); }
  function resume(tr) {
    var list = urls(tr), from = list.indexOf(state.last[tr.id]) + 1;
    for (var i = 0; i < list.length; i++) {
      var u = list[(from + i) % list.length];
      if (!state.done[u]) return tr.lessons[(from + i) % list.length];
    }
    return null;
  }
  function setDone(url, on, why) {
    update(function (s) {
      if (on) {
        s.done[url] = s.done[url] || today();
        tracksOf(url).forEach(function (id) { s.last[id] = url; });
      } else delete s.done[url];
    });
    var msg = t(on ? why || "marked" : "unmarked", { t: titleOf(url) });
    tracksOf(url).forEach(function (id) {
      var tr = tracks[id];
      if (on && doneCount(tr) === tr.lessons.length) msg += " " + t("ready", { t: tr.title });
    });
    say(msg);
  }

  // ---- lessons: a toggle in each track's navigation block; a passed self-check marks done
  $$("nav.bb-track[data-track]").forEach(function (nav) {
    var tr = tracks[nav.getAttribute("data-track")];
    if (!tr || urls(tr).indexOf(here) < 0) return;
    var button = el("button", { type: "button", "class": "md-button bb-done", "aria-pressed": "false" });
    button.addEventListener("click", function () { setDone(here, !state.done[here]); });
    var wrap = el("p", { "class": "bb-done-wrap" });
    wrap.appendChild(button);
    var head = nav.querySelector(".bb-track__head");
    nav.insertBefore(wrap, head ? head.nextSibling : nav.firstChild);
  });
  document.addEventListener("bb:quiz", function (e) {
    if (e.detail && e.detail.passed && tracksOf(here).length && !state.done[here]) setDone(here, true, "passed");
  });

  // ---- track pages and the catalogue: progress, resume, reset
  function progressBlock(box, tr) {
    var n = doneCount(tr), total = tr.lessons.length, id = "bb-progress-" + tr.id;
    box.textContent = "";
    box.hidden = false;
    box.appendChild(el("p", { "class": "bb-progress__count", id: id, tabindex: "-1" }, t("count", { n: n, total: total })));
    box.appendChild(el("progress", { max: String(total), value: String(n), "aria-labelledby": id }));
    var next = resume(tr), p = el("p", { "class": "bb-progress__next" });
    if (next) {
      p.appendChild(document.createTextNode(t(n ? "resume" : "start") + " "));
      p.appendChild(el("a", { href: abs(next.url) }, next.title));
    } else {
      p.textContent = t("complete") + " ";
      if (tr.certificate) p.appendChild(el("a", { href: abs(tr.certificate) }, t("cert")));
    }
    box.appendChild(p);
    if (!n) return;
    var reset = el("button", { type: "button", "class": "md-button bb-progress__reset" }, t("reset"));
    reset.addEventListener("click", function () {
      if (!window.confirm(t("resetAsk", { t: tr.title }))) return;
      update(function (s) { urls(tr).forEach(function (u) { delete s.done[u]; }); delete s.last[tr.id]; });
      say(t("resetDone", { t: tr.title }));
      var count = document.getElementById(id);
      if (count) count.focus();
    });
    box.appendChild(el("p")).appendChild(reset);
  }

  // ---- the certificate: shown only when every lesson of its track is done
  function certificate(box) {
    var lessons = $$("li[data-url]", box).map(function (li) { return li.getAttribute("data-url"); });
    var dates = lessons.map(function (u) { return state.done[u]; });
    var complete = lessons.length > 0 && dates.every(Boolean);
    box.querySelector(".bb-cert-pending").hidden = complete;
    box.querySelector(".bb-cert-nojs").hidden = true;
    box.querySelector(".bb-cert").hidden = !complete;
    document.documentElement.classList.toggle("bb-cert-ready", complete);
    $$("li[data-url]", box).forEach(function (li) { li.hidden = !!state.done[li.getAttribute("data-url")]; });
    if (!complete) return;
    // The page has an empty slot (an empty <time> is invalid HTML); the date is the reader's.
    var last = dates.sort()[dates.length - 1].split("-"), time = document.createElement("time");
    time.className = "bb-cert-date";
    time.setAttribute("datetime", dates[dates.length - 1]);
    time.textContent = +last[2] + ". " + MONTHS[+last[1] - 1] + " " + last[0];
    box.querySelector(".bb-cert-date").replaceWith(time);
    var input = box.querySelector("#bb-cert-name-input"), id = box.getAttribute("data-track");
    if (document.activeElement !== input) input.value = state.names[id] || "";
    box.querySelector(".bb-cert-name-print").textContent = input.value;
  }
  $$(".bb-certificate[data-track]").forEach(function (box) {
    var id = box.getAttribute("data-track");
    box.querySelector("#bb-cert-name-input").addEventListener("input", function (e) {
      var name = e.target.value.slice(0, 120);
      update(function (s) { if (name) s.names[id] = name; else delete s.names[id]; });
    });
    box.querySelector(".bb-cert-print").addEventListener("click", function () { window.print(); });
  });

  // ---- reflection notes: a private textarea in each refleksjon box, mirrored for print
  $$(".refleksjon").forEach(function (box, i) {
    var key = here + "#" + (i + 1), id = "bb-note-" + (i + 1);
    var wrap = el("div", { "class": "bb-note" });
    wrap.appendChild(el("label", { "for": id }, t("note")));
    var area = el("textarea", { id: id, rows: "4", maxlength: String(MAX_TEXT) });
    var mirror = el("div", { "class": "bb-note__print", "aria-hidden": "true" });
    area.value = mirror.textContent = state.notes[key] || "";
    area.addEventListener("input", function () {
      var value = area.value;
      mirror.textContent = value;
      update(function (s) { if (value.trim()) s.notes[key] = value; else delete s.notes[key]; });
    });
    wrap.appendChild(area);
    wrap.appendChild(mirror);
    box.appendChild(wrap);
  });

  // ---- checklists (type: checklist): task list items become tickable, saved per page
  var checkboxes = script && script.getAttribute("data-page-type") === "checklist" ? $$("input.task-list-item-checkbox") : [];
  function itemText(box) { return (box.closest("li") || box).textContent.replace(/\s+/g, " ").trim().slice(0, 300); }
  checkboxes.forEach(function (box) {
    box.disabled = false;
    box.removeAttribute("disabled");
    box.addEventListener("change", function () {
      var ticked = checkboxes.filter(function (b) { return b.checked; }).map(itemText);
      update(function (s) { if (ticked.length) s.checks[here] = ticked; else delete s.checks[here]; });
    });
  });

  // ---- export, import and reset all, on pages that show progress
  function download() {
    var blob = new Blob([JSON.stringify({ app: "brobygger", v: V, exported: new Date().toISOString(),
      done: state.done, last: state.last, notes: state.notes, checks: state.checks, names: state.names }, null, 1)],
      { type: "application/json" });
    var a = el("a", { href: URL.createObjectURL(blob), download: "brobygger-" + t("file") + "-" + today() + ".json" });
    document.body.appendChild(a);
    a.click();
    a.remove();
    window.setTimeout(function () { URL.revokeObjectURL(a.href); }, 10000);
    say(t("expDone"));
  }
  function merge(s, got) {
    Object.keys(got.done).forEach(function (u) { if (!s.done[u] || got.done[u] < s.done[u]) s.done[u] = got.done[u]; });
    ["last", "notes", "names"].forEach(function (part) {
      Object.keys(got[part]).forEach(function (k) { if (got[part][k]) s[part][k] = got[part][k]; });
    });
    Object.keys(got.checks).forEach(function (k) {
      s.checks[k] = (s.checks[k] || []).concat(got.checks[k].filter(function (x) { return (s.checks[k] || []).indexOf(x) < 0; }));
    });
  }
  function importFile(input) {
    var file = input.files && input.files[0];
    if (!file) return;
    var fail = function () { say(t("bad")); input.value = ""; };
    if (file.size > MAX_FILE) return fail();
    var reader = new FileReader();
    reader.onerror = fail;
    reader.onload = function () {
      var got = null;
      try { got = JSON.parse(reader.result); } catch (e) { got = null; }
      got = got && got.app === "brobygger" ? clean(got) : null;
      if (!got) return fail();
      update(function (s) { merge(s, got); });
      input.value = "";
      say(t("impDone", { n: Object.keys(state.done).length }));
    };
    reader.readAsText(file);
  }
  function tools(article) {
    var box = el("section", { "class": "bb-progress-tools", "aria-labelledby": "bb-progress-tools" });
    box.appendChild(el("h2", { id: "bb-progress-tools" }, t("tools")));
    box.appendChild(el("p", {}, t("toolsInfo")));
    var exp = el("button", { type: "button", "class": "md-button" }, t("exp"));
    exp.addEventListener("click", download);
    var label = el("label", { "for": "bb-progress-file", "class": "bb-progress-tools__file" }, t("imp"));
    var file = el("input", { type: "file", id: "bb-progress-file", accept: ".json,application/json" });
    file.addEventListener("change", function () { importFile(file); });
    var all = el("button", { type: "button", "class": "md-button" }, t("all"));
    all.addEventListener("click", function () {
      if (!window.confirm(t("allAsk"))) return;
      update(function (s) { Object.assign(s, empty()); });
      say(t("allDone"));
    });
    [exp, label, file, all].forEach(function (node) { box.appendChild(node); });
    article.appendChild(box);
  }
  var article = document.getElementById("__innhold");
  if (article && document.querySelector(".bb-progress[data-track], .bb-certificate")) tools(article);

  // ---- show the state everywhere on the page
  function render() {
    $$("button.bb-done").forEach(function (b) {
      var on = !!state.done[here];
      b.setAttribute("aria-pressed", String(on));
      b.textContent = t(on ? "done" : "mark");
      if (on) b.appendChild(el("span", { "aria-hidden": "true" }, " ✓"));
    });
    $$("li[data-url]").forEach(function (li) {
      var mark = li.querySelector(".bb-mark"), on = !!state.done[li.getAttribute("data-url")];
      if (on && !mark) {
        mark = el("span", { "class": "bb-mark" });
        mark.appendChild(el("span", { "aria-hidden": "true" }, "✓"));
        mark.appendChild(el("span", { "class": "bb-sr-only" }, t("doneHidden")));
        li.appendChild(mark);
      } else if (!on && mark) mark.remove();
    });
    $$(".bb-progress[data-track]").forEach(function (box) {
      var tr = tracks[box.getAttribute("data-track")];
      if (tr) progressBlock(box, tr);
    });
    $$(".bb-certificate[data-track]").forEach(certificate);
    var ticked = state.checks[here] || [];
    checkboxes.forEach(function (b) { b.checked = ticked.indexOf(itemText(b)) >= 0; });
    $$(".refleksjon textarea").forEach(function (area, i) {
      if (document.activeElement === area) return;
      area.value = state.notes[here + "#" + (i + 1)] || "";
      area.nextSibling.textContent = area.value;
    });
  }
  window.addEventListener("storage", function (e) { if (e.key === KEY || e.key === null) { state = load(); render(); } });
  render();
})();
