// Registers the reference service worker for /ref/ (an external script: no inline code needed).
if ("serviceWorker" in navigator) navigator.serviceWorker.register("./sw.js", { scope: "./" });
