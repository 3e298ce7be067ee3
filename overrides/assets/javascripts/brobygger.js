/*
 * Brobygger's small additions to Material for MkDocs (loaded by overrides/main.html).
 *
 * Tables that Material wraps in a horizontal scroller (.md-typeset__scrollwrap) become
 * keyboard reachable while they overflow: a Tab stop, a region named after the table's caption
 * (or "Tabell"), so arrow keys can scroll them (axe scrollable-region-focusable, WCAG 2.1.1;
 * it shows at 400 % zoom). Nothing is stored and nothing is fetched.
 */
(function () {
  "use strict";

  function label(wrap) {
    var caption = wrap.querySelector("caption");
    var text = caption ? caption.textContent.trim() : "";
    return text || "Tabell";
  }

  function update() {
    var wraps = document.querySelectorAll(".md-typeset__scrollwrap");
    for (var i = 0; i < wraps.length; i++) {
      var wrap = wraps[i];
      if (wrap.scrollWidth > wrap.clientWidth + 1) {
        wrap.setAttribute("tabindex", "0");
        wrap.setAttribute("role", "region");
        wrap.setAttribute("aria-label", label(wrap));
      } else if (wrap.getAttribute("tabindex") === "0" && document.activeElement !== wrap) {
        wrap.removeAttribute("tabindex");
        wrap.removeAttribute("role");
        wrap.removeAttribute("aria-label");
      }
    }
  }

  var pending = 0;
  function schedule() {
    if (!pending) {
      pending = window.requestAnimationFrame(function () {
        pending = 0;
        update();
      });
    }
  }

  if (typeof window.document$ !== "undefined" && window.document$.subscribe) {
    window.document$.subscribe(schedule);  // every page, also with instant navigation
  } else {
    document.addEventListener("DOMContentLoaded", schedule);
  }
  window.addEventListener("resize", schedule);
})();
