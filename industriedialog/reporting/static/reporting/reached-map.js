/* Districts coloured by the number of reached initiatives (the table and list beside the
   map carry the same figures for keyboard and screen-reader users). No tile server needed. */
(function () {
  "use strict";
  var COLOURS = ["#ffffff", "#bdd7e7", "#6baed6", "#08519c"];
  function klass(n) { return !n ? 0 : n === 1 ? 1 : n <= 3 ? 2 : 3; }
  function init() {
    var el = document.getElementById("reached-map");
    var data = document.getElementById("reached-values");
    if (!el || !data || !window.L) { return; }
    var values = JSON.parse(data.textContent);
    var map = L.map(el, { scrollWheelZoom: false, zoomSnap: 0.25, keyboard: false }).setView([51.2, 10.4], 5.75);
    fetch(el.dataset.shapesUrl).then(function (r) { return r.ok ? r.json() : null; }).then(function (geo) {
      if (!geo) { return; }
      var shapes = L.geoJSON(geo, {
        style: function (feature) {
          return { color: "#3d4357", weight: 0.6, fillColor: COLOURS[klass(values[feature.properties.ags])], fillOpacity: 0.9 };
        },
        onEachFeature: function (feature, layer) {
          var n = values[feature.properties.ags] || 0;
          layer.bindTooltip(feature.properties.name + ": " + n, { sticky: true });
        }
      }).addTo(map);
      map.fitBounds(shapes.getBounds(), { padding: [10, 10] });
      shapes.eachLayer(function (layer) {
        var path = layer.getElement && layer.getElement();
        if (path) { path.setAttribute("tabindex", "-1"); }
      });
      map.attributionControl.addAttribution("© GeoBasis-DE / BKG (2016)");
      el.dataset.ready = "1";
    });
  }
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", init); } else { init(); }
})();
