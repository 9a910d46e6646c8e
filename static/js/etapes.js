// After « Envoyer ma réponse », the step comes back with its correction: bring the student to
// what it says (the score and « Ce qu'il faut revoir », or the message of a refused answer),
// and give it the keyboard focus, instead of leaving them at the button far below.
document.addEventListener("htmx:afterSettle", function (event) {
  // The step was swapped whole (outerHTML): find the new one by the id of the old.
  var ancien = event.detail.target;
  var etape = ancien && ancien.id ? document.getElementById(ancien.id) : null;
  if (!etape || !etape.classList.contains("etape")) {
    return;
  }
  // A refused answer's message first, else the correction, else the saved message.
  var bilan = null;
  [".message[role=alert]", ".bilan", ".message[role=status]"].some(function (selecteur) {
    bilan = etape.querySelector(selecteur);
    return bilan !== null;
  });
  if (!bilan) {
    return;
  }
  bilan.setAttribute("tabindex", "-1");
  bilan.focus({ preventScroll: true });
  bilan.scrollIntoView({ block: "start" });
});
