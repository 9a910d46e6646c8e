// Rubric grading: the total follows the points typed per criterion (the server checks them).
(function () {
  "use strict";
  function parse(text) {
    var value = parseFloat(String(text).replace(",", ".").trim());
    return isNaN(value) ? null : value;
  }
  function update() {
    var total = 0, complete = true;
    document.querySelectorAll(".critere-points").forEach(function (input) {
      var value = parse(input.value);
      if (value === null) { complete = false; } else { total += value; }
    });
    var out = document.getElementById("grille-total");
    if (out) { out.textContent = complete ? String(total).replace(".", ",") : "—"; }
  }
  document.addEventListener("input", function (event) {
    if (event.target.classList && event.target.classList.contains("critere-points")) { update(); }
  });
  document.addEventListener("DOMContentLoaded", update);
})();

// Comment bank: a kept comment's button adds its text to the criterion's comment box.
document.addEventListener("click", function (event) {
  "use strict";
  var button = event.target.closest && event.target.closest(".banque-choix");
  if (!button) { return; }
  var box = document.getElementById(button.dataset.cible);
  if (!box) { return; }
  var texte = button.dataset.texte;
  box.value = box.value.trim() ? box.value.replace(/\s+$/, "") + " " + texte : texte;
  box.focus();
});
