// Startpunt: small progressive enhancements. Every page works without this file.
(function () {
  "use strict";

  function initMap() {
    var el = document.getElementById("kaart");
    if (!el || !window.L || el.dataset.ready) return;
    var lat = parseFloat(el.dataset.lat), lon = parseFloat(el.dataset.lon);
    if (isNaN(lat) || isNaN(lon)) return;
    el.dataset.ready = "1";
    var fallback = el.querySelector(".offer-map__fallback");
    var map = window.L.map(el, { scrollWheelZoom: false }).setView([lat, lon], 14);
    var tiles = window.L.tileLayer("https://tile.openstreetmap.org/{z}/{x}/{y}.png", {
      maxZoom: 19,
      attribution: "&copy; OpenStreetMap"
    });
    // Without internet the tiles stay empty; the marker and the address above still show where it is.
    tiles.on("tileload", function () { if (fallback) fallback.remove(); });
    tiles.addTo(map);
    window.L.marker([lat, lon], { alt: el.dataset.label || "" }).addTo(map);
  }

  document.addEventListener("DOMContentLoaded", initMap);
  window.addEventListener("load", initMap);
})();

// After htmx saved a row of the weekly update, keep keyboard focus in that row so the next Tab goes on from there.
document.addEventListener("htmx:afterSwap", function (e) {
  var row = e.detail && e.detail.target;
  if (!row || !row.classList || !row.classList.contains("update-row")) return;
  var target = row.querySelector(".update-row__conflict") ? row.querySelector("input[name=WaitingWeeks]") : row.querySelector(".update-row__status");
  if (target) target.focus();
});
