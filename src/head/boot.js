// Runs before first paint, as a classic script file in <head> (a file, so the
// pages' CSP needs no 'unsafe-inline'): marks the page as JavaScript-enabled, so
// the sticky layout never flashes the linear one, and applies the colour scheme
// the reader chose with the toggle, stored under "<storage key>:theme": the story's
// prefix comes from content/story.json as <html data-storage-key> (written at build
// by src/layouts/Base.astro; src/runtime/storage.ts reads the same attribute).
// Registers nothing: the runtime owns every listener.
(function () {
  var root = document.documentElement;
  root.classList.add("js");
  try {
    var prefix = root.getAttribute("data-storage-key");
    var theme = prefix ? localStorage.getItem(prefix + ":theme") : null;
    if (theme === "dark" || theme === "light") root.setAttribute("data-theme", theme);
  } catch (e) {
    // storage blocked: follow the system
  }
})();
