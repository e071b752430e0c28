// factdeck: progressive enhancement only; every page works without this file.
(function () {
  "use strict";
  // Prevent a double-click from submitting a form twice.
  document.addEventListener("submit", function (ev) {
    var form = ev.target;
    if (form.dataset.submitted === "1") { ev.preventDefault(); return; }
    form.dataset.submitted = "1";
  });
})();
