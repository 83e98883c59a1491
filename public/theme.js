// Applies the reader's reading settings to <html> before the first paint, from the synchronous
// localStorage mirror that src/state/settings.ts keeps (IndexedDB cannot be read this early).
// A plain same-origin script, loaded before the stylesheet: the CSP allows it, and it must not
// wait for the app's module. It mirrors applySettings() in src/state/settings.ts exactly.
(function () {
  // Each page the build wrote holds its route's first screen, rendered on the server
  // (build/prerender.ts), and names its address on <html data-page>. Served for another address
  // (the service worker's app shell, a query such as ?filter=unread, 404.html), the copy is hidden
  // from the start and the app draws the page itself.
  var here = document.documentElement;
  var page = here.getAttribute("data-page");
  var norm = function (p) {
    return p.replace(/(\/index)?\.html$/, "").replace(/\/$/, "");
  };
  if (!page || location.search || norm(location.pathname) !== norm(page)) {
    here.classList.add("deep");
  }
  var allowed = [
    ["theme", ["system", "light", "dark"]],
    ["textSize", ["small", "medium", "large", "larger", "largest"]],
    ["lineWidth", ["narrow", "medium", "wide"]],
    ["font", ["serif", "sans"]],
  ];
  var s;
  try {
    s = JSON.parse(localStorage.getItem("offprint-settings") || "null");
  } catch {
    return;
  }
  if (!s || typeof s !== "object" || s.v !== 1) return;
  for (var i = 0; i < allowed.length; i++) {
    if (allowed[i][1].indexOf(s[allowed[i][0]]) < 0) return;
  }
  var root = document.documentElement;
  if (s.theme !== "system") root.setAttribute("data-theme", s.theme);
  root.setAttribute("data-text-size", s.textSize);
  root.setAttribute("data-line-width", s.lineWidth);
  root.setAttribute("data-font", s.font);
})();
