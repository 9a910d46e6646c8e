// The planning as a grid (templates/exercise/planning/form.html): one text field per cell
// (« 9h-12h30, 13h30-17h ») fills the posted start and end fields of the cell's periods, the
// totals per employee and per day and the coverage bar follow what is typed, the arrow keys move
// from cell to cell, and on a phone one employee is shown at a time. Without this script the
// grid's start and end fields are posted as they are.
(function () {
  "use strict";

  var HEURE = /^(\d{1,2})\s*(?:[h:.]\s*(\d{2})?)?$/i;

  // « 9h », « 9h30 », « 09:30 », « 9 » as minutes after midnight; null when unreadable.
  function minutes(texte) {
    var m = HEURE.exec(texte.trim());
    if (!m) return null;
    var h = parseInt(m[1], 10), mn = m[2] ? parseInt(m[2], 10) : 0;
    if (h > 24 || mn > 59 || (h === 24 && mn > 0)) return null;
    return h * 60 + mn;
  }

  function hhmm(total) {
    var h = Math.floor(total / 60), m = total % 60;
    return (h < 10 ? "0" : "") + h + ":" + (m < 10 ? "0" : "") + m;
  }

  function duree(total) {
    var h = Math.floor(total / 60), m = total % 60;
    return h + " h" + (m ? " " + (m < 10 ? "0" : "") + m : "");
  }

  function court(total) {
    var h = Math.floor(total / 60), m = total % 60;
    return h + "h" + (m ? (m < 10 ? "0" : "") + m : "");
  }

  // A cell's text read as ranges [{debut, fin, texte}], or {erreur} with a plain message.
  function lire(texte, places) {
    var morceaux = texte.split(/[,;\/]|\s+et\s+/).map(function (s) { return s.trim(); })
      .filter(function (s) { return s !== ""; });
    var plages = [];
    for (var i = 0; i < morceaux.length; i++) {
      var bornes = morceaux[i].split(/\s*[-–—]\s*|\s+à\s+|\s+a\s+/);
      if (bornes.length !== 2) {
        return { erreur: "« " + morceaux[i] + " » : écrivez le début et la fin, par exemple 9h-12h30." };
      }
      var debut = minutes(bornes[0]), fin = minutes(bornes[1]);
      if (debut === null || fin === null) {
        return { erreur: "« " + morceaux[i] + " » : une heure n'est pas lisible (exemple : 13h30)." };
      }
      if (fin <= debut) {
        return { erreur: "« " + morceaux[i] + " » : la fin doit venir après le début." };
      }
      plages.push({ debut: debut, fin: fin, texte: morceaux[i] });
    }
    if (plages.length > places) {
      return { erreur: places + " plages au plus dans une case." };
    }
    return { plages: plages };
  }

  function initialiser(planning) {
    if (planning.dataset.pret) return;
    planning.dataset.pret = "1";
    var places = parseInt(planning.dataset.periodes, 10) || 2;
    var lignes = Array.prototype.slice.call(planning.querySelectorAll(".planning-ligne"));
    var jours = Array.prototype.slice.call(planning.querySelectorAll("thead .planning-jour"));
    var pieds = Array.prototype.slice.call(planning.querySelectorAll(".planning-couverture"));
    var telephone = window.matchMedia("(max-width: 44rem)");
    var actif = 0;

    planning.classList.add("planning--js");
    planning.querySelector(".planning-navigation").hidden = false;

    // The cell's text field writes its ranges into the posted fields of its periods.
    function ecrire(cellule) {
      var saisie = cellule.querySelector(".planning-saisie");
      var message = cellule.querySelector(".champ-erreur");
      var champs = cellule.querySelectorAll(".planning-periode input");
      var lu = lire(saisie.value, places);
      for (var k = 0; k < champs.length; k++) champs[k].value = "";
      if (lu.erreur) {
        // Kept as typed: the server refuses it with its message, no try is spent.
        champs[0].value = saisie.value.trim();
        message.textContent = lu.erreur;
        saisie.setAttribute("aria-invalid", "true");
        cellule.plages = [];
        return;
      }
      lu.plages.forEach(function (p, k) {
        champs[2 * k].value = hhmm(p.debut);
        champs[2 * k + 1].value = hhmm(p.fin);
      });
      message.textContent = "";
      saisie.removeAttribute("aria-invalid");
      cellule.plages = lu.plages;
    }

    function totaux() {
      lignes.forEach(function (ligne) {
        var total = 0;
        ligne.querySelectorAll(".planning-cellule").forEach(function (c) {
          (c.plages || []).forEach(function (p) { total += p.fin - p.debut; });
        });
        var contrat = Math.round(parseFloat(ligne.dataset.contrat.replace(",", ".")) * 60);
        var sortie = ligne.querySelector("[data-total-salarie]");
        var ecart = total - contrat;
        sortie.textContent = duree(total) + " / " + duree(contrat) +
          (ecart === 0 ? " ✔" : ecart < 0 ? " (manque " + duree(-ecart) + ")" : " (" + duree(ecart) + " de trop)");
        sortie.className = "planning-total " + (ecart === 0 ? "planning-total--juste" : "planning-total--ecart");
      });
      pieds.forEach(function (pied, j) {
        var jour = jours[j];
        var ouverture = minutes(jour.dataset.ouverture), fermeture = minutes(jour.dataset.fermeture);
        var besoins = JSON.parse(pied.dataset.besoins || "[]");
        var presents = [], total = 0;
        lignes.forEach(function (ligne) {
          var c = ligne.querySelectorAll(".planning-cellule")[j];
          (c.plages || []).forEach(function (p) { presents.push(p); total += p.fin - p.debut; });
        });
        // Quarter-hours of the opening: how many are there against how many are needed.
        var barre = pied.querySelector(".planning-barre");
        var manques = [], segments = [];
        for (var t = ouverture; t < fermeture; t += 15) {
          var la = presents.filter(function (p) { return p.debut <= t && t < p.fin; }).length;
          var besoin = 0;
          besoins.forEach(function (b) {
            if (minutes(b.debut) <= t && t < minutes(b.fin)) besoin = Math.max(besoin, b.effectif);
          });
          var etat = la >= besoin ? (la > 0 ? "ok" : "vide") : "manque";
          segments.push(etat);
          if (etat === "manque") {
            var dernier = manques[manques.length - 1];
            if (dernier && dernier.fin === t && dernier.il_manque === besoin - la) dernier.fin = t + 15;
            else manques.push({ debut: t, fin: t + 15, il_manque: besoin - la });
          }
        }
        barre.textContent = "";
        segments.forEach(function (etat) {
          var s = document.createElement("span");
          s.className = "planning-segment planning-segment--" + etat;
          barre.appendChild(s);
        });
        pied.querySelector("[data-total-jour]").textContent = duree(total) + " travaillées";
        var manque = pied.querySelector("[data-manque]");
        manque.textContent = manques.length === 0 ? "Besoins couverts ✔" : "Il manque : " +
          manques.map(function (m) {
            return court(m.debut) + "-" + court(m.fin) + " (" + m.il_manque + " pers.)";
          }).join(", ");
        manque.className = "planning-manque " + (manques.length ? "planning-manque--oui" : "planning-manque--non");
      });
    }

    // On a phone, one employee at a time.
    function montrer(i) {
      actif = Math.max(0, Math.min(lignes.length - 1, i));
      lignes.forEach(function (ligne, k) { ligne.classList.toggle("planning-ligne--actif", k === actif); });
      var nom = lignes[actif].querySelector(".planning-salarie").firstChild.textContent.trim();
      planning.querySelector("[data-position]").textContent =
        nom + " (" + (actif + 1) + " sur " + lignes.length + ")";
      planning.querySelector("[data-precedent]").disabled = actif === 0;
      planning.querySelector("[data-suivant]").disabled = actif === lignes.length - 1;
    }

    function saisie(i, j) {
      return lignes[i].querySelectorAll(".planning-saisie")[j];
    }

    function aller(i, j) {
      if (i < 0 || i >= lignes.length || j < 0 || j >= jours.length) return false;
      if (i !== actif) montrer(i);
      var cible = saisie(i, j);
      cible.focus();
      cible.select();
      return true;
    }

    planning.querySelectorAll(".planning-cellule").forEach(function (cellule) {
      var champ = cellule.querySelector(".planning-saisie");
      champ.hidden = false;
      ecrire(cellule);
      champ.addEventListener("input", function () { ecrire(cellule); totaux(); });
    });

    planning.addEventListener("keydown", function (event) {
      var champ = event.target;
      if (!champ.classList || !champ.classList.contains("planning-saisie")) return;
      var td = champ.closest("td"), tr = td.closest("tr");
      var i = lignes.indexOf(tr);
      var j = Array.prototype.indexOf.call(tr.querySelectorAll(".planning-cellule"), td);
      // Left and right move the caret in the text, and leave the cell from its ends (a cell
      // just reached has its whole text selected: either way moves on).
      var debut = champ.selectionStart === 0;
      var fin = champ.selectionEnd === champ.value.length;
      var parJour = telephone.matches;  // a phone shows the days of one employee one under the other
      var suivant = function () { return j + 1 < jours.length ? aller(i, j + 1) : aller(i + 1, 0); };
      var precedent = function () { return j > 0 ? aller(i, j - 1) : aller(i - 1, jours.length - 1); };
      var bouge = false;
      switch (event.key) {
        case "ArrowDown": bouge = parJour ? suivant() : aller(i + 1, j); break;
        case "ArrowUp": bouge = parJour ? precedent() : aller(i - 1, j); break;
        case "ArrowRight": bouge = fin && (parJour ? aller(i + 1, j) : aller(i, j + 1)); break;
        case "ArrowLeft": bouge = debut && (parJour ? aller(i - 1, j) : aller(i, j - 1)); break;
        case "Enter": suivant(); bouge = true; break;  // Enter moves on: it never sends the week
      }
      if (bouge) event.preventDefault();
    });

    planning.querySelector("[data-precedent]").addEventListener("click", function () { montrer(actif - 1); });
    planning.querySelector("[data-suivant]").addEventListener("click", function () { montrer(actif + 1); });
    montrer(0);
    totaux();
  }

  function chercher(racine) {
    var liste = racine.querySelectorAll ? racine.querySelectorAll("[data-planning]") : [];
    Array.prototype.forEach.call(liste, initialiser);
    if (racine.matches && racine.matches("[data-planning]")) initialiser(racine);
  }

  if (window.htmx) {
    window.htmx.onLoad(chercher);  // the page, then every step htmx swaps in
  } else {
    document.addEventListener("DOMContentLoaded", function () { chercher(document); });
  }
})();
