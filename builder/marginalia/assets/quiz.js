/* Marginalia quiz: grades the quiz form in the reader's browser.

   The page already holds everything (questions, feedback, evidence, a <details>
   answer per question), so without this script it still works as a worksheet.
   This script adds checking, a score, retry and reset, and keeps the reader's
   answers in localStorage per article. Answers come from the JSON block in the
   form; choices are indices. Every word it shows comes from the form's second JSON
   block (mg-quiz-strings), written in the page's language from the catalogs. `normalize` mirrors grading.py step by step: change
   both together (a browser test compares them on one table).
   The teacher's choices (model/quiz_settings.py) arrive as the form's data
   attributes: data-show-answer="after-attempt" offers "Show the answer" only once
   an answer to the question was checked; data-quote-evidence="after-second-try"
   quotes the evidence on a wrong answer only from the second answer tried.
   Without this script every answer and passage stays in the page, as always.
   Re-initialised on mkdocs-material's document$ for instant navigation. */
(function () {
  "use strict";

  // ------------------------------------------------------------ normalisation
  var QUOTES = { "\u2019": "'", "\u2018": "'", "\u02bc": "'", "\u201c": '"', "\u201d": '"' };
  var SCALES = { thousand: 3, million: 6, billion: 9, trillion: 12 };
  var SPACE = /^[\t\n\v\f\r\p{Zs}\p{Zl}\p{Zp}]$/u;
  var TRIMMED = /^[\t\n\v\f\r\p{Zs}\p{Zl}\p{Zp}\p{P}]$/u;
  var NUMBER = /(?<![0-9])([0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(?:\.([0-9]+))?(?![0-9])(?: (thousand|million|billion|trillion)(?![a-z0-9]))?/g;

  function casefold(text) {
    // JavaScript has no casefold: upper then lower gives the same for what readers
    // type (ß → ss), except Greek final sigma, which casefold turns into σ.
    return text.toUpperCase().toLowerCase().replace(/\u03c2/g, "\u03c3");
  }

  function canonicalNumber(whole, fraction, scale) {
    var digits = whole.replace(/,/g, "") + fraction;
    var point = digits.length - fraction.length + (SCALES[scale] || 0);
    if (point > digits.length) digits += "0".repeat(point - digits.length);
    var intPart = digits.slice(0, point).replace(/^0+/, "") || "0";
    var fracPart = digits.slice(point).replace(/0+$/, "");
    return intPart + (fracPart ? "." + fracPart : "");
  }

  // Combining marks ignored per language (grading.py FOLDED_MARKS): acute, diaeresis.
  var FOLDED = { es: /[\u0301\u0308]/g };

  function foldMarks(text, lang) {
    var marks = FOLDED[String(lang || "en").split("-")[0].toLowerCase()];
    return marks ? text.normalize("NFD").replace(marks, "").normalize("NFC") : text;
  }

  function normalize(text, lang) {
    var s = foldMarks(casefold(String(text).normalize("NFC")).normalize("NFC"), lang);
    s = Array.from(s, function (ch) {
      ch = QUOTES[ch] || ch;
      return SPACE.test(ch) ? " " : ch;
    }).join("");
    s = s.split(" ").filter(Boolean).join(" ");
    var chars = Array.from(s), start = 0, end = chars.length;
    while (start < end && TRIMMED.test(chars[start])) start++;
    while (end > start && TRIMMED.test(chars[end - 1])) end--;
    s = chars.slice(start, end).join("");
    return s.replace(NUMBER, function (_, whole, fraction, scale) {
      return canonicalNumber(whole, fraction || "", scale || "");
    });
  }

  // ------------------------------------------------------------ reading answers
  function controls(fieldset) {
    return Array.prototype.slice.call(fieldset.querySelectorAll("input, select, textarea"));
  }

  function read(fieldset, type) {
    var els = controls(fieldset);
    if (type === "single" || type === "true-false") {
      var on = els.filter(function (el) { return el.checked; })[0];
      return on ? on.value : null;
    }
    if (type === "multiple") {
      return els.filter(function (el) { return el.checked; }).map(function (el) { return el.value; });
    }
    if (type === "order" || type === "match") {
      return els.map(function (el) { return el.value; });
    }
    return els.length ? els[0].value : "";
  }

  function write(fieldset, type, value) {
    controls(fieldset).forEach(function (el, i) {
      if (el.type === "radio") el.checked = value === el.value;
      else if (el.type === "checkbox") el.checked = Array.isArray(value) && value.indexOf(el.value) >= 0;
      else if (el.tagName === "SELECT") el.value = Array.isArray(value) ? value[i] || "" : "";
      else el.value = typeof value === "string" ? value : "";
    });
  }

  function answered(type, value) {
    if (value === null || value === undefined) return false;
    if (type === "order" || type === "match") return value.every(function (v) { return v !== ""; });
    if (Array.isArray(value)) return value.length > 0;
    return String(value).trim() !== "";
  }

  function sameNumbers(given, wanted) {
    return given.length === wanted.length &&
      given.every(function (v, i) { return Number(v) === wanted[i]; });
  }

  /* true, false, or null for a question that is not graded (open). */
  function grade(question, value) {
    var a = question.answer;
    switch (question.type) {
      case "single": return Number(value) === a;
      case "true-false": return value === String(a);
      case "multiple":
        return sameNumbers(value.map(Number).sort(function (x, y) { return x - y; }),
                           a.slice().sort(function (x, y) { return x - y; }));
      case "order": case "match": return sameNumbers(value, a);
      case "short":
        var given = normalize(value, question.lang);
        return given !== "" && a.some(function (ok) {
          return normalize(ok, question.lang) === given;
        });
      default: return null;
    }
  }

  /* Whether a question has been answered and checked, said on the fieldset
     (data-checked) and told to whoever listens (guided.js opens the next part of
     the article on it): an event, so the quiz knows nothing of guided reading. */
  function changedState(fieldset, checked) {
    if (checked) fieldset.dataset.checked = "true"; else delete fieldset.dataset.checked;
    fieldset.dispatchEvent(new CustomEvent("mg:checked", { bubbles: true, detail: { checked: checked } }));
  }

  // ------------------------------------------------------------ one quiz form
  function setup(form) {
    if (form.dataset.mgReady) return;
    var dataEl = form.querySelector("script.mg-quiz-data");
    if (!dataEl) return;
    form.dataset.mgReady = "1";
    var data = JSON.parse(dataEl.textContent);
    var stringsEl = form.querySelector("script.mg-quiz-strings");
    var words = stringsEl ? JSON.parse(stringsEl.textContent) : {};
    /* The page's message `name`, its %(key)s filled from `values`. */
    function say(name, values) {
      return String(words[name] || "").replace(/%\((\w+)\)s/g, function (_, k) {
        return values && k in values ? String(values[k]) : "";
      });
    }
    var key = "marginalia:quiz:" + data.quiz;
    var fieldsets = Array.prototype.slice.call(form.querySelectorAll("fieldset.mg-question"));
    var score = form.querySelector(".mg-quiz__score");
    var state = load(key);
    var answerAfterAttempt = form.dataset.showAnswer === "after-attempt";
    var evidenceAfterRetry = form.dataset.quoteEvidence === "after-second-try";

    form.querySelectorAll(".mg-js-only").forEach(function (el) { el.hidden = false; });

    function question(fieldset) { return data.questions[fieldset.dataset.question]; }

    function tries(fieldset) { return state.tries[fieldset.dataset.question] || 0; }

    /* "Show the answer" is there from the start, or once an answer was checked. */
    function offerAnswer(fieldset) {
      var reveal = fieldset.querySelector(".mg-reveal");
      if (!reveal) return;
      var offered = !answerAfterAttempt || tries(fieldset) > 0;
      reveal.hidden = !offered;
      if (!offered) reveal.open = false;
    }

    function show(fieldset, result, empty) {
      var fb = fieldset.querySelector(".mg-feedback");
      var part = function (cls, on) {
        var el = fb.querySelector(cls);
        if (el) el.hidden = !on;
      };
      fieldset.classList.toggle("mg-question--correct", result === true);
      fieldset.classList.toggle("mg-question--incorrect", result === false);
      changedState(fieldset, !empty);
      var verdict = fb.querySelector(".mg-feedback__verdict");
      // a wrong first try may be left to find the passage alone (the teacher's choice)
      var quoteEvidence = result !== false || !evidenceAfterRetry || tries(fieldset) > 1;
      if (empty) {
        verdict.textContent = say("unanswered");
      } else if (result === true) {
        verdict.textContent = say("correct");
      } else if (result === false && !quoteEvidence) {
        verdict.textContent = say("reread");
      } else if (result === false) {
        verdict.textContent = say("incorrect");
      } else {
        verdict.textContent = say("ungraded");
      }
      part(".mg-feedback__correct", !empty && result !== false);
      part(".mg-feedback__incorrect", !empty && result === false);
      part(".mg-feedback__evidence", !empty && quoteEvidence);
    }

    function clearFeedback(fieldset) {
      fieldset.classList.remove("mg-question--correct", "mg-question--incorrect");
      changedState(fieldset, false);
      var fb = fieldset.querySelector(".mg-feedback");
      fb.querySelector(".mg-feedback__verdict").textContent = "";
      fb.querySelectorAll(".mg-feedback__correct, .mg-feedback__incorrect, .mg-feedback__evidence")
        .forEach(function (el) { el.hidden = true; });
    }

    function check(fieldset) {
      var id = fieldset.dataset.question, q = question(fieldset);
      var value = read(fieldset, q.type);
      state.answers[id] = value;
      if (!answered(q.type, value)) {
        delete state.checked[id];
        show(fieldset, null, true);
        return;
      }
      state.checked[id] = true;
      var tried = JSON.stringify(value);
      if (state.tried[id] !== tried) {  // the same answer checked again is not a new try
        state.tried[id] = tried;
        state.tries[id] = (state.tries[id] || 0) + 1;
      }
      show(fieldset, grade(q, value), false);
      offerAnswer(fieldset);
    }

    function results() {
      var graded = 0, checked = 0, right = 0, wrong = [];
      fieldsets.forEach(function (fs) {
        var q = question(fs), id = fs.dataset.question;
        if (q.type === "open") return;
        graded += 1;
        if (!state.checked[id]) return;
        checked += 1;
        if (grade(q, state.answers[id])) right += 1; else wrong.push(fs);
      });
      return { graded: graded, checked: checked, right: right, wrong: wrong };
    }

    function updateScore(message) {
      var r = results();
      var text = "";
      if (r.checked) {
        var counts = { right: r.right, graded: r.graded, checked: r.checked };
        text = say("score", counts);
        if (r.checked < r.graded) text += " " + say("progress", counts);
        else if (r.right === r.graded) text += " " + say("all_right");
        else text += " " + say("retry_hint");
      }
      score.textContent = message ? message + (text ? " " + text : "") : text;
    }

    function save() {
      try { localStorage.setItem(key, JSON.stringify(state)); } catch (e) { /* storage off: keep going */ }
    }

    function clear(fieldset) {
      var id = fieldset.dataset.question;
      write(fieldset, question(fieldset).type, null);
      clearFeedback(fieldset);
      delete state.answers[id];
      delete state.checked[id];
    }

    function firstControl(fieldset) { return controls(fieldset)[0]; }

    // Restore what the reader did last time on this article's quiz.
    fieldsets.forEach(function (fs) {
      var id = fs.dataset.question, q = question(fs);
      if (!q) return;
      if (id in state.answers) write(fs, q.type, state.answers[id]);
      if (state.checked[id] && answered(q.type, state.answers[id])) {
        show(fs, grade(q, state.answers[id]), false);
      }
      offerAnswer(fs);
    });
    updateScore();

    form.addEventListener("submit", function (event) {
      event.preventDefault();
      fieldsets.forEach(check);
      save();
      updateScore();
    });

    form.addEventListener("click", function (event) {
      var button = event.target.closest("button[data-action]");
      if (!button) return;
      var action = button.dataset.action;
      if (action === "check") {
        check(button.closest("fieldset.mg-question"));
        save();
        updateScore();
      } else if (action === "retry") {
        var wrong = results().wrong;
        wrong.forEach(clear);
        save();
        updateScore(wrong.length
          ? say(wrong.length === 1 ? "retried_one" : "retried_other", { count: wrong.length })
          : say("none_wrong"));
        if (wrong.length) firstControl(wrong[0]).focus();
      } else if (action === "reset") {
        fieldsets.forEach(clear);
        state = fresh();
        fieldsets.forEach(offerAnswer);
        try { localStorage.removeItem(key); } catch (e) { /* storage off */ }
        updateScore(say("reset"));
        firstControl(fieldsets[0]).focus();
      }
    });

    // A changed answer is a new answer: its old feedback no longer applies.
    function changed(event) {
      var fs = event.target.closest("fieldset.mg-question");
      if (!fs || !question(fs)) return;
      var id = fs.dataset.question;
      state.answers[id] = read(fs, question(fs).type);
      if (state.checked[id]) {
        delete state.checked[id];
        clearFeedback(fs);
        updateScore();
      }
      save();
    }
    form.addEventListener("change", changed);
    form.addEventListener("input", changed);
    form.addEventListener("change", function (event) { showChosen(event.target); });
    form.querySelectorAll(".mg-order select, .mg-match select").forEach(showChosen);
  }

  /* A long chosen answer is cut off inside its select on a phone: spell it out in full
     under it (for the eye only; the select itself says it to screen readers). */
  function showChosen(select) {
    if (!select.matches || !select.matches(".mg-order select, .mg-match select")) return;
    var shown = select.nextElementSibling;
    if (!shown || !shown.classList.contains("mg-chosen")) {
      shown = document.createElement("span");
      shown.className = "mg-chosen";
      shown.setAttribute("aria-hidden", "true");
      select.parentNode.insertBefore(shown, select.nextSibling);
    }
    var option = select.selectedIndex > 0 ? select.options[select.selectedIndex] : null;
    shown.textContent = option ? option.textContent : "";
    shown.hidden = !option;
  }

  /* What a reader did: answers, which are checked, and per question how many different
     answers were tried and the last one (the teacher's choices count tries). */
  function fresh() { return { answers: {}, checked: {}, tries: {}, tried: {} }; }

  function load(key) {
    var state = fresh();
    try {
      var saved = JSON.parse(localStorage.getItem(key) || "null");
      if (saved && typeof saved === "object") {
        Object.keys(state).forEach(function (part) {
          if (saved[part] && typeof saved[part] === "object") state[part] = saved[part];
        });
      }
    } catch (e) { /* storage off or damaged: start afresh */ }
    return state;
  }

  function init() {
    document.querySelectorAll("form.mg-quiz").forEach(setup);
  }

  window.MarginaliaQuiz = { normalize: normalize, grade: grade };

  // Both, on purpose: document$ brings each page of instant navigation, but it never
  // emits in the folder (file://) edition; `setup` runs once per form either way.
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(init);
  }
})();
