/* Choropleth maps of region questions (Leaflet, served by the app; shapes from the regions
   app's GeoJSON, no tile server). The table next to each map holds the same numbers and is
   the keyboard route: the shapes are no tab stops. */
(function () {
  "use strict";
  function draw(el) {
    var data = document.getElementById(el.dataset.values);
    if (!data || !window.L) { return; }
    var spec = JSON.parse(data.textContent);
    var map = L.map(el, { scrollWheelZoom: false, zoomSnap: 0.25, attributionControl: true }).setView([51.2, 10.4], 5.5);
    fetch(spec.shapes_url).then(function (r) { return r.ok ? r.json() : null; }).then(function (geo) {
      if (!geo) { return; }
      var shapes = L.geoJSON(geo, {
        style: function (feature) {
          var v = spec.values[feature.properties[spec.property]];
          return { color: "#3d4357", weight: 0.6, fillColor: v ? spec.legend[v.k].colour : "#ffffff", fillOpacity: 0.9 };
        },
        onEachFeature: function (feature, layer) {
          var v = spec.values[feature.properties[spec.property]];
          layer.bindTooltip(feature.properties.name + ": " + (v ? v.n + " (" + String(v.s).replace(".", ",") + " %)" : "0"), { sticky: true });
        }
      }).addTo(map);
      map.fitBounds(shapes.getBounds(), { padding: [6, 6] });
      shapes.eachLayer(function (layer) {
        var path = layer.getElement && layer.getElement();
        if (path) { path.setAttribute("tabindex", "-1"); }
      });
      map.attributionControl.addAttribution("© GeoBasis-DE / BKG (2016)");
      el.dataset.ready = "1";
    });
  }
  function init() { document.querySelectorAll("[data-region-map]").forEach(draw); }
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", init); } else { init(); }
})();
