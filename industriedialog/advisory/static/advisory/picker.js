// Type-to-filter for long <select data-picker> lists (initiatives, contacts, organisations).
// The select stays a native control (keyboard: arrow keys, Space / Ctrl for several
// entries); the text box above it only hides options that do not match. Selected options
// are never hidden, so a choice cannot vanish from view.
(function () {
  "use strict";
  function normalise(text) {
    return text.toLocaleLowerCase("de").normalize("NFD").replace(/[\u0300-\u036f]/g, "");
  }
  function enhance(select) {
    var label = document.querySelector('label[for="' + select.id + '"]');
    var name = label ? label.textContent.replace(/\(optional\)/, "").trim() : "";
    var box = document.createElement("input");
    box.type = "search";
    box.id = select.id + "_filter";
    box.className = "kern-form-input__input picker__filter";
    box.setAttribute("aria-label", name + ": Liste filtern");
    box.setAttribute("placeholder", "Liste filtern …");
    box.setAttribute("aria-controls", select.id);
    var status = document.createElement("p");
    status.className = "picker__status";
    status.id = select.id + "_status";
    status.setAttribute("aria-live", "polite");
    var anchor = select.closest(".kern-form-input__select-wrapper") || select;
    anchor.parentNode.insertBefore(box, anchor);
    anchor.insertAdjacentElement("afterend", status);
    function update() {
      var words = normalise(box.value).split(/\s+/).filter(Boolean);
      var shown = 0;
      Array.prototype.forEach.call(select.options, function (option) {
        var text = normalise(option.textContent);
        var match = option.selected || words.every(function (w) { return text.indexOf(w) !== -1; });
        option.hidden = !match;
        if (match && option.value) { shown += 1; }
      });
      var chosen = Array.prototype.filter.call(select.options, function (o) { return o.selected && o.value; });
      status.textContent = shown + " Einträge angezeigt" +
        (select.multiple ? ", " + chosen.length + " ausgewählt" + (chosen.length ? ": " + chosen.map(function (o) { return o.textContent; }).join("; ") : "") : "");
    }
    box.addEventListener("input", update);
    box.addEventListener("keydown", function (event) {
      if (event.key === "ArrowDown") { event.preventDefault(); select.focus(); }
      if (event.key === "Enter") { event.preventDefault(); }
    });
    select.addEventListener("change", update);
    update();
  }
  document.querySelectorAll("select[data-picker]").forEach(enhance);
})();
