// Applies the reader's reading settings to <html> before the first paint, from the synchronous
// localStorage mirror that src/app/settings.ts keeps (IndexedDB cannot be read this early).
// A plain same-origin script, loaded before the stylesheet: the CSP allows it, and it must not
// wait for the app's module. It mirrors applySettings() in src/app/settings.ts exactly.
(function () {
  // index.html holds a static copy of the first screen of "/" (build/first-screen.ts). On any
  // other address the app draws the page itself, so the copy is hidden from the start.
  var me = document.currentScript;
  if (me && (location.search || location.pathname !== new URL(".", me.src).pathname)) {
    document.documentElement.classList.add("deep");
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
