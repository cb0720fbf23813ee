/* Widget builder: a copy button for the snippet (without JavaScript the code is selectable). */
(function () {
  "use strict";
  document.querySelectorAll("[data-copy-target]").forEach(function (button) {
    var source = document.getElementById(button.dataset.copyTarget);
    var status = document.getElementById(button.dataset.copyStatus);
    if (!source || !status) return;
    button.hidden = false;
    button.addEventListener("click", function () {
      var selectInstead = function () {
        source.focus();
        source.select();
        status.textContent = button.dataset.selectHint;
      };
      if (!navigator.clipboard) return selectInstead();
      navigator.clipboard.writeText(source.value).then(function () {
        status.textContent = button.dataset.copied;
      }, selectInstead);
    });
  });
})();
