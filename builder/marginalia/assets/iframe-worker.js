/* Marginalia: Web Workers for pages opened from a folder (file://), written for the
   `marginalia build --zip` edition. Browsers refuse `new Worker("file://…")`, which
   silently breaks the theme's search (mkdocs-material's and Zensical's). This runs
   the worker script in a hidden same-origin frame instead, so search works from a
   zip with no server and with no request to a third party (the themes' offline
   plugins would otherwise load a shim from a CDN; its file name, containing
   "iframe-worker", tells them this one is here). Only loaded by the zip build; on
   http(s) it does nothing. */
(function () {
  "use strict";
  if (location.protocol !== "file:" || typeof EventTarget !== "function") return;

  function later(fn) { window.setTimeout(fn, 0); }

  function FrameWorker(url) {
    var target = new EventTarget();
    // A page may listen with `worker.onmessage = …` (Zensical's search) as well as
    // with addEventListener (mkdocs-material's): both hear every event.
    ["message", "error", "messageerror"].forEach(function (type) {
      target.addEventListener(type, function (event) {
        var handler = target["on" + type];
        if (typeof handler === "function") handler.call(target, event);
      });
    });
    var queue = [];
    var ready = false;
    var frame = document.createElement("iframe");
    frame.hidden = true;
    frame.title = "Search worker";
    frame.setAttribute("aria-hidden", "true");
    frame.tabIndex = -1;
    (document.body || document.documentElement).appendChild(frame);
    var inner = frame.contentWindow;

    function deliver(data) {
      later(function () { inner.dispatchEvent(new inner.MessageEvent("message", { data: data })); });
    }
    // Inside the frame, the worker's global postMessage answers the page.
    inner.postMessage = function (data) {
      later(function () { target.dispatchEvent(new MessageEvent("message", { data: data })); });
    };
    inner.importScripts = function () {
      throw new Error("importScripts is not available to a worker opened from a folder");
    };
    var script = inner.document.createElement("script");
    script.src = new URL(url, location.href).href;
    script.onload = function () {
      ready = true;
      queue.splice(0).forEach(deliver);
    };
    script.onerror = function () { target.dispatchEvent(new Event("error")); };
    inner.document.head.appendChild(script);

    target.postMessage = function (data) {
      if (ready) deliver(data); else queue.push(data);
    };
    target.terminate = function () {
      if (frame.parentNode) frame.parentNode.removeChild(frame);
    };
    return target;
  }

  window.Worker = FrameWorker;
})();
