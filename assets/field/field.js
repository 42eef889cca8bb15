// The phone page's script (the page works without it). It adds:
// - an offline queue: an action is kept in localStorage until the server has answered it,
//   sent again when the network returns, with its command id so nothing is done twice;
//   only what was not sent yet is kept, and it is emptied at sign-out and when the night
//   closes (the sign-in page then says so);
// - live updates: server-sent events say a commit happened; the situation is fetched again.
(function () {
  "use strict";
  var Q = "vigie-queue";
  var main = document.querySelector("main");
  if (!main) return;
  function load() {
    try { return JSON.parse(localStorage.getItem(Q) || "[]"); } catch (e) { return []; }
  }
  function save(q) {
    try { localStorage.setItem(Q, JSON.stringify(q)); } catch (e) { /* private mode */ }
  }
  function clear() { try { localStorage.removeItem(Q); } catch (e) { /* nothing kept */ } }
  if (main.dataset.page === "sign-in") {
    if (main.dataset.end) clear();
    return;
  }
  if (main.dataset.page !== "team") return;
  var csrf = main.dataset.csrf;
  var net = document.getElementById("net");
  var offline = document.getElementById("offline");
  var queued = document.getElementById("queued");
  var flash = document.getElementById("flash");
  function ended() { clear(); location.href = "/connexion?fin=nuit"; }
  function show(ok, text) {
    flash.hidden = false;
    flash.className = "msg " + (ok ? "good" : "bad");
    flash.textContent = text;
  }
  function online(on) {
    net.classList.toggle("off", !on);
    net.textContent = on ? net.dataset.on : net.dataset.off;
  }
  function render() {
    var n = load().length;
    offline.hidden = n === 0;
    queued.textContent = n ? "(" + n + ")" : "";
  }
  function newId() {
    var a = new Uint8Array(16);
    crypto.getRandomValues(a);
    return Array.prototype.map.call(a, function (b) { return ("0" + b.toString(16)).slice(-2); }).join("");
  }
  var sending = false;
  async function flush() {
    if (sending) return;
    sending = true;
    try {
      for (var q = load(); q.length; q = load()) {
        var item = q[0], r;
        try {
          r = await fetch(item.url, {
            method: "POST", credentials: "same-origin", body: item.body,
            headers: { "Content-Type": "application/x-www-form-urlencoded",
                       "X-Vigie-Js": "1", "X-CSRF-Token": csrf }
          });
        } catch (e) { online(false); break; }
        online(true);
        // Answered (done or refused): it leaves the queue; a retry would change nothing.
        q = load();
        if (q.length && q[0].body === item.body) { q.shift(); save(q); }
        if (r.status === 401) { ended(); return; }
        var msg = "";
        try { msg = (await r.json()).message; } catch (e) { msg = ""; }
        if (msg) show(r.ok, msg);
      }
    } finally { sending = false; render(); }
    refresh();
  }
  var later = false;
  async function refresh() {
    var s = document.getElementById("situation");
    var a = document.activeElement;
    // Not while something is being typed or chosen in it: after.
    if (s && a && s.contains(a) && a.tagName !== "BUTTON") { later = true; return; }
    try {
      var r = await fetch("/situation" + location.search, { credentials: "same-origin" });
      if (r.status === 401) { ended(); return; }
      if (!r.ok) return;
      var t = document.createElement("template");
      t.innerHTML = (await r.text()).trim();
      var n = t.content.firstElementChild;
      if (n && s) s.replaceWith(n);
    } catch (e) { online(false); }
  }
  document.addEventListener("focusout", function () {
    if (later) { later = false; setTimeout(refresh, 500); }
  });
  document.addEventListener("submit", function (ev) {
    var f = ev.target;
    if (f.id === "sign-out") { clear(); return; }
    if (!f.classList.contains("act")) return;
    ev.preventDefault();
    var body = new URLSearchParams(new FormData(f)).toString();
    var q = load();
    q.push({ url: f.getAttribute("action"), body: body });
    save(q);
    f.reset();
    var id = f.querySelector("input[name=id]");
    if (id) id.value = newId();
    render();
    flush();
  });
  if (window.EventSource) {
    var es = new EventSource("/flux");
    es.addEventListener("commit", function () { refresh(); });
    es.addEventListener("fin", function () { es.close(); ended(); });
    es.onopen = function () { online(true); flush(); };
    es.onerror = function () { online(false); };
  }
  window.addEventListener("online", flush);
  setInterval(flush, 15000);
  render();
  flush();
})();
