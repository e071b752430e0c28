// factdeck: progressive enhancement only; every page works without this file.
(function () {
  "use strict";
  // Prevent a double-click from submitting a form twice.
  document.addEventListener("submit", function (ev) {
    var form = ev.target;
    if (form.dataset.submitted === "1") { ev.preventDefault(); return; }
    form.dataset.submitted = "1";
  });

  // A long upload: show progress while the server reads the document and
  // makes its questions (the page is replaced when they are ready).
  document.addEventListener("submit", function (ev) {
    var busy = ev.target.querySelector("[data-busy]");
    if (!busy || ev.defaultPrevented) { return; }
    busy.hidden = false;
    var status = busy.querySelector("[data-busy-status]");
    var started = Date.now();
    var tick = function () {
      var s = Math.round((Date.now() - started) / 1000);
      status.textContent = "Reading the document and making questions… " + s + " s (at most 20 s)";
    };
    tick();
    setInterval(tick, 1000);
  });

  // After answering, move focus to the verdict so screen readers and
  // keyboard users land on the result.
  var verdict = document.getElementById("verdict");
  if (verdict) { verdict.focus(); }

  // Keyboard shortcuts on the study page: digits pick an option or a grade,
  // Space/Enter reveal or check, u undoes the last grade.
  document.addEventListener("keydown", function (ev) {
    if (ev.ctrlKey || ev.metaKey || ev.altKey) { return; }
    var t = ev.target;
    var typing = t && (t.tagName === "INPUT" && t.type === "text" || t.tagName === "TEXTAREA" || t.tagName === "SELECT");
    if (typing) { return; }
    var k = ev.key;
    if (k === "u") {
      var undo = document.querySelector('[data-key="u"]');
      if (undo) { ev.preventDefault(); undo.click(); }
      return;
    }
    if (/^[1-9]$/.test(k)) {
      var grade = document.querySelector('.grades [data-key="' + k + '"]');
      if (grade) { ev.preventDefault(); grade.click(); return; }
      var opt = document.querySelector('input[type="radio"][data-key="' + k + '"]');
      if (opt) { ev.preventDefault(); opt.checked = true; opt.focus(); }
      return;
    }
    if (k === " " || k === "Enter") {
      var submit = document.querySelector('[data-testid="question"] [data-testid="submit"]');
      if (submit && (k === " " || (t && t.tagName !== "BUTTON"))) { ev.preventDefault(); submit.click(); return; }
      var suggested = document.querySelector(".grades .suggested");
      if (suggested && k === " ") { ev.preventDefault(); suggested.click(); }
    }
  });
})();
