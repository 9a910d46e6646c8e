// Bank reconciliation by ticking (templates/exercise/rapprochement/form.html): the ledger and the
// statement side by side, a line of each ticked to match them. The matching is written into the
// same selects the form has without this script (pointage.i.1 for ledger line pointage.i.0),
// and the lines left unmatched are listed in the two columns of the état de rapprochement.
// What the statement says again (its documents, « Travail à faire ») is folded there.
(function () {
  "use strict";

  // What the statement and the form both give, folded in the statement into a <details>: the
  // documents (« Document 1 — Compte 512… »: the tables to tick hold their lines) and the
  // « Travail à faire » (the form's numbered parts say it again). On a phone they doubled the
  // page's length; unfolded, the documents still give the opening balances and the vouchers.
  var REPLIES = [
    [/^Document \d/, "ses lignes sont à pointer plus bas"],
    [/^Travail à faire/, "les mêmes parties, numérotées, dans le formulaire plus bas"],
  ];

  function replier(titre, note) {
    var niveau = Number(titre.tagName.slice(1));
    var details = document.createElement("details");
    details.className = "document-replie";
    var resume = document.createElement("summary");
    var precision = document.createElement("span");
    precision.className = "document-replie-note";
    precision.textContent = note;
    titre.before(details);
    resume.append(titre, precision);
    details.append(resume);
    // The heading's section: what follows it up to the next heading of its level or above.
    var suivant = details.nextElementSibling;
    while (suivant && !(/^H[1-6]$/.test(suivant.tagName) && Number(suivant.tagName.slice(1)) <= niveau)) {
      var apres = suivant.nextElementSibling;
      details.append(suivant);
      suivant = apres;
    }
  }

  function replierEnonce(bloc) {
    var etape = bloc.closest(".etape");
    var enonce = etape && etape.querySelector(".enonce");
    if (!enonce) return;
    enonce.querySelectorAll("h2, h3, h4, h5").forEach(function (titre) {
      REPLIES.forEach(function (regle) {
        if (regle[0].test(titre.textContent)) replier(titre, regle[1]);
      });
    });
  }

  function initialiser(bloc) {
    if (bloc.dataset.pret) return;
    bloc.dataset.pret = "1";
    var racine = bloc.parentNode;
    var listes = racine.querySelector("[data-pointage-listes]");
    var selects = {};  // ledger line id -> its select (the statement line it is matched with)
    listes.querySelectorAll('select[name^="pointage."]').forEach(function (select) {
      var cache = racine.querySelector('[name="' + select.name.slice(0, -2) + '.0"]');
      if (cache) selects[cache.value] = select;
    });
    var attente = { "512": null, releve: null };
    var etat = bloc.querySelector("[data-etat]");

    function paires() {
      var p = {};  // both ways: C3 -> B4 and B4 -> C3
      Object.keys(selects).forEach(function (id) {
        var b = selects[id].value;
        if (b) { p[id] = b; p[b] = id; }
      });
      return p;
    }

    function ligne(cote, id) {
      return bloc.querySelector('.pointage-table[data-cote="' + cote + '"] tr[data-ligne="' + id + '"]');
    }

    function resume(tr) {
      var cases = tr.querySelectorAll("td");
      var montant = cases[3].textContent.trim() ? cases[3].textContent.trim() + " € au débit"
        : cases[4].textContent.trim() + " € au crédit";
      return tr.dataset.ligne + " (" + cases[1].textContent.trim() + ", " +
        cases[2].firstChild.textContent.trim() + ", " + montant + ")";
    }

    function afficher() {
      var p = paires();
      var restes = { "512": [], releve: [] };
      bloc.querySelectorAll(".pointage-table").forEach(function (table) {
        var cote = table.dataset.cote;
        table.querySelectorAll("tbody tr").forEach(function (tr) {
          var id = tr.dataset.ligne, avec = p[id];
          var coche = tr.querySelector("input[type=checkbox]");
          coche.checked = Boolean(avec) || attente[cote] === id;
          tr.classList.toggle("pointage--pointee", Boolean(avec));
          tr.classList.toggle("pointage--choisie", attente[cote] === id);
          tr.querySelector("[data-avec]").textContent = avec ? "— pointée avec " + avec : "";
          if (!avec) restes[cote].push(tr);
        });
      });
      var choisie = attente["512"] || attente.releve;
      etat.textContent = choisie
        ? "Ligne " + choisie + " cochée : cochez maintenant sa ligne " +
          (attente["512"] ? "du relevé." : "du compte 512.")
        : Object.keys(selects).filter(function (id) { return selects[id].value; }).length +
          " paire(s) pointée(s). Non pointées : " + restes["512"].length + " ligne(s) du compte 512, " +
          restes.releve.length + " ligne(s) du relevé.";
      var commence = Object.keys(p).length > 0;
      racine.querySelectorAll("[data-restes]").forEach(function (sortie) {
        var lignes = restes[sortie.dataset.restes];
        var titre = document.createElement("p");
        titre.textContent = (sortie.dataset.restes === "releve"
          ? "Lignes du relevé non pointées"
          : "Lignes du compte 512 non pointées") + (lignes.length ? " :" : " : aucune.");
        var liste = document.createElement("ul");
        // Before the first pair every line would be listed: a copy of a whole document.
        if (!commence) {
          titre.textContent += " à voir après le pointage (1).";
          lignes = [];
        }
        lignes.forEach(function (tr) {
          var item = document.createElement("li");
          item.textContent = resume(tr);
          liste.appendChild(item);
        });
        sortie.replaceChildren(titre, liste);
        sortie.hidden = false;
      });
    }

    bloc.addEventListener("change", function (event) {
      var coche = event.target;
      if (coche.type !== "checkbox") return;
      var cote = coche.closest(".pointage-table").dataset.cote;
      var autre = cote === "512" ? "releve" : "512";
      var id = coche.dataset.ligne;
      var p = paires();
      if (p[id]) {
        // A matched line ticked again: the pair is undone.
        selects[cote === "512" ? id : p[id]].value = "";
      } else if (attente[cote] === id) {
        attente[cote] = null;
      } else {
        attente[cote] = id;
        if (attente[autre]) {
          var c = cote === "512" ? id : attente[autre], b = cote === "512" ? attente[autre] : id;
          if (selects[c]) selects[c].value = b;
          attente = { "512": null, releve: null };
        }
      }
      afficher();
    });

    listes.hidden = true;
    bloc.hidden = false;
    replierEnonce(bloc);
    afficher();
  }

  function chercher(racine) {
    if (!racine.querySelectorAll) return;
    Array.prototype.forEach.call(racine.querySelectorAll("[data-rapprochement]"), initialiser);
  }

  if (window.htmx) {
    window.htmx.onLoad(chercher);
  } else {
    document.addEventListener("DOMContentLoaded", function () { chercher(document); });
  }
})();
