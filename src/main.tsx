import { render } from "solid-js/web";
import { App } from "./app/App.tsx";
import "./styles/global.css";

const root = document.getElementById("app");
if (root) render(() => <App base={import.meta.env.BASE_URL.replace(/\/$/, "")} />, root);
