// After « Envoyer ma réponse », the step comes back with its correction: bring the student to
// what it says (first a plain summary « 3 erreurs à corriger : … », each error a link to its
// field, then the score and « Ce qu'il faut revoir »; or the message of a refused answer), and
// give it the keyboard focus, instead of leaving them at the button far below.
(function () {
  "use strict";

  var MONTRES = 12;  // errors listed by name; the others are counted

  function visible(element) {
    return element.offsetParent !== null;
  }

  // The field a verdict is about: its box, the field to focus, and the name the student reads.
  function champDe(verdict) {
    var boite = verdict.closest(".champ, td, .rapprochement-ecriture, fieldset");
    if (!boite) return null;
    var champs = Array.prototype.filter.call(
      boite.querySelectorAll("input, select, textarea"),
      function (e) { return e.type !== "hidden" && visible(e); });
    var champ = champs[0] || null;
    var nom = "";
    if (boite.tagName === "FIELDSET") {
      var legende = boite.querySelector("legend");
      nom = legende ? legende.textContent : "";
    } else if (champ && champ.labels && champ.labels.length) {
      nom = champ.labels[0].textContent;
    } else if (champ && champ.getAttribute("aria-label")) {
      nom = champ.getAttribute("aria-label");
    } else if (boite.dataset.libelle) {
      nom = boite.dataset.libelle;  // a day of the planning: its coverage
    }
    var parent = boite.parentElement && boite.parentElement.closest("fieldset");
    var titre = parent && parent.querySelector("legend");
    if (titre && boite.tagName !== "FIELDSET") nom = titre.textContent.trim() + " — " + nom;
    // A field of a try already sent is disabled and takes no focus: its box takes it.
    var cible = champ && !champ.disabled ? champ : boite;
    return { cible: cible, nom: nom.replace(/\s+/g, " ").trim() };
  }

  function message(verdict) {
    var copie = verdict.cloneNode(true);
    copie.querySelectorAll(".verdict-icone").forEach(function (e) { e.remove(); });
    return copie.textContent.replace(/^\s*(Faux|Juste)\s*:/, "").replace(/\s+/g, " ").trim();
  }

  function resumer(etape) {
    var resume = etape.querySelector("[data-resume]");
    if (!resume) return;
    var fautes = Array.prototype.filter.call(etape.querySelectorAll("form .verdict--faux"), visible);
    var titre = document.createElement("p");
    titre.className = "bilan-resume-titre";
    var liste = document.createElement("ol");
    var revoir = etape.querySelectorAll(".diagnostics li");
    if (fautes.length === 0 && revoir.length) {
      // Nothing wrong in a field, yet something to review (a week missing hours…).
      titre.textContent = revoir.length === 1 ? "1 point à revoir :" : revoir.length + " points à revoir :";
      Array.prototype.slice.call(revoir, 0, MONTRES).forEach(function (d) {
        var item = document.createElement("li");
        item.textContent = d.textContent.trim();
        liste.appendChild(item);
      });
    } else if (fautes.length === 0) {
      titre.textContent = "Aucune erreur : tout ce que vous avez écrit est juste.";
    } else {
      titre.textContent = fautes.length === 1 ? "1 erreur à corriger :"
        : fautes.length + " erreurs à corriger :";
      fautes.slice(0, MONTRES).forEach(function (verdict, n) {
        var champ = champDe(verdict);
        var item = document.createElement("li");
        var lien = document.createElement("a");
        if (champ && !champ.cible.id) champ.cible.id = etape.id + "-erreur-" + n;
        lien.href = "#" + (champ ? champ.cible.id : "");
        lien.textContent = (champ && champ.nom) || "Voir l'erreur";
        lien.addEventListener("click", function (event) {
          event.preventDefault();
          var cible = champ ? champ.cible : verdict;
          cible.scrollIntoView({ block: "center" });
          if (!cible.matches("input, select, textarea, a, button")) cible.setAttribute("tabindex", "-1");
          cible.focus({ preventScroll: true });
        });
        item.appendChild(lien);
        item.appendChild(document.createTextNode(" : " + message(verdict)));
        liste.appendChild(item);
      });
      if (fautes.length > MONTRES) {
        var reste = document.createElement("li");
        reste.textContent = "et " + (fautes.length - MONTRES) + " autre(s), marquées ✘ plus bas.";
        liste.appendChild(reste);
      }
    }
    resume.replaceChildren(titre);
    if (liste.children.length) resume.appendChild(liste);
    resume.hidden = false;
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll(".etape").forEach(function (etape) {
      if (visible(etape)) resumer(etape);
    });
  });

  // One step open at a time: a link of the step list (or « Étape suivante ») shows its step in
  // place instead of loading the page, so what was typed in the others stays in them.
  function ouvrir(index) {
    var etape = document.getElementById("etape-" + index);
    if (!etape) return false;
    document.querySelectorAll(".etapes > li").forEach(function (item) {
      item.hidden = !item.contains(etape);
    });
    document.querySelectorAll(".etapes-liste a[data-etape]").forEach(function (lien) {
      if (lien.dataset.etape === String(index)) lien.setAttribute("aria-current", "step");
      else lien.removeAttribute("aria-current");
    });
    var url = new URL(window.location.href);
    url.searchParams.set("etape", index + 1);
    history.replaceState(history.state, "", url.pathname + url.search);
    resumer(etape);
    var titre = etape.querySelector("h2");
    titre.setAttribute("tabindex", "-1");
    titre.focus({ preventScroll: true });
    etape.scrollIntoView({ block: "start" });
    return true;
  }

  document.addEventListener("click", function (event) {
    var lien = event.target.closest ? event.target.closest("a[data-etape]") : null;
    if (!lien || event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey) return;
    if (ouvrir(Number(lien.dataset.etape))) event.preventDefault();
  });

  document.addEventListener("htmx:afterSettle", function (event) {
    // The step was swapped whole (outerHTML): find the new one by the id of the old.
    var ancien = event.detail.target;
    var etape = ancien && ancien.id ? document.getElementById(ancien.id) : null;
    if (!etape || !etape.classList.contains("etape")) {
      return;
    }
    resumer(etape);
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
})();
