// Counts down the seconds between two answers of the server about the exam timer (the page
// works without it). The end is anchored on the browser's monotonic clock when the server's
// figure arrives, not counted tick by tick: a tab in the background or a phone's locked screen
// slows or pauses timers, and the count must be right again as soon as the student looks.
// A file, not an inline <script>: the Content-Security-Policy allows only our own scripts.
(function () {
  if (window.agoraDecompte) return;  // loaded once, even if a page includes it twice
  window.agoraDecompte = true;
  var pad = function (n) { return (n < 10 ? "0" : "") + n; };
  function minuteur() {
    var m = document.getElementById("minuteur");
    if (!m || !m.dataset.restant) return null;
    // A new element is a new answer of the server (htmx swaps the whole timer in).
    if (m.agoraFin === undefined) m.agoraFin = performance.now() + 1000 * parseInt(m.dataset.restant, 10);
    return m;
  }
  // The last minutes: the timer turns amber from 5 min left, and a screen reader hears it
  // once at 5 min and once at 1 min (polite: not every second, never cutting the student off).
  var BIENTOT = 300, SEUILS = [[300, "Il reste 5 minutes."], [60, "Il reste 1 minute."]];
  var avant = null;  // the count at the previous second (null: nothing crossed on arrival)
  function annoncer(r) {
    var a = document.getElementById("minuteur-annonce");
    SEUILS.forEach(function (seuil) {
      if (a && avant !== null && avant > seuil[0] && r <= seuil[0] && r > 0) a.textContent = seuil[1];
    });
    avant = r;
  }
  minuteur();  // the page's own figure, anchored as soon as it is read
  document.addEventListener("htmx:load", minuteur);  // a poll's or an autosave's, likewise
  setInterval(function () {
    var m = minuteur();
    if (!m) return;
    var r = Math.max(0, Math.ceil((m.agoraFin - performance.now()) / 1000));
    var v = m.querySelector(".minuteur-valeur");
    if (!v) return;
    var h = Math.floor(r / 3600), mn = Math.floor((r % 3600) / 60), s = r % 60;
    v.textContent = (h ? h + " h " + pad(mn) : mn) + " min " + pad(s) + " s";
    m.classList.toggle("minuteur--bientot", r <= BIENTOT);
    annoncer(r);
    if (r === 0 && window.htmx) htmx.trigger(m, "fin-du-temps");  // ask the server at once
  }, 1000);
  document.addEventListener("visibilitychange", function () {
    var m = minuteur();  // back in view: time added or the copy closed meanwhile?
    if (m && !document.hidden && window.htmx) htmx.trigger(m, "retour");
  });
})();
