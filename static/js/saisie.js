// What a student types in a step's form (form[data-brouillon]) is not lost nor sent by mistake:
// - Enter in a field moves to the next field (the form's disabled default button already keeps
//   Enter from sending the answer, even without JavaScript);
// - « Envoyer ma réponse » with fewer than a fifth of the fields filled asks first (a correct
//   answer may leave many fields empty: up to three in four in some kinds, never more);
// - each field typed is kept as a draft in this browser (localStorage), restored after a reload
//   with a note, and « quitter la page ? » is asked while typing is unsent.
// Shared school PCs: a draft's key holds the user id; a page of another user deletes the drafts
// that are not theirs, « Se déconnecter » deletes them all, and a draft older than 7 days is
// dropped. The key also holds the try (« essai »): a new try has new figures, never old drafts.
(function () {
  "use strict";

  var PREFIXE = "agora-brouillon|";
  var DUREE = 7 * 24 * 3600 * 1000;
  var PART_MINIMALE = 5;  // ask before sending when fewer than 1 field in 5 is filled

  function stockage() {
    try { return window.localStorage; } catch (e) { return null; }  // storage off: no drafts
  }

  function cles() {
    var s = stockage(), toutes = [];
    if (!s) return toutes;
    for (var i = 0; i < s.length; i++) {
      var cle = s.key(i);
      if (cle && cle.indexOf(PREFIXE) === 0) toutes.push(cle);
    }
    return toutes;
  }

  // The fields a student types in or chooses from: named ones (not hidden), and the unnamed
  // ones a script reads (a planning cell: planning.js writes its named periods from it).
  // Boxes to tick are left out: no form of a step has a named one.
  function champs(form) {
    return Array.prototype.filter.call(form.querySelectorAll("input, select, textarea"), function (c) {
      return !c.disabled && (c.name || c.id)
        && ["hidden", "submit", "button", "reset", "checkbox", "radio", "file"].indexOf(c.type) < 0;
    });
  }

  function nommes(form) {
    return champs(form).filter(function (c) { return c.name; });
  }

  function rempli(champ) {
    return String(champ.value || "").trim() !== "";
  }

  function cleDe(form) {
    var d = form.dataset.brouillon || "";
    return d.split("|")[3] ? PREFIXE + d : null;  // no try number: the step takes no answer
  }

  // --- Enter moves on ---------------------------------------------------------------------
  document.addEventListener("keydown", function (event) {
    var champ = event.target;
    if (event.key !== "Enter" || event.defaultPrevented || !champ.form) return;
    if (!champ.form.matches("form[data-brouillon]") || !champ.matches("input")) return;
    if (["submit", "button", "reset", "checkbox", "radio"].indexOf(champ.type) >= 0) return;
    event.preventDefault();
    var liste = champs(champ.form).filter(function (c) { return c.offsetParent !== null; });
    var suivant = liste[liste.indexOf(champ) + 1];
    if (suivant) suivant.focus();
  });

  // --- ask before sending a mostly empty answer (capture: before htmx sends it) -------------
  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (!form.matches || !form.matches("form[data-brouillon]")) return;
    var liste = nommes(form);
    var faits = liste.filter(rempli).length;
    if (faits > 0 && faits * PART_MINIMALE < liste.length) {
      var question = "Vous n'avez rempli que " + faits + " champ" + (faits > 1 ? "s" : "")
        + " sur " + liste.length + " : envoyer quand même ?";
      if (!window.confirm(question)) {
        event.preventDefault();
        event.stopPropagation();
        return;
      }
    }
    form.removeAttribute("data-non-envoye");
    var cle = cleDe(form);
    if (cle) {
      envoyees[cle] = true;
      if (!window.htmx && stockage()) stockage().removeItem(cle);  // the page is sent and left
    }
  }, true);

  var envoyees = {};

  // --- drafts -------------------------------------------------------------------------------
  function garder(form) {
    var cle = cleDe(form), s = stockage();
    if (!cle || !s) return;
    var valeurs = {}, vide = true;
    champs(form).forEach(function (c) {
      if (rempli(c)) {
        valeurs[c.name ? "n:" + c.name : "i:" + c.id] = c.value;
        vide = false;
      }
    });
    try {
      if (vide) s.removeItem(cle);
      else s.setItem(cle, JSON.stringify({ t: Date.now(), v: valeurs }));
    } catch (e) { /* storage full: the form still works */ }
  }

  function saisie(event) {
    var form = event.target.form;
    if (!form || !form.matches("form[data-brouillon]") || !cleDe(form)) return;
    form.setAttribute("data-non-envoye", "");
    garder(form);
  }
  document.addEventListener("input", saisie);
  document.addEventListener("change", saisie);

  function reprendre(form) {
    var cle = cleDe(form), s = stockage();
    if (!cle || !s) return;
    var brouillon = null;
    try { brouillon = JSON.parse(s.getItem(cle)); } catch (e) { brouillon = null; }
    if (!brouillon || !brouillon.v) return;
    if (!(Date.now() - brouillon.t < DUREE)) { s.removeItem(cle); return; }
    var repris = 0, evenements = [];
    champs(form).forEach(function (c) {
      var valeur = brouillon.v[c.name ? "n:" + c.name : "i:" + c.id];
      if (valeur === undefined || rempli(c)) return;  // what the page shows stays
      c.value = valeur;
      if (c.value !== valeur) return;  // an option that no longer exists
      repris++;
      if (c.tagName === "SELECT") evenements.push([c, "change"]);
      else if (!c.name) evenements.push([c, "input"]);  // a planning cell writes its periods
    });
    if (!repris) return;
    evenements.forEach(function (e) { e[0].dispatchEvent(new Event(e[1], { bubbles: true })); });
    var note = document.createElement("p");
    note.className = "message message--info";
    note.setAttribute("role", "status");
    note.setAttribute("data-brouillon-repris", "");
    note.textContent = "Votre saisie non envoyée a été reprise.";
    form.insertBefore(note, form.firstChild);
    form.setAttribute("data-non-envoye", "");
  }

  // Drafts of a step whose try was sent (the form shows another try, or takes no answer).
  function nettoyer(form) {
    var d = form.dataset.brouillon || "";
    var etape = PREFIXE + d.split("|").slice(0, 3).join("|") + "|";
    var cle = cleDe(form), s = stockage();
    cles().forEach(function (autre) {
      if (autre.indexOf(etape) === 0 && autre !== cle) s.removeItem(autre);
    });
  }

  function utilisateur() {
    var deconnexion = document.querySelector("form[data-deconnexion]");
    return deconnexion ? deconnexion.dataset.deconnexion : null;
  }

  function chercher(racine) {
    var forms = racine.querySelectorAll ? racine.querySelectorAll("form[data-brouillon]") : [];
    Array.prototype.forEach.call(forms, function (form) {
      nettoyer(form);
      reprendre(form);
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    var moi = utilisateur(), s = stockage();
    if (moi && s) {
      cles().forEach(function (cle) {
        if (cle.slice(PREFIXE.length).split("|")[0] !== moi) s.removeItem(cle);
      });
    }
  });

  document.addEventListener("submit", function (event) {
    if (event.target.matches && event.target.matches("form[data-deconnexion]")) {
      var s = stockage();
      cles().forEach(function (cle) { s.removeItem(cle); });
    }
  });

  // After htmx answered a sent step: its draft goes once the try was taken (the step came
  // back without that form); a refused answer keeps it, shown again with what was typed.
  document.addEventListener("htmx:afterSettle", function () {
    Object.keys(envoyees).forEach(function (cle) {
      delete envoyees[cle];
      var encore = document.querySelector('form[data-brouillon="' + cle.slice(PREFIXE.length) + '"]');
      if (!encore && stockage()) stockage().removeItem(cle);
    });
  });

  window.addEventListener("beforeunload", function (event) {
    if (document.querySelector("form[data-brouillon][data-non-envoye]")) {
      event.preventDefault();
      event.returnValue = "";
    }
  });

  if (window.htmx) {
    window.htmx.onLoad(chercher);  // the page, then every step htmx swaps in
  } else {
    document.addEventListener("DOMContentLoaded", function () { chercher(document); });
  }
})();
