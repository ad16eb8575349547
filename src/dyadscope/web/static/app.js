// dyadscope dashboard: small progressive enhancements; every page works without this file.
"use strict";

(function () {
  // Clicking a legend entry on an article page hides or shows that kind of highlight.
  function wireLegend() {
    var text = document.getElementById("text");
    if (!text) { return; }
    var entries = document.querySelectorAll(".legend .hl[data-kind]");
    entries.forEach(function (entry) {
      entry.addEventListener("click", function () {
        var kind = entry.getAttribute("data-kind");
        entry.classList.toggle("off");
        text.classList.toggle("hide-" + kind);
      });
    });
  }

  // The passage a link pointed at (#focus) is scrolled to the middle of the screen.
  function showFocus() {
    var focus = document.getElementById("focus");
    if (focus && focus.scrollIntoView) {
      focus.scrollIntoView({ block: "center" });
    }
  }

  // Selects that carry data-autosubmit submit their form when changed (dyad picker).
  function wireAutosubmit() {
    document.querySelectorAll("select[data-autosubmit]").forEach(function (select) {
      select.addEventListener("change", function () {
        if (select.form) { select.form.submit(); }
      });
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    wireLegend();
    wireAutosubmit();
  });
  // After the browser's own jump to #focus (which puts it at the very top).
  window.addEventListener("load", function () {
    window.setTimeout(showFocus, 0);
  });
})();
