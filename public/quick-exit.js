// Quick exit ("Leave this site"), for a person who may be watched by the
// person hurting them. Plain and tiny, so it works before the app's own
// JavaScript has loaded; without JavaScript the button is a plain link.
//
// - The button blanks the page at once and replaces it with a neutral site.
// - Shift pressed on its own three times within five seconds does the same, as
//   GOV.UK's "Exit this page" does. A Shift that is part of something else
//   (typing a capital, Shift+Tab, Shift+arrow, a shortcut, a Shift-click) does
//   not count, and any other key starts the count again, so typing never
//   leaves. Escape is not an exit key: people press it out of habit.
// - On public pages every navigation inside the site replaces the current
//   history entry, so a whole visit is one entry, and leaving replaces that
//   one: Back shows nothing of the site.
(function () {
  "use strict";
  // Loaded in <head>, before the page itself: listeners are in place before
  // anything can be clicked or typed. The page's elements are looked up when used.
  var WINDOW_MS = 5000;
  var PRESSES_TO_LEAVE = 3;
  var exitLink = function () { return document.querySelector("[data-quick-exit]"); };

  function leave(event) {
    var link = exitLink();
    if (!link) return;
    if (event) event.preventDefault();
    document.title = "";
    document.documentElement.style.background = "#fff";
    if (document.body) document.body.innerHTML = "";
    window.location.replace(link.getAttribute("href"));
  }

  document.addEventListener("DOMContentLoaded", function () {
    var link = exitLink();
    if (!link) return;
    // The title said what Back shows without JavaScript; with it, Back shows less.
    var scriptedHint = link.getAttribute("data-hint-with-script");
    if (scriptedHint) link.setAttribute("title", scriptedHint);
    // The sticky header's height, for scroll-padding-top (app.css): focus never hides under it.
    var header = document.querySelector(".site-header");
    if (header && window.ResizeObserver) {
      new ResizeObserver(function () {
        document.documentElement.style.setProperty("--header-height", header.offsetHeight + "px");
      }).observe(header);
    }
  });

  // --- Shift three times ---------------------------------------------------
  var presses = []; // times of the lone Shift presses still counting
  var shiftHeld = false; // Shift is down
  var shiftAlone = false; // nothing else has happened since it went down
  var announcementTimer = null;

  function announce(text) {
    var status = document.querySelector("[data-quick-exit-status]");
    if (!status) return;
    status.textContent = text || "";
    if (announcementTimer) window.clearTimeout(announcementTimer);
    if (text) announcementTimer = window.setTimeout(function () { status.textContent = ""; }, WINDOW_MS);
  }

  function resetCount() {
    if (presses.length > 0) announce("");
    presses = [];
  }

  function countLonePress() {
    var now = Date.now();
    presses = presses.filter(function (time) { return now - time < WINDOW_MS; });
    presses.push(now);
    var left = PRESSES_TO_LEAVE - presses.length;
    if (left <= 0) {
      presses = [];
      leave();
      return;
    }
    var link = exitLink();
    if (link) announce(link.getAttribute(left === 1 ? "data-one-more" : "data-two-more"));
  }

  document.addEventListener("keydown", function (event) {
    if (event.key === "Shift") {
      if (!event.repeat) {
        shiftHeld = true;
        shiftAlone = !(event.ctrlKey || event.altKey || event.metaKey);
      }
      return;
    }
    // Any other key (a letter, Tab, an arrow, Escape, an IME's "Process"):
    // the Shift held now is a modifier, and the count starts again.
    shiftAlone = false;
    resetCount();
  }, true);

  document.addEventListener("keyup", function (event) {
    if (event.key !== "Shift") return;
    var lone = shiftHeld && shiftAlone;
    shiftHeld = false;
    shiftAlone = false;
    if (lone) countLonePress();
  }, true);

  // Shift-click (selecting text, opening a window) is not a lone Shift either.
  document.addEventListener("pointerdown", function () { shiftAlone = false; }, true);
  // Switching windows while Shift is down: its keyup may never arrive here.
  window.addEventListener("blur", function () { shiftHeld = false; shiftAlone = false; });

  // A page restored from the back-forward cache is blanked at once.
  window.addEventListener("pageshow", function (event) {
    if (event.persisted) leave();
  });

  // The button: capture on window runs before anything else on the page.
  window.addEventListener("click", function (event) {
    var target = event.target && event.target.closest ? event.target.closest("[data-quick-exit]") : null;
    if (target && event.button === 0) leave(event);
  }, true);

  // --- One history entry per visit ----------------------------------------
  if (!document.documentElement.hasAttribute("data-one-history-entry")) return;

  function sameSite(address) {
    try {
      var url = new URL(address, window.location.href);
      return url.origin === window.location.origin ? url : null;
    } catch (error) {
      return null;
    }
  }

  function opensElsewhere(target) {
    return Boolean(target) && target !== "_self";
  }

  // Capture on window runs before the app's own handlers (React Router's links
  // and forms), which then see the event handled and leave it alone.
  window.addEventListener("click", function (event) {
    if (event.defaultPrevented || event.button !== 0) return;
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return; // a new tab or window: the person's choice
    var anchor = event.target && event.target.closest ? event.target.closest("a[href]") : null;
    if (!anchor || anchor.hasAttribute("data-quick-exit") || anchor.hasAttribute("download")) return;
    if (opensElsewhere(anchor.getAttribute("target"))) return;
    var url = sameSite(anchor.href);
    if (!url) return;
    event.preventDefault();
    window.location.replace(url.href);
  }, true);

  window.addEventListener("submit", function (event) {
    if (event.defaultPrevented) return;
    var form = event.target;
    var submitter = event.submitter || null;
    var attribute = function (name, formName) {
      return (submitter && submitter.getAttribute(formName)) || form.getAttribute(name) || "";
    };
    if ((attribute("method", "formmethod") || "get").toLowerCase() !== "get") return; // posts are the app's (it replaces too)
    if (opensElsewhere(attribute("target", "formtarget"))) return;
    var url = sameSite(submitter && submitter.hasAttribute("formaction") ? submitter.formAction : form.action);
    if (!url) return;
    var fields;
    try {
      fields = new FormData(form, submitter);
    } catch (error) {
      fields = new FormData(form); // older browsers take no submitter
    }
    var query = new URLSearchParams();
    fields.forEach(function (value, name) {
      if (typeof value === "string") query.append(name, value);
    });
    url.search = query.toString();
    url.hash = "";
    event.preventDefault();
    window.location.replace(url.href);
  }, true);
})();
