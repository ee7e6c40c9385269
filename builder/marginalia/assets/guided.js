/* Marginalia guided reading: opens the article part by part.

   The page (lessons/<slug>/guided/) holds the whole article, cut into parts with
   a checkpoint question after each. Without this script every part is shown;
   with it, when the teacher chose `gate: true`, a part opens only once every
   question before it has been answered and checked (quiz.js grades them and
   says so with data-checked and an "mg:checked" event). The part that opens takes
   the focus, so a screen reader goes on reading where the text goes on.
   Re-initialised on mkdocs-material's document$ for instant navigation. */
(function () {
  "use strict";

  function pending(checkpoint) {
    return Array.prototype.some.call(checkpoint.querySelectorAll("fieldset.mg-question"),
      function (fs) { return fs.dataset.checked !== "true"; });
  }

  function setup(article) {
    if (article.dataset.mgReady) return;
    article.dataset.mgReady = "1";
    if (article.dataset.gate !== "true") return;
    // What the gate says about itself is for readers whose parts it closes.
    article.querySelectorAll(".mg-guided__about .mg-js-only").forEach(function (el) { el.hidden = false; });
    var blocks = Array.prototype.slice.call(
      article.querySelectorAll(".mg-guided__part, .mg-guided__checkpoint"));

    function update(moveFocus) {
      var open = true, opened = null;
      blocks.forEach(function (el) {
        if (open && el.hidden && !opened) opened = el;
        el.hidden = !open;
        if (el.classList.contains("mg-guided__checkpoint")) {
          var waiting = pending(el);
          var note = el.querySelector(".mg-guided__locked");
          if (note) note.hidden = !(open && waiting);
          if (waiting) open = false;
        }
      });
      if (moveFocus && opened && opened.classList.contains("mg-guided__part")) opened.focus();
    }

    update(false);
    article.addEventListener("mg:checked", function (event) {
      update(Boolean(event.detail && event.detail.checked));
    });
  }

  function init() {
    document.querySelectorAll("article.mg-guided").forEach(setup);
  }

  // After quiz.js (listed before this file), which restores saved answers first.
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(init);
  }
})();
