/*
 * Brobygger: which track a shared lesson belongs to, and the catalogue's live count.
 *
 * A lesson that is in several tracks has every track's navigation in its HTML (readable
 * without JavaScript, published once, no query string). This script shows only the block of
 * the track the reader came from:
 *   1. the previous page (document.referrer, same site) is a page of exactly one of them, or
 *   2. the reader followed a link of a track (a link inside [data-track]) in this tab: that
 *      track's id is kept in sessionStorage, written only by that click. It is navigation
 *      state for this tab (like the browser's own history), holds nothing about the reader,
 *      and is gone when the tab closes; progress is never kept here.
 * A reader from search or from outside the tracks sees every track that uses the page.
 * Nothing is sent anywhere.
 */
(function () {
  "use strict";
  var KEY = "bb-track";

  function remember(event) {
    var link = event.target.closest && event.target.closest("a[href]");
    var holder = link && link.closest("[data-track]");
    if (!holder) return;
    try { sessionStorage.setItem(KEY, holder.getAttribute("data-track")); } catch (e) { /* off */ }
  }

  function stored() {
    try { return sessionStorage.getItem(KEY); } catch (e) { return null; }
  }

  function siteRoot(pageUrl) {
    var path = location.pathname.replace(/index\.html$/, "");
    return pageUrl && path.slice(-pageUrl.length) === pageUrl ? path.slice(0, -pageUrl.length) : null;
  }

  function referrerUrl(root) {
    if (!document.referrer || root === null) return null;
    try {
      var ref = new URL(document.referrer);
      if (ref.origin !== location.origin) return null;
      var path = ref.pathname.replace(/index\.html$/, "");
      return path.indexOf(root) === 0 ? path.slice(root.length) : null;
    } catch (e) { return null; }
  }

  function chooseTrack(data) {
    var ref = referrerUrl(siteRoot(data.page));
    var last = stored();
    var from = data.tracks.filter(function (t) {
      return ref !== null && ref !== data.page && (t.url === ref ||
        t.lessons.some(function (l) { return l.url === ref; }));
    });
    var ids = from.map(function (t) { return t.id; });
    if (last && ids.indexOf(last) >= 0) return last;
    if (ids.length === 1) return ids[0];
    // A reload: the reader is still in the track they chose.
    var mine = data.tracks.some(function (t) { return t.id === last; });
    return ref === data.page && mine ? last : null;
  }

  function showTrack(id) {
    document.querySelectorAll(".bb-lesson-head [data-track], .bb-lesson-tracks [data-track]")
      .forEach(function (el) { el.hidden = el.getAttribute("data-track") !== id; });
    var all = document.querySelector(".bb-track-all");
    if (all) all.hidden = true;
  }

  function lesson() {
    var node = document.getElementById("bb-course-data");
    if (!node || !document.querySelector(".bb-lesson-tracks")) return;
    var data;
    try { data = JSON.parse(node.textContent); } catch (e) { return; }
    if (!data.tracks || data.tracks.length < 2) return;
    var id = chooseTrack(data);
    if (id) showTrack(id);
  }

  function catalogue() {
    var box = document.querySelector(".bb-catalogue");
    if (!box) return;
    var count = box.querySelector(".bb-catalogue__count");
    var items = box.querySelectorAll(".bb-catalogue__item");
    function update() {
      var checked = box.querySelector('input[name="bb-cat-filter"]:checked');
      var want = checked ? checked.value : "";
      var shown = 0;
      items.forEach(function (item) {
        var match = !want || (" " + item.getAttribute("data-audience") + " ").indexOf(" " + want + " ") >= 0;
        item.hidden = !match;
        if (match) shown += 1;
      });
      if (count) {
        count.textContent = count.getAttribute("data-template")
          .replace("{n}", String(shown)).replace("{total}", String(items.length));
      }
    }
    box.addEventListener("change", update);
    update();
  }

  document.addEventListener("click", remember);
  lesson();
  catalogue();
})();
