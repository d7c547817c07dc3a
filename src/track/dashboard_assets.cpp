// The dashboard's stylesheet and script, compiled into the binary (no CDN, nothing fetched from
// outside). The script marks chart images as loaded (data-loaded, for tests and accessibility),
// keeps "Compare selected" enabled only with two runs ticked, and polls the JSON API: a running
// run's charts refresh on their own, and a page reloads when runs start, finish or add metrics.
#include "dashboard_pages.h"

namespace anvil::track::dashboard {

const char* const kStylesheet = R"CSS(
:root { --fg:#1d2430; --muted:#6b7280; --line:#e5e7eb; --bg:#f7f8fa; --accent:#0072b2; }
* { box-sizing: border-box; }
body { margin:0; font:14px/1.45 "DejaVu Sans", system-ui, sans-serif; color:var(--fg); background:var(--bg); }
header { display:flex; gap:1.5rem; align-items:center; padding:.6rem 1.5rem; background:#1d2430; color:#fff; }
header a { color:#fff; text-decoration:none; }
.brand { font-weight:700; letter-spacing:.04em; font-size:1.1rem; }
.live { margin-left:auto; color:#9ca3af; font-size:.85rem; }
main { padding:1rem 1.5rem 3rem; max-width:1900px; }
h1 { font-size:1.4rem; margin:.4rem 0 1rem; }
h1 small, h2 small { color:var(--muted); font-weight:400; font-size:.8rem; }
h2 { font-size:1.1rem; margin:1.6rem 0 .6rem; }
table { border-collapse:collapse; background:#fff; border:1px solid var(--line); }
th, td { padding:.35rem .7rem; border-bottom:1px solid var(--line); text-align:left; white-space:nowrap; }
th { background:#f1f3f6; font-weight:600; }
td.num { text-align:right; font-variant-numeric:tabular-nums; }
tbody tr:hover { background:#f5f9ff; }
a { color:var(--accent); }
.status { display:inline-block; padding:.05rem .55rem; border-radius:999px; font-size:.8rem; font-weight:600; }
.status-running { background:#dbeafe; color:#1e40af; }
.status-completed { background:#dcfce7; color:#166534; }
.status-failed { background:#fee2e2; color:#991b1b; }
.status-interrupted { background:#fef3c7; color:#92400e; }
.message { background:#fff; border-left:4px solid #d55e00; padding:.5rem .8rem; }
.verdict { font-weight:600; } .verdict-passed { color:#166534; } .verdict-failed { color:#991b1b; }
tr.level-WARN td { background:#fef3c7; } tr.level-ERROR td { background:#fee2e2; }
dl.info { display:grid; grid-template-columns:max-content auto; gap:.2rem 1rem; background:#fff; padding:.8rem 1rem; border:1px solid var(--line); max-width:900px; }
dt { color:var(--muted); }
dd { margin:0; }
.charts { display:grid; grid-template-columns:repeat(auto-fill, minmax(560px, 1fr)); gap:1rem; }
figure.chart { margin:0; background:#fff; border:1px solid var(--line); padding:.4rem; }
figure.chart img { width:100%; height:auto; display:block; }
pre { background:#fff; border:1px solid var(--line); padding:.8rem; overflow:auto; max-height:28rem; }
.empty, .hint { color:var(--muted); }
button { padding:.4rem .9rem; border-radius:6px; border:1px solid var(--accent); background:var(--accent); color:#fff; cursor:pointer; }
button:disabled { opacity:.45; cursor:default; }
details { margin-top:1.6rem; }
summary { cursor:pointer; font-weight:600; }
)CSS";

const char* const kScript = R"JS(
(function () {
  'use strict';
  var body = document.body;
  var refresh = Number(body.dataset.refreshMs) || 2000;
  var live = document.getElementById('live');

  function markImage(img) {
    var done = function () { img.dataset.loaded = img.naturalWidth > 0 ? '1' : '0'; };
    if (img.complete) done();
    img.addEventListener('load', done);
    img.addEventListener('error', function () { img.dataset.loaded = '0'; });
  }
  Array.prototype.forEach.call(document.querySelectorAll('img.chart-img'), markImage);

  var compare = document.getElementById('compare');
  if (compare) {
    var boxes = document.querySelectorAll('input[name=id]');
    var update = function () {
      var n = 0;
      Array.prototype.forEach.call(boxes, function (b) { if (b.checked) n++; });
      compare.disabled = n < 2;
    };
    Array.prototype.forEach.call(boxes, function (b) { b.addEventListener('change', update); });
    update();
  }

  function poll(url, signature, onChange) {
    var last = null;
    function tick() {
      fetch(url, { cache: 'no-store' }).then(function (r) { return r.json(); }).then(function (j) {
        var sig = signature(j);
        if (last !== null && sig !== last) { if (onChange(j) === false) return; }
        last = sig;
        if (live) live.textContent = 'live · ' + new Date().toLocaleTimeString();
        setTimeout(tick, refresh);
      }).catch(function () {
        if (live) live.textContent = 'server unreachable, retrying';
        setTimeout(tick, refresh * 2);
      });
    }
    tick();
  }

  if (body.dataset.page === 'runs') {
    poll('/api/runs', function (runs) {
      return JSON.stringify(runs.map(function (r) { return [r.id, r.status, r.points]; }));
    }, function () {
      var ticked = document.querySelector('input[name=id]:checked');
      if (!ticked) location.reload();  // never lose the user's selection
    });
  }

  if (body.dataset.page === 'run' && body.dataset.status === 'running') {
    var keys = Array.prototype.map.call(document.querySelectorAll('img.chart-img'),
                                        function (img) { return img.dataset.metric; }).join(',');
    poll('/api/runs/' + body.dataset.runId, function (run) {
      return run.status + ':' + run.points;
    }, function (run) {
      var k = run.keys.join(',');
      if (run.status !== 'running' || k !== keys) { location.reload(); return false; }
      Array.prototype.forEach.call(document.querySelectorAll('img.chart-img'), function (img) {
        var u = new URL(img.src, location.href);
        u.searchParams.set('v', String(run.points));
        img.src = u.toString();
      });
      var d = document.getElementById('duration');
      if (d) d.textContent = run.duration;
    });
  }
  body.dataset.script = 'ready';
})();
)JS";

}  // namespace anvil::track::dashboard
