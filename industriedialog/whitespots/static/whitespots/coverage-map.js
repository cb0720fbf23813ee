/* Choropleth of the districts: colour by coverage or by an indicator class. A click on a
   district (or on its button in the list beside the map, the accessible alternative) loads
   the district card. No tile server needed. */
(function () {
  "use strict";
  var COVERAGE = { regional: "#12296a", state_only: "#7f9bd6", none: "#f2c14e" };
  var CLASSES = ["#eff3ff", "#bdd7e7", "#6baed6", "#3182bd", "#08519c"];
  function init() {
    var el = document.getElementById("ws-map");
    var data = document.getElementById("ws-values");
    if (!el || !data || !window.L) { return; }
    var values = JSON.parse(data.textContent);
    var byIndicator = el.dataset.mode === "indicator";
    var map = L.map(el, { scrollWheelZoom: false, zoomSnap: 0.25 }).setView([51.2, 10.4], 5.75);
    if (el.dataset.tileUrl) {
      L.tileLayer(el.dataset.tileUrl, { attribution: el.dataset.tileAttribution, maxZoom: 12 }).addTo(map);
    }
    var layers = {};
    var selected = null;
    function fill(ags) {
      var v = values[ags] || {};
      if (byIndicator) { return v.k === null || v.k === undefined ? "#ffffff" : CLASSES[v.k]; }
      return COVERAGE[v.c] || "#ffffff";
    }
    function style(feature) {
      var ags = feature.properties.ags;
      return { color: "#3d4357", weight: ags === selected ? 3 : 0.6, fillColor: fill(ags), fillOpacity: 0.9 };
    }
    function showCard(ags) {
      var button = document.querySelector('[data-ags="' + ags + '"]');
      if (button) { button.click(); }
    }
    function highlight(ags) {
      var before = selected;
      selected = ags;
      [before, ags].forEach(function (a) { if (a && layers[a]) { layers[a].setStyle(style(layers[a].feature)); } });
      if (layers[ags]) { layers[ags].bringToFront(); }
    }
    fetch(el.dataset.shapesUrl).then(function (r) { return r.ok ? r.json() : null; }).then(function (geo) {
      if (!geo) { return; }
      var shapes = L.geoJSON(geo, {
        style: style,
        onEachFeature: function (feature, layer) {
          var ags = feature.properties.ags;
          layers[ags] = layer;
          var v = values[ags] || {};
          layer.bindTooltip(feature.properties.name + (byIndicator && v.v ? ": " + v.v : ""), { sticky: true });
          layer.on("click", function () { showCard(ags); });
        }
      }).addTo(map);
      map.fitBounds(shapes.getBounds(), { padding: [10, 10] });
      // 400 shapes as tab stops would bury the page; the list beside the map is the
      // keyboard route to every district.
      shapes.eachLayer(function (layer) {
        var path = layer.getElement && layer.getElement();
        if (path) { path.setAttribute("tabindex", "-1"); }
      });
      map.attributionControl.addAttribution("© GeoBasis-DE / BKG (2016)");
      el.dataset.ready = "1";
    });
    document.body.addEventListener("htmx:afterSwap", function (event) {
      var card = event.detail.target.querySelector("[data-card-ags]");
      if (card) {
        highlight(card.dataset.cardAgs);
        var heading = card.querySelector("#card-heading");
        if (heading) { heading.focus(); }
      }
    });
  }
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", init); } else { init(); }
})();
