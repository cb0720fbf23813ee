/* Map of the embedded widget: one circle per initiative at its district's centre.
   No tile server unless one is configured; the states' outline (if shipped) gives orientation.
   The list below the map carries the same entries for keyboard and screen-reader users. */
(function () {
  "use strict";
  var element = document.getElementById("widget-map");
  var data = document.getElementById("widget-points");
  if (!element || !data || typeof L === "undefined") return;
  var points = JSON.parse(data.textContent);
  var germany = L.latLngBounds([47.2, 5.8], [55.1, 15.1]);
  var map = L.map(element, { zoomSnap: 0.25, attributionControl: true });
  map.attributionControl.setPrefix(false);
  map.fitBounds(germany);

  if (element.dataset.tileUrl) {
    L.tileLayer(element.dataset.tileUrl, { attribution: element.dataset.tileAttribution }).addTo(map);
  }
  if (element.dataset.statesUrl) {
    fetch(element.dataset.statesUrl)
      .then(function (response) { return response.json(); })
      .then(function (geojson) {
        var outline = L.geoJSON(geojson, {
          interactive: false,
          style: { color: "#5b6275", weight: 1, fillColor: "#ffffff", fillOpacity: 1 }
        }).addTo(map);
        outline.bringToBack();
        if (geojson.attribution) map.attributionControl.addAttribution(geojson.attribution);
        var focus = (element.dataset.focusStates || "").split(" ").filter(Boolean);
        var chosen = outline.getLayers().filter(function (layer) {
          return focus.indexOf(layer.feature.properties.code) !== -1;
        });
        if (chosen.length) map.fitBounds(L.featureGroup(chosen).getBounds());
      })
      .catch(function () { /* the markers and the list still work without the outline */ });
  }

  var markers = points.map(function (point) {
    var link = document.createElement("a");
    link.href = point.url;
    link.target = "_blank";
    link.rel = "noopener";
    link.textContent = point.name + " " + element.dataset.openLabel;
    var popup = document.createElement("div");
    popup.className = "widget-marker-popup";
    popup.appendChild(link);
    popup.appendChild(document.createElement("br"));
    popup.appendChild(document.createTextNode(point.level + ", " + point.status));
    return L.circleMarker([point.lat, point.lon], {
      radius: 7, color: "#ffffff", weight: 2, fillColor: "#0b5ea8", fillOpacity: 0.9
    }).bindPopup(popup).bindTooltip(point.name);
  });
  if (markers.length) {
    var group = L.featureGroup(markers).addTo(map);
    if (markers.length > 1) map.fitBounds(group.getBounds().pad(0.3), { maxZoom: 8 });
    else map.setView(markers[0].getLatLng(), 8);
  }
})();
