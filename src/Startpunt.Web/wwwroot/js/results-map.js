// The results map (/zoeken): one pin per location, coloured by its best stoplight and marked with a symbol, so colour is
// never the only cue. The pins come with the page (data-pins), from the same search as the list. Without this script,
// or when the tiles do not load, the message says so and the list has everything.
(function () {
  "use strict";

  var symbols = { green: "✓", orange: "!", red: "✕", unknown: "?" };
  var narrow = window.matchMedia("(max-width: 74.99rem)");

  function element(tag, className, text) {
    var el = document.createElement(tag);
    if (className) el.className = className;
    if (text) el.textContent = text;
    return el;
  }

  // The popup: where, and each offer with a link and its stoplight in words. Built from text nodes, never from HTML.
  function popup(pin) {
    var box = element("div", "map-popup");
    box.appendChild(element("strong", "map-popup__name", pin.name));
    box.appendChild(element("span", "map-popup__address", pin.address));
    var list = element("ul", "map-popup__offers");
    pin.offers.forEach(function (offer) {
      var item = element("li", "map-popup__offer map-popup__offer--" + offer.colour);
      var link = element("a", "utrecht-link", offer.title);
      link.href = offer.url;
      item.appendChild(link);
      item.appendChild(element("span", "map-popup__stoplight", offer.stoplight));
      list.appendChild(item);
    });
    box.appendChild(list);
    return box;
  }

  function text(value) {
    var span = document.createElement("span");
    span.textContent = value || "";
    return span.innerHTML;
  }

  function init() {
    var section = document.getElementById("kaartblok");
    if (!section || !window.L || section.dataset.ready) return;
    section.dataset.ready = "1";
    var canvas = document.getElementById("resultatenkaart");
    var message = document.getElementById("kaart-melding");
    var body = document.getElementById("kaart-inhoud");
    var toggle = section.querySelector(".results-map__toggle");
    var pins = JSON.parse(section.dataset.pins || "[]");

    message.hidden = true;
    var map = window.L.map(canvas, { scrollWheelZoom: false });
    var tiles = window.L.tileLayer(section.dataset.tiles, { maxZoom: 19, attribution: text(section.dataset.attribution) });
    tiles.on("tileerror", function () { message.hidden = false; });
    tiles.on("tileload", function () { message.hidden = true; });
    tiles.addTo(map);

    // The view first, then the pins: Leaflet adds layers to a map without a view only once it has one.
    var bounds = pins.map(function (pin) { return [pin.lat, pin.lon]; });
    if (bounds.length > 0) map.fitBounds(bounds, { padding: [24, 24], maxZoom: 15 });
    else map.setView([52.3, 5.3], 7);
    // Pins that would touch at this zoom share one pin with their number on it (30 px pins at least 34 px apart, so
    // every pin is a target of its own). Grouped again after every zoom; a group opens one popup with every place.
    var layer = window.L.layerGroup().addTo(map);
    var spacing = 34;

    function marker(group) {
      var first = group[0];
      var many = group.length > 1;
      var icon = window.L.divIcon({
        className: "map-pin " + (many ? "map-pin--group" : "map-pin--" + first.colour),
        html: "<span aria-hidden=\"true\">" + (many ? String(group.length) : symbols[first.colour]) + "</span>",
        iconSize: [30, 30], iconAnchor: [15, 15], popupAnchor: [0, -15]
      });
      var label = many
        ? section.dataset.groupLabel.replace("{0}", String(group.length)) + " " + group.map(function (pin) { return pin.label; }).join("; ")
        : first.label;
      var pinMarker = window.L.marker([first.lat, first.lon], { icon: icon, title: label, keyboard: true, riseOnHover: true });
      pinMarker.on("add", function () {
        var el = pinMarker.getElement();
        if (!el) return;
        el.setAttribute("aria-label", label);
        el.setAttribute("data-count", String(group.length));
      });
      var box = element("div", "map-popup-group");
      group.forEach(function (pin) { box.appendChild(popup(pin)); });
      pinMarker.bindPopup(box, { maxHeight: 320 });
      return pinMarker;
    }

    function place() {
      layer.clearLayers();
      var points = pins.map(function (pin) { return map.latLngToLayerPoint([pin.lat, pin.lon]); });
      var taken = pins.map(function () { return false; });
      pins.forEach(function (pin, i) {
        if (taken[i]) return;
        var group = [];
        pins.forEach(function (other, j) {
          if (!taken[j] && points[i].distanceTo(points[j]) < spacing) { taken[j] = true; group.push(other); }
        });
        layer.addLayer(marker(group));
      });
    }
    map.on("zoomend", place);
    place();

    // Phones and narrow windows: the list first, the map behind a button. Wide screens: both, side by side.
    function show(open) {
      body.hidden = !open;
      toggle.setAttribute("aria-expanded", open ? "true" : "false");
      toggle.textContent = open ? section.dataset.hide : section.dataset.show;
      if (open) map.invalidateSize();
    }
    function layout() {
      toggle.hidden = !narrow.matches;
      show(!narrow.matches);
    }
    toggle.addEventListener("click", function () { show(body.hidden); });
    if (narrow.addEventListener) narrow.addEventListener("change", layout);
    layout();
  }

  document.addEventListener("DOMContentLoaded", init);
  // htmx replaced the search block (a new search, page or sort): a new map for the new results.
  document.addEventListener("htmx:afterSettle", init);
})();
