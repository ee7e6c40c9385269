/* Marginalia: context cards beside the text, previews, the phone sheet and the reader's
   settings. No framework, no network. Re-initialised on mkdocs-material's document$ so
   that instant navigation keeps working; listeners on `document` are added only once.

   Wide screens: compact cards sit beside the paragraph of their entity's first mention
   (pushed apart where they would overlap, by as little as possible); hover or focus on
   a mention previews its whole card in place; a click opens the card beside the text.
   Narrow screens: the cards follow the article, and a tap on a mention opens its card
   in a sheet over the text, which gives the reader back the same place when closed.
   Without this script every card is whole and a mention is a link to its card. */
(function () {
  "use strict";
  var root = document.documentElement;
  root.classList.add("mg-js");  // also set in <head>; a site's own main.html may lack it
  var preview = null;
  var owner = null;
  var observer = null;
  var resizer = null;
  var frame = 0;
  var sheet = null;
  var sheetReturn = null;
  var GAP = 8;

  function context() { return document.querySelector(".mg-context"); }
  function article() { return document.querySelector(".mg-article"); }

  function cardFor(link) {
    // By entity, not by href: instant navigation rewrites hrefs to absolute URLs.
    var key = link.getAttribute("data-entity") || "";
    var card = document.getElementById("ctx-" + key.replace("/", "-"));
    return card && card.closest(".mg-context") ? card : null;
  }

  /* The cards stand beside the text (the stylesheet decides, by the column's width). */
  function beside() {
    var aside = context(), text = article();
    if (!aside || !text) return false;
    return aside.getBoundingClientRect().left >= text.getBoundingClientRect().right - 1;
  }

  function headerBottom() {
    var header = document.querySelector(".md-header");
    return header ? Math.max(0, header.getBoundingClientRect().bottom) : 0;
  }

  // ------------------------------------------------------------------ compact cards
  function setOpen(card, open) {
    card.classList.toggle("mg-open", open);
    var toggle = card.querySelector(".mg-card__toggle");
    if (toggle) toggle.setAttribute("aria-expanded", open ? "true" : "false");
  }

  function compact(aside) {
    aside.querySelectorAll(".mg-card").forEach(function (card) {
      card.classList.add("mg-compact");
      var toggle = card.querySelector(".mg-card__toggle");
      if (toggle) toggle.hidden = false;
    });
  }

  /* Place each card beside its first mention. Where cards would overlap, a run of them
     is centred on its mentions as a block (the least total distance from where each
     wants to be, order kept) and never rises above the column's heading. */
  function layout() {
    frame = 0;
    var aside = context(), text = article();
    if (!aside || !text) return;
    var cards = [].slice.call(aside.querySelectorAll(":scope > .mg-card"));
    var on = beside();
    aside.classList.toggle("mg-aligned", on);
    if (!on) {
      cards.forEach(function (c) { c.style.top = ""; });
      aside.style.height = "";
      return;
    }
    var top0 = aside.getBoundingClientRect().top;
    var title = aside.querySelector(".mg-context__title");
    var floor = title ? title.getBoundingClientRect().bottom - top0 + GAP : 0;
    var blocks = [];
    cards.forEach(function (card) {
      var key = card.getAttribute("data-entity");
      var mention = text.querySelector('a.mg-mention[data-entity="' + key + '"]');
      var want = mention ? mention.getBoundingClientRect().top - top0 - 4 : floor;
      var block = {cards: [card], n: 1, sum: want, h: card.offsetHeight + GAP};
      block.top = Math.max(floor, want);
      while (blocks.length) {
        var prev = blocks[blocks.length - 1];
        if (prev.top + prev.h <= block.top) break;
        blocks.pop();
        block = {cards: prev.cards.concat(block.cards), n: prev.n + block.n,
                 sum: prev.sum + block.sum - block.n * prev.h, h: prev.h + block.h};
        block.top = Math.max(floor, block.sum / block.n);
      }
      blocks.push(block);
    });
    var bottom = floor;
    blocks.forEach(function (block) {
      var y = block.top;
      block.cards.forEach(function (card) {
        card.style.top = Math.round(y) + "px";
        y += card.offsetHeight + GAP;
      });
      bottom = y;
    });
    aside.style.height = Math.round(bottom) + "px";
  }

  function relayout() {
    if (!frame) frame = window.requestAnimationFrame(layout);
  }

  // ------------------------------------------------------------------ previews
  function closePreview() {
    if (preview && preview.parentNode) preview.parentNode.removeChild(preview);
    if (owner) owner.removeAttribute("aria-describedby");
    preview = null;
    owner = null;
  }

  /* A whole card, without ids (the original keeps them) or its "Back to text" link. */
  function cloneCard(card) {
    var clone = card.cloneNode(true);
    clone.removeAttribute("id");
    clone.removeAttribute("aria-labelledby");
    clone.removeAttribute("style");
    clone.removeAttribute("tabindex");
    clone.classList.remove("mg-compact", "mg-active", "mg-current");
    clone.classList.add("mg-open");
    clone.querySelectorAll("[id]").forEach(function (n) { n.removeAttribute("id"); });
    clone.querySelectorAll(".mg-card__backlink, .mg-card__toggle").forEach(function (n) {
      n.parentNode.removeChild(n);
    });
    return clone;
  }

  function place(box, link) {
    var r = link.getBoundingClientRect();
    var vw = document.documentElement.clientWidth, vh = window.innerHeight;
    var w = box.offsetWidth, h = box.offsetHeight, top0 = headerBottom() + GAP;
    var left = Math.max(GAP, Math.min(r.left, vw - w - GAP));
    var top = r.bottom + 6;
    if (top + h > vh - GAP) {
      // Flip above the line when there is room there; otherwise keep it in the window.
      top = r.top - 6 - h >= top0 ? r.top - 6 - h : Math.max(top0, vh - GAP - h);
    }
    box.style.left = Math.round(left + window.scrollX) + "px";
    box.style.top = Math.round(top + window.scrollY) + "px";
  }

  function openPreview(link) {
    if (owner === link || !link.hasAttribute("href")) return;
    var card = cardFor(link);
    if (!card || !beside()) return;
    closePreview();
    var box = document.createElement("div");
    box.className = "mg-preview md-typeset";
    box.id = "mg-preview";
    box.setAttribute("role", "tooltip");
    var clone = cloneCard(card);
    clone.querySelectorAll("a").forEach(function (a) { a.setAttribute("tabindex", "-1"); });
    box.appendChild(clone);
    document.body.appendChild(box);
    place(box, link);
    link.setAttribute("aria-describedby", "mg-preview");
    preview = box;
    owner = link;
  }

  // ------------------------------------------------------------------ the phone sheet
  function closeSheet() {
    if (sheet && sheet.open) sheet.close();
  }

  function makeSheet() {
    var dialog = document.createElement("dialog");
    dialog.className = "mg-sheet md-typeset";
    dialog.setAttribute("aria-labelledby", "mg-sheet-title");
    var inner = document.createElement("div");
    inner.className = "mg-sheet__inner";
    var close = document.createElement("button");
    close.type = "button";
    close.className = "mg-sheet__close";
    close.addEventListener("click", closeSheet);
    inner.appendChild(close);
    dialog.appendChild(inner);
    // A tap on the backdrop lands on the dialog itself, never on its inner box.
    dialog.addEventListener("click", function (e) { if (e.target === dialog) closeSheet(); });
    dialog.addEventListener("close", function () {
      var back = sheetReturn;
      sheetReturn = null;
      if (!back) return;
      back.link.focus({preventScroll: true});
      window.scrollTo(back.x, back.y);
    });
    document.body.appendChild(dialog);
    return dialog;
  }

  function openSheet(link, card) {
    closePreview();
    if (!sheet || !sheet.isConnected) sheet = makeSheet();
    var inner = sheet.firstChild;
    var close = inner.firstChild;
    close.textContent = (context() && context().getAttribute("data-close")) || "";
    while (inner.childNodes.length > 1) inner.removeChild(inner.lastChild);
    var clone = cloneCard(card);
    var name = clone.querySelector(".mg-card__name");
    if (name) name.id = "mg-sheet-title";
    inner.appendChild(clone);
    sheetReturn = {link: link, x: window.scrollX, y: window.scrollY};
    sheet.showModal();
    sheet.scrollTop = 0;
  }

  /* Wide screens: the card is beside the text already; open it and go to it. */
  function showCard(card) {
    document.querySelectorAll(".mg-card.mg-current").forEach(function (c) {
      c.classList.remove("mg-current");
    });
    setOpen(card, true);
    card.classList.add("mg-current");
    card.setAttribute("tabindex", "-1");
    layout();
    card.focus({preventScroll: true});
    // Scroll only when its top is out of sight: the text the reader is on stays put.
    var r = card.getBoundingClientRect();
    if (r.top < headerBottom() || r.top > window.innerHeight - 48) {
      card.scrollIntoView({block: "nearest"});
    }
  }

  // ------------------------------------------------------------------ reader settings
  var STORE = "marginalia.reader";
  var SETTINGS = {names: "data-mg-names", size: "data-mg-size", spacing: "data-mg-spacing"};

  function saved() {
    try { return JSON.parse(window.localStorage.getItem(STORE)) || {}; } catch (e) { return {}; }
  }

  function setting(name) {
    return root.getAttribute(SETTINGS[name]) || (name === "names" ? "first" : "");
  }

  /* Names not marked read as plain text and are no tab stops: their link is put aside. */
  function applyNames() {
    var mode = setting("names");
    document.querySelectorAll("a.mg-mention").forEach(function (a) {
      var hide = mode === "none" || (mode === "first" && !a.classList.contains("mg-para-first"));
      if (hide && a.hasAttribute("href")) {
        a.setAttribute("data-mg-href", a.getAttribute("href"));
        a.removeAttribute("href");
      } else if (!hide && a.hasAttribute("data-mg-href")) {
        a.setAttribute("href", a.getAttribute("data-mg-href"));
        a.removeAttribute("data-mg-href");
      }
    });
  }

  function choose(name, value) {
    if (value) root.setAttribute(SETTINGS[name], value); else root.removeAttribute(SETTINGS[name]);
    var all = saved();
    all[name] = value;
    try { window.localStorage.setItem(STORE, JSON.stringify(all)); } catch (e) { /* private mode */ }
    if (name === "names") applyNames();
    relayout();
  }

  function closeSettings(box, focus) {
    var button = box.querySelector(".mg-settings__button");
    box.querySelector(".mg-settings__panel").hidden = true;
    button.setAttribute("aria-expanded", "false");
    if (focus) button.focus();
  }

  function initSettings() {
    document.querySelectorAll(".mg-settings").forEach(function (box) {
      if (box.getAttribute("data-ready")) return;
      box.setAttribute("data-ready", "1");
      var button = box.querySelector(".mg-settings__button");
      var panel = box.querySelector(".mg-settings__panel");
      box.querySelectorAll("input[type=radio]").forEach(function (input) {
        var name = input.name.replace("mg-", "");
        input.checked = setting(name) === input.value;
        input.addEventListener("change", function () { if (input.checked) choose(name, input.value); });
      });
      button.addEventListener("click", function () {
        var open = panel.hidden;
        panel.hidden = !open;
        button.setAttribute("aria-expanded", open ? "true" : "false");
      });
      box.addEventListener("keydown", function (e) {
        if ((e.key === "Escape" || e.key === "Esc") && !panel.hidden) {
          e.stopPropagation();
          closeSettings(box, true);
        }
      });
      box.addEventListener("focusout", function (e) {
        if (!panel.hidden && e.relatedTarget && !box.contains(e.relatedTarget)) closeSettings(box, false);
      });
    });
  }

  // ------------------------------------------------------------------ events
  function mentionOf(target) {
    return target && target.closest ? target.closest("a.mg-mention") : null;
  }

  // A pointer resting on a name opens its preview; one crossing the text (or text
  // scrolling under a still pointer) does not.
  var HOVER_MS = 250;
  var hoverTimer = 0;
  document.addEventListener("mouseover", function (e) {
    var link = mentionOf(e.target);
    window.clearTimeout(hoverTimer);
    if (link) hoverTimer = window.setTimeout(function () { openPreview(link); }, HOVER_MS);
  });
  document.addEventListener("mouseout", function (e) {
    var link = mentionOf(e.target);
    if (link) window.clearTimeout(hoverTimer);
    if (link && link === owner && !(e.relatedTarget && preview && preview.contains(e.relatedTarget))) closePreview();
    if (preview && preview.contains(e.target) && !(e.relatedTarget && preview.contains(e.relatedTarget)) && e.relatedTarget !== owner) closePreview();
  });
  document.addEventListener("focusin", function (e) {
    var link = mentionOf(e.target);
    if (!link) { closePreview(); return; }
    openPreview(link);
    // Shown for keyboard focus, the preview describes the link and lets the pointer
    // through to the text it covers.
    if (preview && owner === link) preview.classList.add("mg-preview--passive");
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
  // Capture: decided before the theme's instant navigation looks at the click.
  document.addEventListener("click", function (e) {
    document.querySelectorAll(".mg-settings__panel:not([hidden])").forEach(function (panel) {
      var box = panel.closest(".mg-settings");
      if (!box.contains(e.target)) closeSettings(box, false);
    });
    var toggle = e.target.closest && e.target.closest(".mg-card__toggle");
    if (toggle) {
      var box = toggle.closest(".mg-card");
      setOpen(box, !box.classList.contains("mg-open"));
      relayout();
      return;
    }
    var link = mentionOf(e.target);
    if (!link) return;
    closePreview();
    if (e.button || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    var card = cardFor(link);
    if (!card || !link.hasAttribute("href")) return;  // entity pages link to their pages
    e.preventDefault();
    if (beside()) showCard(card); else openSheet(link, card);
  }, true);

  function markActive(key) {
    document.querySelectorAll(".mg-card.mg-active").forEach(function (c) { c.classList.remove("mg-active"); });
    var card = document.querySelector('.mg-context .mg-card[data-entity="' + key + '"]');
    if (card) card.classList.add("mg-active");
  }

  // ------------------------------------------------------------------ theme fixes
  /* The theme's menu and search buttons are labels of hidden checkboxes: a label may not
     be given a button's role or a name of its own (ARIA in HTML), so each is swapped for a
     real button that toggles the same checkbox; the search dialog gets a name. Labels
     come from the settings box (translated with the page). */
  function themeButton(label, box, name, cls) {
    var button = document.createElement("button");
    button.type = "button";
    button.className = label.className + " " + cls;
    button.innerHTML = label.innerHTML;
    button.setAttribute("aria-label", name);
    button.setAttribute("aria-expanded", box.checked ? "true" : "false");
    label.parentNode.insertBefore(button, label);
    label.classList.add("mg-replaced");
    button.addEventListener("click", function () {
      box.checked = !box.checked;
      box.dispatchEvent(new Event("change", { bubbles: true }));
    });
    box.addEventListener("change", function () {
      button.setAttribute("aria-expanded", box.checked ? "true" : "false");
    });
    return button;
  }

  function fixTheme() {
    var strings = document.querySelector(".mg-settings");
    var say = function (name) {
      return (strings && strings.getAttribute("data-" + name)) || "";
    };
    var drawer = document.getElementById("__drawer");
    var label = document.querySelector('.md-header label[for="__drawer"]');
    if (drawer && label && !label.classList.contains("mg-replaced")) {
      var menu = themeButton(label, drawer, say("menu"), "mg-menu-button");
      // Opened from the keyboard: go into the menu.
      drawer.addEventListener("change", function () {
        var first = document.querySelector(".md-sidebar--primary a[href]");
        if (drawer.checked && document.activeElement === menu && first) {
          window.setTimeout(function () { first.focus(); }, 0);
        }
      });
      document.addEventListener("keydown", function (e) {
        if ((e.key === "Escape" || e.key === "Esc") && drawer.checked) {
          drawer.checked = false;
          drawer.dispatchEvent(new Event("change", { bubbles: true }));
          menu.focus();
        }
      });
    }
    var search = document.getElementById("__search");
    var find = document.querySelector('.md-header label[for="__search"]');
    if (search && find && !find.classList.contains("mg-replaced")) {
      themeButton(find, search, say("search"), "mg-search-button");
    }
    var dialog = document.querySelector('.md-search[role="dialog"]');
    if (dialog && !dialog.hasAttribute("aria-label")) dialog.setAttribute("aria-label", say("search"));
    // The theme's icons sit inside links and buttons that carry the name: an icon of its
    // own would be announced as an unnamed graphic, so it is hidden from assistive tech.
    document.querySelectorAll(".md-header svg, .md-search svg, .md-sidebar svg, .md-top svg")
      .forEach(function (svg) {
        if (!svg.hasAttribute("aria-label") && !svg.querySelector("title")) svg.setAttribute("aria-hidden", "true");
      });
  }

  /* A quiz's evidence link lands on the passage: offer the way back to the question
     (history when the reader came from it, so their answers are still there). */
  function evidenceBack() {
    var id = decodeURIComponent(window.location.hash.slice(1));
    var mark = id.indexOf("ev-") === 0 && document.getElementById(id);
    var quiz = document.querySelector(".mg-quiz-link a");
    if (!mark || !mark.matches("mark.mg-evidence") || !quiz) return;
    document.querySelectorAll(".mg-evidence-back").forEach(function (a) { a.parentNode.removeChild(a); });
    var back = document.createElement("a");
    back.className = "mg-evidence-back";
    back.href = quiz.getAttribute("href").split("#")[0] + "#q-" + id.slice(3);
    back.textContent = quiz.getAttribute("data-back") || "";
    back.addEventListener("click", function (e) {
      var from = document.referrer && new URL(document.referrer, window.location.href);
      if (from && from.pathname === new URL(back.href, window.location.href).pathname) {
        e.preventDefault();
        window.history.back();
      }
    });
    mark.parentNode.insertBefore(back, mark.nextSibling);
  }

  window.addEventListener("hashchange", evidenceBack);

  function init() {
    fixTheme();
    evidenceBack();
    initSettings();
    applyNames();
    closePreview();
    sheetReturn = null;
    closeSheet();
    if (observer) observer.disconnect();
    if (resizer) resizer.disconnect();
    observer = resizer = null;
    var aside = context();
    if (!aside) return;
    compact(aside);
    layout();
    if ("ResizeObserver" in window) {
      // The text reflows (window, settings) and cards open: place them again.
      resizer = new ResizeObserver(relayout);
      resizer.observe(article());
      aside.querySelectorAll(".mg-card").forEach(function (c) { resizer.observe(c); });
    }
    if (!("IntersectionObserver" in window)) return;
    observer = new IntersectionObserver(function (entries) {
      entries.forEach(function (entry) {
        if (entry.isIntersecting) markActive(entry.target.getAttribute("data-entity"));
      });
    }, { rootMargin: "-30% 0px -60% 0px" });
    document.querySelectorAll(".mg-article a.mg-mention").forEach(function (m) { observer.observe(m); });
  }

  window.addEventListener("resize", relayout);
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(init);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
