"""Read-aloud (`button.mg-listen`) with the browser's own speech, tested against a fake.

Headless Chromium has no voices, so a fake `speechSynthesis` is installed before any
page script runs: it records each utterance (text, language, voice, speed) and which
text carried `mg-speaking` when it started, then fires start and end like an engine.
The article must be spoken sentence by sentence in order, the highlight must move
with the voice, pause, resume and stop must work, and where the browser has no
speech the controls are not shown.
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.browser.site_pages import ARTICLE, open_page

FAKE_SPEECH = """(() => {
  const log = [];
  const fake = {
    auto: true, current: null, paused: false, log,
    getVoices() {
      return [{name: "Far French", lang: "fr-FR", localService: true, default: true},
              {name: "Server English", lang: "en-US", localService: false, default: false},
              {name: "Local English", lang: "en-US", localService: true, default: false}];
    },
    speak(u) {
      this.current = u;
      log.push({text: u.text, lang: u.lang, rate: u.rate, voice: u.voice && u.voice.name});
      setTimeout(() => {
        if (this.current !== u) return;
        u.dispatchEvent(new Event("start"));
        log[log.length - 1].speaking = [...document.querySelectorAll(".mg-speaking")]
          .map(e => e.textContent).join("").replace(/\\s+/g, " ").trim();
        if (this.auto) setTimeout(() => this.finish(u), 0);
      }, 0);
    },
    finish(u) {
      if (this.current !== u || this.paused) return;
      this.current = null;
      u.dispatchEvent(new Event("end"));
    },
    cancel() {
      const u = this.current;
      this.current = null;
      if (u) u.dispatchEvent(new Event("error"));
    },
    pause() { this.paused = true; },
    resume() { this.paused = false; if (this.current && this.auto) this.finish(this.current); },
    addEventListener() {}, removeEventListener() {},
  };
  class Utterance extends EventTarget {
    constructor(text) {
      super(); this.text = text; this.lang = ""; this.rate = 1; this.voice = null;
    }
  }
  Object.defineProperty(window, "speechSynthesis", {value: fake, configurable: true});
  Object.defineProperty(window, "SpeechSynthesisUtterance", {value: Utterance, configurable: true});
})()"""

NO_SPEECH = """delete window.speechSynthesis; delete window.SpeechSynthesisUtterance;
Object.defineProperty(window, "speechSynthesis", {value: undefined});"""

ARTICLE_TEXT = """() => {
  const blocks = [document.querySelector(".md-content h1")];
  const inner = "h1, h2, h3, h4, p, li, td, th, dd, dt, figcaption";
  for (const el of document.querySelectorAll(".mg-article :is(" + inner + ")")) {
    if (el.closest(".mg-dateline, .mg-quiz-link, .mg-listen-bar, .mg-context")) continue;
    if (el.querySelector(inner)) continue;
    blocks.push(el);
  }
  return blocks.map(b => b.textContent);
}"""


def sentences(blocks: list[str]) -> list[str]:
    """The article's sentences: each block split after . ! ? … (and closing quotes)."""
    found = []
    for block in blocks:
        for piece in re.split(r"(?<=[.!?…])[\"'”’)]*\s+", block):
            said = " ".join(piece.split())
            if said:
                found.append(said)
    return found


@pytest.fixture
def speech(page, seed_server):
    page.add_init_script(FAKE_SPEECH)
    open_page(page, seed_server.url(ARTICLE))
    return page


def log(page) -> list[dict]:
    return page.evaluate("speechSynthesis.log")


def test_the_article_is_spoken_sentence_by_sentence_in_order(speech):
    expected = sentences(speech.evaluate(ARTICLE_TEXT))
    assert len(expected) > 10
    speech.locator("button.mg-listen").click()
    speech.wait_for_function(f"speechSynthesis.log.length >= {len(expected)} &&"
                             " speechSynthesis.current === null")
    spoken = log(speech)
    assert [u["text"] for u in spoken] == expected
    texts = [u["text"] for u in spoken]
    assert [u["speaking"] for u in spoken] == texts  # the highlight moved with the voice
    assert speech.locator(".mg-speaking").count() == 0  # the end clears it


def test_it_speaks_the_page_language_with_a_voice_on_this_device(speech):
    speech.evaluate("speechSynthesis.auto = false")
    speech.locator("button.mg-listen").click()
    speech.wait_for_function("speechSynthesis.log.length === 1")
    first = log(speech)[0]
    assert first["lang"].startswith("en") and first["voice"] == "Local English"


def test_pause_resume_and_stop(speech):
    speech.evaluate("speechSynthesis.auto = false")
    listen = speech.locator("button.mg-listen")
    listen.click()
    speech.wait_for_function("speechSynthesis.log.length === 1 && speechSynthesis.log[0].speaking")
    expect(speech.locator(".mg-speaking").first).to_be_in_viewport()
    listen.click()
    assert speech.evaluate("speechSynthesis.paused") is True
    expect(listen).to_have_text("Resume")
    listen.click()
    assert speech.evaluate("speechSynthesis.paused") is False
    speech.evaluate("speechSynthesis.finish(speechSynthesis.current)")
    speech.wait_for_function("speechSynthesis.log.length === 2 && speechSynthesis.log[1].speaking")
    assert log(speech)[1]["speaking"] == log(speech)[1]["text"]
    speech.locator("button.mg-listen-stop").click()
    expect(speech.locator(".mg-speaking")).to_have_count(0)
    expect(listen).to_have_text("Listen")
    assert speech.evaluate("speechSynthesis.current") is None


def test_the_speed_applies_to_the_next_words(speech):
    speech.evaluate("speechSynthesis.auto = false")
    speech.locator(".mg-listen-rate select").select_option("1.5")
    speech.locator("button.mg-listen").click()
    speech.wait_for_function("speechSynthesis.log.length === 1")
    assert log(speech)[0]["rate"] == 1.5


def test_without_speech_the_controls_are_not_shown(page, seed_server):
    page.add_init_script(NO_SPEECH)
    open_page(page, seed_server.url(ARTICLE))
    assert page.evaluate("!window.speechSynthesis")
    expect(page.locator("button.mg-listen")).to_be_hidden()
