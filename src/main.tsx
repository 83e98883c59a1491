import { render } from "solid-js/web";
import { App } from "./app/App.tsx";
import { startOffline } from "./app/offline.ts";
import "./styles/global.css";

const root = document.getElementById("app");
startOffline();
// The service worker is not needed for the first paint: register it once the page has loaded.
const register = () => void import("./app/register-sw.ts").then((m) => m.registerServiceWorker());
if (document.readyState === "complete") register();
else window.addEventListener("load", register, { once: true });
if (root) render(() => <App base={import.meta.env.BASE_URL.replace(/\/$/, "")} />, root);
