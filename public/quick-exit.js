// Quick exit ("Leave this site"): for a person who may be watched by the
// person hurting them. A plain link works without JavaScript; with it, the
// page is blanked at once and replaced by a neutral site (location.replace, so
// Back does not return here), by the button, by pressing Shift three times
// within five seconds (GOV.UK's "Exit this page"), or by Escape when no form
// control has focus. A page restored from the back-forward cache is blanked too.
(function () {
  "use strict";
  var link = document.querySelector("[data-quick-exit]");
  if (!link) return;
  var target = link.getAttribute("href");

  function leave(event) {
    if (event) event.preventDefault();
    document.title = "";
    document.documentElement.style.background = "#fff";
    if (document.body) document.body.innerHTML = "";
    window.location.replace(target);
  }

  link.addEventListener("click", leave);

  var shiftPresses = [];
  document.addEventListener("keydown", function (event) {
    if (event.key === "Shift" && !event.repeat) {
      var now = Date.now();
      shiftPresses = shiftPresses.filter(function (time) {
        return now - time < 5000;
      });
      shiftPresses.push(now);
      if (shiftPresses.length >= 3) leave();
      return;
    }
    if (event.key === "Escape") {
      var active = document.activeElement;
      var inControl = active && /^(INPUT|SELECT|TEXTAREA)$/.test(active.tagName);
      var openDetails = active && active.closest && active.closest("details[open]");
      if (!inControl && !openDetails) leave();
    }
  });

  window.addEventListener("pageshow", function (event) {
    if (event.persisted) leave();
  });
})();
