// Bar charts of the feedback ratings (Chart.js); the tables next to them carry the same numbers.
document.querySelectorAll("canvas.feedback-chart").forEach(function (canvas) {
  var values = canvas.dataset.values.split(",").map(Number);
  new window.Chart(canvas, {
    type: "bar",
    data: {
      labels: ["1", "2", "3", "4", "5"],
      datasets: [{ label: canvas.dataset.label, data: values, backgroundColor: "#1a3a8f" }],
    },
    options: {
      animation: false,
      plugins: { legend: { display: false } },
      scales: { y: { beginAtZero: true, ticks: { precision: 0 } } },
    },
  });
});
