// Copies the files the pages use from node_modules into wwwroot/lib, so they are served as static files.
import { cpSync, mkdirSync, rmSync } from "node:fs";

const files = {
  "htmx.org/dist/htmx.min.js": "htmx/htmx.min.js",
  "leaflet/dist/leaflet.js": "leaflet/leaflet.js",
  "leaflet/dist/leaflet.css": "leaflet/leaflet.css",
  "leaflet/dist/images": "leaflet/images",
  "@utrecht/component-library-css/dist/index.css": "utrecht/component-library.css",
  // The NL Design System example theme's tokens, made Startpunt's own in wwwroot/css/startpunt-theme.css.
  "@nl-design-system-unstable/voorbeeld-design-tokens/dist/theme.css": "nlds/voorbeeld-theme.css",
};
// Noto Sans, served by the portal itself (no font service): Latin and Latin Extended, regular and bold.
for (const subset of ["latin", "latin-ext"]) {
  for (const weight of ["400", "700"]) {
    files[`@fontsource/noto-sans/${subset}-${weight}.css`] = `fonts/noto-sans/${subset}-${weight}.css`;
    for (const format of ["woff2", "woff"])
      files[`@fontsource/noto-sans/files/noto-sans-${subset}-${weight}-normal.${format}`] = `fonts/noto-sans/files/noto-sans-${subset}-${weight}-normal.${format}`;
  }
}

rmSync("wwwroot/lib", { recursive: true, force: true });
for (const [from, to] of Object.entries(files)) {
  const target = `wwwroot/lib/${to}`;
  mkdirSync(target.substring(0, target.lastIndexOf("/")), { recursive: true });
  cpSync(`node_modules/${from}`, target, { recursive: true });
}
console.log("copied front-end assets to wwwroot/lib");
