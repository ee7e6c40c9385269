/* Marginalia read-aloud: the browser's own speechSynthesis, nothing else (works offline
   and from the zip). The article is spoken one sentence at a time — Chrome's voices
   stop after about fifteen seconds of one long utterance — and the sentence being read
   carries `mg-speaking` and is kept in view. Hidden where the browser has no speech. */
(function () {
  "use strict";
  var SPLIT = /[.!?…]["'”’)]*\s+/g;
  var BLOCKS = "h1, h2, h3, h4, p, li, td, th, dd, dt, figcaption";
  var SKIP = ".mg-dateline, .mg-quiz-link, .mg-listen-bar, .mg-context";
  var state = null;

  function synth() { return window.speechSynthesis; }

  function supported() {
    return !!(window.speechSynthesis && window.SpeechSynthesisUtterance);
  }

  /* The page's title and the article's own blocks, innermost only, in reading order. */
  function blocks(text) {
    var title = document.querySelector(".md-content h1");
    var found = title ? [title] : [];
    text.querySelectorAll(BLOCKS).forEach(function (el) {
      if (el.closest(SKIP) || el.querySelector(BLOCKS)) return;
      found.push(el);
    });
    return found;
  }

  /* Wrap each sentence of `block` in spans (one per text node it crosses). */
  function wrap(block, sentences) {
    var nodes = [], text = "";
    var walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
    for (var n = walker.nextNode(); n; n = walker.nextNode()) {
      nodes.push({node: n, start: text.length});
      text += n.nodeValue;
    }
    var cuts = [0], m;
    SPLIT.lastIndex = 0;
    while ((m = SPLIT.exec(text))) cuts.push(m.index + m[0].length);
    cuts.push(text.length);
    var first = sentences.length, ids = [];
    for (var i = 0; i + 1 < cuts.length; i++) {
      var said = text.slice(cuts[i], cuts[i + 1]).replace(/\s+/g, " ").trim();
      ids.push(said ? sentences.length : -1);
      if (said) sentences.push({text: said, spans: []});
    }
    nodes.forEach(function (item) {
      var node = item.node, end = item.start + node.nodeValue.length;
      for (var k = cuts.length - 2; k >= 0; k--) {
        var a = Math.max(cuts[k], item.start), b = Math.min(cuts[k + 1], end);
        if (a >= b || ids[k] < 0) continue;
        var piece = a > item.start ? node.splitText(a - item.start) : node;
        if (b - a < piece.nodeValue.length) piece.splitText(b - a);
        // Blank text at a sentence's edge is not part of it; inside, it is the space
        // between two of its words (after a link, say), so it is highlighted too.
        if (!piece.nodeValue.trim() && (a === cuts[k] || b === cuts[k + 1])) continue;
        var span = document.createElement("span");
        span.className = "mg-sentence";
        piece.parentNode.insertBefore(span, piece);
        span.appendChild(piece);
        sentences[ids[k]].spans.unshift(span);
      }
    });
    return sentences.length > first;
  }

  function pageLang(bar) {
    var el = bar.closest("[lang]");
    return (el && el.getAttribute("lang")) || document.documentElement.lang || "en";
  }

  /* A voice for the page's language: the exact one before the language alone, and one
     on this device (localService, works offline) before one on a server. */
  function voiceFor(lang) {
    var want = lang.toLowerCase(), base = want.split("-")[0];
    var best = null, bestScore = 0;
    (synth().getVoices() || []).forEach(function (v) {
      var vl = (v.lang || "").toLowerCase().replace("_", "-");
      var score = vl === want ? 4 : vl.split("-")[0] === base ? 2 : 0;
      if (!score) return;
      score += (v.localService ? 1 : 0) + (v["default"] ? 0.5 : 0);
      if (score > bestScore) { best = v; bestScore = score; }
    });
    return best;
  }

  function highlight(i) {
    document.querySelectorAll(".mg-speaking").forEach(function (s) { s.classList.remove("mg-speaking"); });
    if (i < 0 || !state) return;
    var spans = state.sentences[i].spans;
    spans.forEach(function (s) { s.classList.add("mg-speaking"); });
    var r = spans[0] && spans[0].getBoundingClientRect();
    if (r && (r.top < 80 || r.bottom > window.innerHeight)) {
      var still = window.matchMedia && window.matchMedia("(prefers-reduced-motion: reduce)").matches;
      spans[0].scrollIntoView({block: "center", behavior: still ? "auto" : "smooth"});
    }
  }

  function label(text) {
    // The bar carries each label in the page's language (data-listen, -pause, -resume).
    state.button.textContent = state.bar.getAttribute("data-" + text) || "";
  }

  function speak(i) {
    var gen = state.gen;
    if (i >= state.sentences.length) { stop(); return; }
    state.i = i;
    highlight(i);
    var u = new window.SpeechSynthesisUtterance(state.sentences[i].text);
    u.lang = state.lang;
    if (state.voice) u.voice = state.voice;
    u.rate = parseFloat(state.rate.value) || 1;
    u.addEventListener("end", function () { if (state && gen === state.gen) speak(i + 1); });
    u.addEventListener("error", function () { if (state && gen === state.gen) stop(); });
    synth().speak(u);
  }

  function stop() {
    if (!state) return;
    state.gen++;
    state.playing = state.paused = false;
    synth().cancel();
    highlight(-1);
    label("listen");
    state.stop.disabled = true;
  }

  function toggle() {
    if (!state.sentences) {
      state.sentences = [];
      blocks(state.text).forEach(function (b) { wrap(b, state.sentences); });
    }
    if (state.playing && !state.paused) {
      synth().pause();
      state.paused = true;
      label("resume");
    } else if (state.paused) {
      synth().resume();
      state.paused = false;
      label("pause");
    } else {
      synth().cancel();
      state.voice = voiceFor(state.lang);
      state.playing = true;
      state.stop.disabled = false;
      label("pause");
      speak(0);
    }
  }

  function init() {
    if (state) stop();
    state = null;
    var bar = document.querySelector(".mg-listen-bar");
    if (!bar || !supported()) return;
    bar.hidden = false;
    state = {bar: bar, text: bar.closest(".mg-article"), button: bar.querySelector(".mg-listen"),
             stop: bar.querySelector(".mg-listen-stop"), rate: bar.querySelector("select"),
             lang: pageLang(bar), sentences: null, gen: 0, i: 0, playing: false, paused: false};
    state.button.addEventListener("click", toggle);
    state.stop.addEventListener("click", stop);
    state.rate.addEventListener("change", function () {
      // The new speed from the sentence being read, said again.
      if (state.playing && !state.paused) { state.gen++; synth().cancel(); speak(state.i); }
    });
  }

  window.addEventListener("pagehide", function () { if (state) stop(); });
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(init);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
