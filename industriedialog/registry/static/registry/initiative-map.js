/* Map of initiatives: one circle per initiative, no tile server needed (tiles are optional
   configuration). The list beside the map is the accessible alternative. */
(function () {
  "use strict";
  function init() {
    var el = document.getElementById("initiative-map");
    var data = document.getElementById("map-points");
    if (!el || !data || !window.L) { return; }
    var points = JSON.parse(data.textContent);
    var map = L.map(el, { scrollWheelZoom: false, zoomSnap: 0.25 }).setView([51.2, 10.4], 5.75);
    if (el.dataset.tileUrl) {
      L.tileLayer(el.dataset.tileUrl, { attribution: el.dataset.tileAttribution, maxZoom: 12 }).addTo(map);
    }
    if (el.dataset.statesUrl) {
      fetch(el.dataset.statesUrl).then(function (r) { return r.ok ? r.json() : null; }).then(function (geo) {
        if (!geo) { return; }
        L.geoJSON(geo, { interactive: false, style: { color: "#6b7088", weight: 1, fillColor: "#eef1f7", fillOpacity: 1 } })
          .addTo(map).bringToBack();
        map.attributionControl.addAttribution("© GeoBasis-DE / BKG (2016)");
      });
    }
    var bounds = [];
    points.forEach(function (p) {
      var isState = p.level === "state";
      var marker = L.circleMarker([p.lat, p.lon], {
        radius: isState ? 10 : 6, weight: 2, color: "#12296a",
        fillColor: isState ? "#ffffff" : "#1a3a8f", fillOpacity: isState ? 0.7 : 0.9
      });
      var box = document.createElement("div");
      var link = document.createElement("a");
      link.href = p.url; link.textContent = p.name; link.className = "kern-link";
      var meta = document.createElement("div");
      meta.textContent = p.level_label + " · " + p.status_label + " · " + p.states;
      box.appendChild(link); box.appendChild(meta);
      marker.bindPopup(box).addTo(map);
      bounds.push([p.lat, p.lon]);
    });
    if (bounds.length > 1) { map.fitBounds(bounds, { padding: [30, 30], maxZoom: 9 }); }
  }
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", init); } else { init(); }
})();
