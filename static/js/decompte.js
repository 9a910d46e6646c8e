// Counts the seconds between two polls of the exam timer (the page works without it).
// A file, not an inline <script>: the Content-Security-Policy allows only our own scripts.
(function () {
  if (window.agoraDecompte) return;  // loaded once, even if a page includes it twice
  window.agoraDecompte = true;
  setInterval(function () {
    var m = document.getElementById("minuteur");
    if (!m || !m.dataset.restant) return;
    var r = Math.max(0, parseInt(m.dataset.restant, 10) - 1);
    m.dataset.restant = r;
    var v = m.querySelector(".minuteur-valeur");
    if (!v) return;
    var h = Math.floor(r / 3600), mn = Math.floor((r % 3600) / 60), s = r % 60;
    var pad = function (n) { return (n < 10 ? "0" : "") + n; };
    v.textContent = (h ? h + " h " + pad(mn) : mn) + " min " + pad(s) + " s";
    if (r === 0 && window.htmx) htmx.trigger(m, "fin-du-temps");  // ask the server at once
  }, 1000);
})();
