// Startpunt: small progressive enhancements. Every page works without this file.

// The tile layer of a map element, from Map:TileUrl and Map:Attribution (data-tiles, data-attribution); null when the
// installation configured no tiles. The attribution is text, never HTML.
function mapTiles(el) {
  if (!el.dataset.tiles) return null;
  var attribution = document.createElement("span");
  attribution.textContent = el.dataset.attribution || "";
  return window.L.tileLayer(el.dataset.tiles, { maxZoom: 19, attribution: attribution.innerHTML });
}
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
    var tiles = mapTiles(el);
    if (!tiles) return;
    // Without internet the tiles stay empty; the marker and the address above still show where it is.
    tiles.on("tileload", function () { if (fallback) fallback.remove(); });
    tiles.addTo(map);
    window.L.marker([lat, lon], { alt: el.dataset.label || "" }).addTo(map);
  }

  document.addEventListener("DOMContentLoaded", initMap);
  window.addEventListener("load", initMap);
})();

// After htmx saved a row of the weekly update, keep keyboard focus in that row so the next Tab goes on from there.
// The swap replaced the row element, so look the new one up by its id.
document.addEventListener("htmx:afterSwap", function (e) {
  var old = e.detail && e.detail.target;
  if (!old || !old.id || old.id.indexOf("offer-") !== 0) return;
  var row = document.getElementById(old.id);
  if (!row) return;
  var target = row.querySelector(".update-row__conflict, .utrecht-form-field-error-message")
    ? row.querySelector("[aria-invalid=true], input[name=WaitingWeeks]")
    : row.querySelector(".update-row__status");
  if (target) target.focus();
});

// "Alles klopt nog" confirms what is saved. Rows typed in but not saved would be lost: say so instead.
document.addEventListener("submit", function (e) {
  var form = e.target;
  if (!form || form.id !== "confirm-all") return;
  var unsaved = [];
  document.querySelectorAll("tr.update-row").forEach(function (row) {
    var changed = Array.prototype.some.call(row.querySelectorAll("input[form^=row-]"), function (input) {
      return input.type === "checkbox" ? input.checked !== input.defaultChecked : input.type !== "hidden" && input.value !== input.defaultValue;
    });
    if (changed) unsaved.push(row);
  });
  if (unsaved.length === 0) return;
  e.preventDefault();
  var message = document.getElementById("unsaved-rows");
  message.hidden = false;
  var first = unsaved[0].querySelector("input[name=WaitingWeeks]");
  if (first) first.focus();
});

// Locations: clicking the map places the pin and fills in the coordinate fields (which also work by hand).
(function () {
  "use strict";
  function initPin() {
    var el = document.getElementById("pin-kaart");
    if (!el || !window.L || el.dataset.ready) return;
    el.dataset.ready = "1";
    var lat = document.getElementById("Input_Latitude"), lon = document.getElementById("Input_Longitude");
    var start = [parseFloat(lat.value) || 52.3, parseFloat(lon.value) || 5.3];
    var map = window.L.map(el).setView(start, lat.value ? 15 : 7);
    var tiles = mapTiles(el);
    if (tiles) tiles.addTo(map);
    var marker = lat.value ? window.L.marker(start).addTo(map) : null;
    map.on("click", function (e) {
      lat.value = e.latlng.lat.toFixed(6);
      lon.value = e.latlng.lng.toFixed(6);
      if (marker) marker.setLatLng(e.latlng); else marker = window.L.marker(e.latlng).addTo(map);
    });
    var details = el.closest("details");
    if (details) details.addEventListener("toggle", function () { map.invalidateSize(); });
  }
  document.addEventListener("DOMContentLoaded", initPin);
  window.addEventListener("load", initPin);
})();

// Coverage map: every postcode area of the region as a dot, red where nothing is nearby.
(function () {
  "use strict";
  function initCoverage() {
    var el = document.getElementById("dekking-kaart");
    if (!el || !window.L || el.dataset.ready) return;
    el.dataset.ready = "1";
    var areas = JSON.parse(el.dataset.areas || "[]");
    if (areas.length === 0) return;
    var map = window.L.map(el, { scrollWheelZoom: false });
    // Without configured tiles the dots alone still show the region's shape; the table below has the same data.
    var tiles = mapTiles(el);
    if (tiles) tiles.addTo(map);
    var bounds = [];
    areas.forEach(function (a) {
      var marker = window.L.circleMarker([a.lat, a.lon], {
        radius: a.covered ? 4 : 7, color: a.covered ? "#1e6b34" : "#b3001b", weight: 2, fillOpacity: a.covered ? 0.4 : 0.8
      }).addTo(map);
      marker.bindTooltip(a.pc4 + " " + a.place);
      bounds.push([a.lat, a.lon]);
    });
    map.fitBounds(bounds, { padding: [20, 20] });
  }
  document.addEventListener("DOMContentLoaded", initCoverage);
  window.addEventListener("load", initCoverage);
})();

// The consultant's selection: the sticky bar counts the ticked offers (this page plus other pages), and the address bar
// carries them, so reloading or going back keeps them. Without JavaScript the page buttons carry them on.
document.addEventListener("change", function (e) {
  var box = e.target;
  if (!box || box.name !== "aanbod" || !box.form || box.form.id !== "shortlist-form") return;
  var form = box.form;
  var ids = [];
  form.querySelectorAll("input[name=aanbod]").forEach(function (input) {
    if (input.type === "hidden") ids = ids.concat(input.value.split(",").filter(Boolean));
    else if (input.checked) ids.push(input.value);
  });
  var count = document.getElementById("shortlist-count");
  if (count) count.textContent = ids.length === 1 ? count.dataset.one : count.dataset.many.replace("{0}", ids.length);
  var url = new URL(window.location.href);
  url.searchParams.delete("aanbod");
  if (ids.length > 0) url.searchParams.set("aanbod", ids.join(","));
  window.history.replaceState(window.history.state, "", url.pathname + url.search);
  // The search form's own copy, so a changed filter keeps the selection too.
  var kept = document.querySelector(".search-form input[type=hidden][name=aanbod]");
  if (!kept && ids.length > 0) {
    var search = document.querySelector(".search-form");
    if (search) { kept = document.createElement("input"); kept.type = "hidden"; kept.name = "aanbod"; search.appendChild(kept); }
  }
  if (kept) kept.value = ids.join(",");
});

// The shortlist's "copy link" button: only shown where the browser can copy.
document.addEventListener("DOMContentLoaded", function () {
  var button = document.getElementById("copy-link");
  if (!button || !navigator.clipboard) return;
  button.hidden = false;
  button.addEventListener("click", function () {
    navigator.clipboard.writeText(button.dataset.link).then(function () {
      var status = document.getElementById("copy-status");
      if (status) status.textContent = button.dataset.done;
    });
  });
});

// The offer form shows the fields of the chosen product: a location, days and transport for day activities and
// short stays, municipalities for help at home, and only the chosen product's levels. Hidden fields are not sent.
(function () {
  "use strict";
  function apply() {
    var product = document.getElementById("Input_ProductId");
    if (!product) return;
    var option = product.options[product.selectedIndex];
    var delivery = option ? option.dataset.delivery : null, kind = option ? option.dataset.kind : null;
    function toggle(el, show) {
      el.hidden = !show;
      el.querySelectorAll("input, select, textarea").forEach(function (input) { input.disabled = !show; });
    }
    document.querySelectorAll("[data-for-delivery]").forEach(function (el) { toggle(el, !delivery || el.dataset.forDelivery === delivery); });
    document.querySelectorAll("[data-for-kind]").forEach(function (el) { toggle(el, !kind || el.dataset.forKind === kind); });
    var level = document.getElementById("Input_LevelId");
    if (level) {
      var any = false;
      level.querySelectorAll("optgroup[data-product]").forEach(function (group) {
        var mine = group.dataset.product === product.value;
        group.hidden = !mine; group.disabled = !mine; any = any || mine;
      });
      if (level.selectedOptions[0] && level.selectedOptions[0].parentElement.disabled) level.value = "";
      var field = level.closest(".utrecht-form-field") || level.parentElement;
      field.hidden = !any && !!product.value;
    }
  }
  document.addEventListener("change", function (e) { if (e.target && e.target.id === "Input_ProductId") apply(); });
  document.addEventListener("DOMContentLoaded", apply);
})();

// After htmx brought new results because the person asked for them (the search button, a page, a sort, removing a
// filter), focus and scroll go to "N aanbiedingen gevonden", not to wherever the old page was. A changed select keeps
// its focus, so keyboard users can go on choosing.
document.addEventListener("htmx:afterSwap", function (e) {
  var config = e.detail && e.detail.requestConfig;
  var trigger = config && config.triggeringEvent;
  var elt = config && config.elt;
  if (!trigger) return;
  var asked = trigger.type === "submit" || (trigger.type === "click" && elt && (elt.tagName === "A" || elt.tagName === "BUTTON"));
  if (!asked) return;
  var heading = document.getElementById("aantal");
  if (!heading) return;
  heading.setAttribute("tabindex", "-1");
  heading.focus({ preventScroll: true });
  heading.scrollIntoView({ block: "start" });
});
