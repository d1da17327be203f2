// Runs before first paint, as a classic script file in <head> (a file, so the
// pages' CSP needs no 'unsafe-inline'): marks the page as JavaScript-enabled, so
// the sticky layout never flashes the linear one, and applies the colour scheme
// the reader chose with the toggle (src/runtime/theme.ts keeps the same key).
// Registers nothing: the runtime owns every listener.
(function () {
  var root = document.documentElement;
  root.classList.add("js");
  try {
    var theme = localStorage.getItem("altman-chips:theme");
    if (theme === "dark" || theme === "light") root.setAttribute("data-theme", theme);
  } catch (e) {
    // storage blocked: follow the system
  }
})();
