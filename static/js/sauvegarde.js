// The exam's autosave (the page works without it: its buttons then post the whole form).
//
// What a student on a school network needs, each found losing answers in December 2026:
// - steady typing is saved at least every few seconds (a plain debounce never fired while the
//   student kept typing, and the last burst before the deadline was lost);
// - a save that fails says « Pas enregistré » and is sent again, on a timer and as soon as the
//   network is back (the status said « Enregistré » while nothing was stored);
// - only the fields typed in this tab are sent, so an old tab or another computer cannot erase
//   what was saved elsewhere with its empty fields (hidden fields, fixed by the variant, go too);
// - « Enregistrer », Enter and the question links save through here and stay on the page when
//   the save fails (a full page submit offline showed the browser's English error page);
// - leaving the page with typing not yet stored asks first.
// A file, not an inline <script>: the Content-Security-Policy allows only our own scripts.
(function () {
  "use strict";
  if (window.agoraSauvegarde) return;  // loaded once
  window.agoraSauvegarde = true;

  var PAUSE = 800;        // ms after the last key
  var AU_PLUS_TARD = 3000;  // ms after the first key not yet saved, even while typing goes on
  var REESSAI = 4000;     // ms between two tries while the network or the server fails
  var FIN_PROCHE = 2500;  // ms before the deadline: what is typed is sent at once

  function demarrer() {
    var form = document.querySelector("form[data-sauvegarde]");
    if (!form || !window.htmx) return;
    var saisis = {};      // name -> true: typed here since its last acknowledged save
    var envoyes = null;   // name -> value, of the save in flight
    var premiere = 0;     // when the oldest unsaved key was typed
    var minuterie = null;
    var enVol = false;
    var enPanne = false;
    var refuse = false;   // the server refused (copy closed or handed in): no more tries
    var quitte = false;   // the server sends the page elsewhere (time is up)
    var ensuite = null;   // where to go once everything is stored

    function aSauver() { return Object.keys(saisis).length > 0; }

    function etat(classe, texte) {
      var p = document.getElementById("etat-sauvegarde");
      if (!p) return;
      p.className = "sauvegarde " + classe;
      p.textContent = texte;
      // Passing states are not read out every few seconds to a screen reader's user: only
      // the server's answer (« Enregistré à … ») and a failure are.
      if (classe === "sauvegarde--refus") p.removeAttribute("aria-busy");
      else p.setAttribute("aria-busy", "true");
    }

    function planifier() {
      clearTimeout(minuterie);
      var attente = Math.min(PAUSE, Math.max(0, premiere + AU_PLUS_TARD - Date.now()));
      minuterie = setTimeout(sauver, attente);
    }

    function sauver() {
      clearTimeout(minuterie);
      if (enVol || refuse) return;  // the end of the save in flight sends what is left
      if (!aSauver()) {
        if (ensuite) aller(ensuite);
        return;
      }
      htmx.trigger(form, "sauver");
    }

    function aller(url) {
      ensuite = null;
      window.location.assign(url);
    }

    form.addEventListener("input", noter);
    form.addEventListener("change", noter);
    function noter(event) {
      var champ = event.target;
      if (!champ.name || champ.type === "hidden") return;
      if (!aSauver()) premiere = Date.now();
      saisis[champ.name] = true;
      refuse = false;
      if (!enPanne) etat("sauvegarde--attente", "Modifications pas encore enregistrées…");
      planifier();
    }

    form.addEventListener("htmx:configRequest", function (event) {
      if (event.detail.elt !== form) return;  // a field's own request, if a kind has one
      var parametres = event.detail.parameters;
      var gardes = { csrf_token: true };
      Array.prototype.forEach.call(form.querySelectorAll("input[type=hidden]"), function (h) {
        if (h.name) gardes[h.name] = true;
      });
      envoyes = {};
      Object.keys(saisis).forEach(function (nom) { envoyes[nom] = valeur(nom); });
      var postes = {};
      Object.keys(parametres).forEach(function (nom) {  // (the proxy answers no ``in``)
        postes[nom] = true;
        if (!gardes[nom] && !saisis[nom]) delete parametres[nom];
      });
      Object.keys(saisis).forEach(function (nom) {
        if (!postes[nom]) parametres[nom] = "";  // an unticked box, an emptied choice
      });
      enVol = true;
      premiere = 0;
      if (!enPanne) etat("sauvegarde--envoi", "Enregistrement…");
    });

    function valeur(nom) {
      var champs = form.querySelectorAll('[name="' + nom.replace(/"/g, '\\"') + '"]');
      var valeurs = [];
      Array.prototype.forEach.call(champs, function (c) {
        if ((c.type === "checkbox" || c.type === "radio") && !c.checked) return;
        valeurs.push(c.value);
      });
      return valeurs.join("\u0000");
    }

    form.addEventListener("htmx:afterRequest", function (event) {
      if (event.detail.elt !== form) return;
      enVol = false;
      var statut = event.detail.xhr ? event.detail.xhr.status : 0;
      if (statut >= 200 && statut < 300) {
        enPanne = false;
        var p = document.getElementById("etat-sauvegarde");
        if (p && p.classList.contains("sauvegarde--refus")) {
          ensuite = null;
          envoyes = null;
          if (p.hasAttribute("data-reessayer")) {  // the server was busy: nothing stored yet
            enPanne = true;
            minuterie = setTimeout(sauver, REESSAI);
          } else {
            refuse = true;  // closed or handed in: sending again would be refused again
          }
          return;
        }
        Object.keys(envoyes || {}).forEach(function (nom) {
          if (valeur(nom) === envoyes[nom]) delete saisis[nom];
        });
        envoyes = null;
        if (aSauver()) {
          premiere = Date.now();
          planifier();
        } else if (ensuite) {
          aller(ensuite);
        }
        return;
      }
      envoyes = null;
      enPanne = true;
      ensuite = null;
      premiere = Date.now();
      if (statut === 0 || statut === 429 || statut >= 500) {
        etat("sauvegarde--refus", (statut === 0
          ? "Pas enregistré : connexion coupée."
          : "Pas enregistré : serveur occupé.")
          + " Nouvel essai automatique ; gardez cette page ouverte.");
        clearTimeout(minuterie);
        minuterie = setTimeout(sauver, REESSAI);
        return;
      }
      refuse = true;  // the session ended, or the page expired: the server's message says how
      etat("sauvegarde--refus", "Pas enregistré : recopiez ailleurs ce que vous venez d'écrire, "
        + "puis rechargez la page (touche F5) ; reconnectez-vous si on vous le demande.");
    });

    window.addEventListener("online", function () { if (enPanne) sauver(); });

    // « Enregistrer », Enter in a field, « Enregistrer et question suivante »: through here.
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var bouton = event.submitter;
      if (bouton && bouton.dataset.url) ensuite = bouton.dataset.url;
      if (!aSauver() && !ensuite) {
        etat("sauvegarde--attente", "Rien de nouveau à enregistrer : vos réponses sont à jour.");
        return;
      }
      if (!aSauver() && ensuite) return aller(ensuite);
      if (!premiere) premiere = Date.now();
      sauver();
    });

    // A question link or « Rendre »: once what is typed is stored.
    document.addEventListener("click", function (event) {
      var lien = event.target.closest && event.target.closest(".questions-nav a, .examen-actions a");
      if (!lien || (!aSauver() && !enVol)) return;
      event.preventDefault();
      ensuite = lien.href;
      sauver();
    });

    // Time nearly up: what is typed goes now, not after the pause (decompte.js anchors the end).
    setInterval(function () {
      var m = document.getElementById("minuteur");
      if (m && m.agoraFin !== undefined && aSauver() && !enVol
          && m.agoraFin - performance.now() < FIN_PROCHE) sauver();
    }, 500);

    document.addEventListener("htmx:beforeOnLoad", function (event) {
      var xhr = event.detail.xhr;
      if (xhr && xhr.getResponseHeader("HX-Redirect")) quitte = true;  // time up: no question
    });

    window.addEventListener("beforeunload", function (event) {
      if (quitte || refuse || (!aSauver() && !enVol)) return;
      var question = "Des réponses ne sont pas encore enregistrées.";  // (browsers word their own)
      event.preventDefault();
      event.returnValue = question;
      return question;
    });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", demarrer);
  else demarrer();
})();
