/* Charts of the results page (Chart.js, served by the app). Each canvas[data-chart] names
   its data in the #chart-data JSON; the tables next to the charts carry the same numbers. */
(function () {
  "use strict";
  var palette = ["#1a3a8f", "#2f7ebc", "#5aa9a0", "#e0a526", "#d0642b", "#a12b4a", "#6b5ca5", "#4d7d2a"];
  var grades = ["#1e7a3c", "#5c9e31", "#b7b523", "#e0a526", "#d0642b", "#a12b4a"];

  function barConfig(chart) {
    var isGrade = chart.type === "grade";
    return {
      type: "bar",
      data: {
        labels: chart.labels,
        datasets: [{
          label: "Anzahl",
          data: chart.counts,
          backgroundColor: isGrade ? grades : palette[0]
        }]
      },
      options: {
        indexAxis: isGrade ? "x" : "y",
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        plugins: { legend: { display: false } },
        scales: { x: { beginAtZero: true, ticks: { precision: 0 } }, y: { beginAtZero: true, ticks: { precision: 0 } } }
      }
    };
  }

  function stackedConfig(chart) {
    return {
      type: "bar",
      data: {
        labels: chart.labels,
        datasets: chart.series.map(function (s, i) {
          return { label: s.label, data: s.counts, backgroundColor: palette[i % palette.length] };
        })
      },
      options: {
        indexAxis: "y",
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        scales: { x: { stacked: true, beginAtZero: true, ticks: { precision: 0 } }, y: { stacked: true } }
      }
    };
  }

  function sizeBoxes() {
    // One bar per row plus room for axes and legend. Set through the CSSOM: the
    // Content-Security-Policy blocks style="" attributes in the markup, not this.
    document.querySelectorAll(".chart-box[data-rows]").forEach(function (box) {
      var rows = parseInt(box.dataset.rows, 10);
      if (rows >= 0) { box.style.height = (rows + 4) + "rem"; }
    });
  }

  function draw() {
    sizeBoxes();
    if (!window.Chart) { return; }
    var dataNode = document.getElementById("chart-data");
    var charts = dataNode ? JSON.parse(dataNode.textContent) : {};
    var crossNode = document.getElementById("crosstab-data");
    if (crossNode) { charts.crosstab = JSON.parse(crossNode.textContent); }
    document.querySelectorAll("canvas[data-chart]").forEach(function (canvas) {
      var chart = charts[canvas.dataset.chart];
      if (!chart) { return; }
      var config = chart.type === "stacked" ? stackedConfig(chart) : barConfig(chart);
      new window.Chart(canvas, config);
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", draw);
  } else {
    draw();
  }
})();
