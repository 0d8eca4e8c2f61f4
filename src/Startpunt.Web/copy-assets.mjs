// Copies the files the pages use from node_modules into wwwroot/lib, so they are served as static files.
import { cpSync, mkdirSync, rmSync } from "node:fs";

const files = {
  "htmx.org/dist/htmx.min.js": "htmx/htmx.min.js",
  "leaflet/dist/leaflet.js": "leaflet/leaflet.js",
  "leaflet/dist/leaflet.css": "leaflet/leaflet.css",
  "leaflet/dist/images": "leaflet/images",
  "@utrecht/component-library-css/dist/index.css": "utrecht/component-library.css",
  "@utrecht/design-tokens/dist/theme.css": "utrecht/theme.css",
};

rmSync("wwwroot/lib", { recursive: true, force: true });
for (const [from, to] of Object.entries(files)) {
  const target = `wwwroot/lib/${to}`;
  mkdirSync(target.substring(0, target.lastIndexOf("/")), { recursive: true });
  cpSync(`node_modules/${from}`, target, { recursive: true });
}
console.log("copied front-end assets to wwwroot/lib");
