/* Marginalia: card previews on hover and focus, and the card of the mention in view.
   No framework, no network. Re-initialised on mkdocs-material's document$ so that
   instant navigation keeps working; listeners on `document` are added only once. */
(function () {
  "use strict";
  var preview = null;
  var owner = null;
  var observer = null;

  function cardFor(link) {
    // By entity, not by href: instant navigation rewrites hrefs to absolute URLs.
    var key = link.getAttribute("data-entity") || "";
    var card = document.getElementById("ctx-" + key.replace("/", "-"));
    return card && card.closest(".mg-context") ? card : null;
  }

  function closePreview() {
    if (preview && preview.parentNode) preview.parentNode.removeChild(preview);
    if (owner) owner.removeAttribute("aria-describedby");
    preview = null;
    owner = null;
  }

  function openPreview(link) {
    if (owner === link) return;
    var card = cardFor(link);
    if (!card) return;
    closePreview();
    var box = document.createElement("div");
    box.className = "mg-preview md-typeset";
    box.id = "mg-preview";
    box.setAttribute("role", "tooltip");
    var clone = card.cloneNode(true);
    clone.removeAttribute("id");
    clone.removeAttribute("aria-labelledby");
    clone.querySelectorAll("[id]").forEach(function (n) { n.removeAttribute("id"); });
    clone.querySelectorAll("a").forEach(function (a) { a.setAttribute("tabindex", "-1"); });
    var back = clone.querySelector(".mg-card__backlink");
    if (back) back.parentNode.removeChild(back);
    box.appendChild(clone);
    document.body.appendChild(box);
    var r = link.getBoundingClientRect();
    var width = box.offsetWidth;
    var left = Math.max(8, Math.min(r.left + window.scrollX, window.scrollX + document.documentElement.clientWidth - width - 8));
    box.style.left = left + "px";
    box.style.top = (r.bottom + window.scrollY + 6) + "px";
    link.setAttribute("aria-describedby", "mg-preview");
    preview = box;
    owner = link;
  }

  function mentionOf(target) {
    return target && target.closest ? target.closest("a.mg-mention") : null;
  }

  document.addEventListener("mouseover", function (e) {
    var link = mentionOf(e.target);
    if (link) openPreview(link);
  });
  document.addEventListener("mouseout", function (e) {
    var link = mentionOf(e.target);
    if (link && link === owner && !(e.relatedTarget && preview && preview.contains(e.relatedTarget))) closePreview();
    if (preview && preview.contains(e.target) && !(e.relatedTarget && preview.contains(e.relatedTarget)) && e.relatedTarget !== owner) closePreview();
  });
  document.addEventListener("focusin", function (e) {
    var link = mentionOf(e.target);
    if (link) openPreview(link); else closePreview();
  });
  document.addEventListener("focusout", function (e) {
    if (mentionOf(e.target) === owner) closePreview();
  });
  document.addEventListener("keydown", function (e) {
    if ((e.key === "Escape" || e.key === "Esc") && preview) {
      closePreview();
      e.stopPropagation();
    }
  });
  document.addEventListener("click", function (e) {
    if (mentionOf(e.target)) closePreview();
  });

  function markActive(key) {
    document.querySelectorAll(".mg-card.mg-active").forEach(function (c) { c.classList.remove("mg-active"); });
    var card = document.querySelector('.mg-context .mg-card[data-entity="' + key + '"]');
    if (card) card.classList.add("mg-active");
  }

  function init() {
    closePreview();
    if (observer) observer.disconnect();
    observer = null;
    if (!("IntersectionObserver" in window) || !document.querySelector(".mg-context")) return;
    observer = new IntersectionObserver(function (entries) {
      entries.forEach(function (entry) {
        if (entry.isIntersecting) markActive(entry.target.getAttribute("data-entity"));
      });
    }, { rootMargin: "-30% 0px -60% 0px" });
    document.querySelectorAll(".mg-article a.mg-mention").forEach(function (m) { observer.observe(m); });
  }

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(init);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
