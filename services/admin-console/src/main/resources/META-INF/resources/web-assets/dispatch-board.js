// Dispatch board: live rows. The emergency service's events (relayed by /admin/dispatch/events) say that
// something changed; the rows are then re-read as HTML from the server, so the page shows exactly what a
// reload would. EventSource reconnects by itself when the stream breaks.
(function () {
  var rows = document.getElementById('board-rows');
  var live = document.getElementById('board-live');
  if (!rows || !window.EventSource) { return; }
  var status = document.getElementById('board').dataset.status || '';
  var source = new EventSource('/admin/dispatch/events');
  function refresh(kind) {
    fetch('/admin/dispatch/rows?status=' + encodeURIComponent(status), { credentials: 'same-origin' })
      .then(function (response) { return response.ok ? response.text() : Promise.reject(response.status); })
      .then(function (html) {
        // Keep the dispatcher's typing: skip the update while they are in a field of the table.
        if (rows.contains(document.activeElement) && document.activeElement.tagName !== 'BUTTON') { return; }
        rows.innerHTML = html;
        live.textContent = kind === 'new' ? live.dataset.new : live.dataset.updated;
      })
      .catch(function () { live.textContent = live.dataset.lost; });
  }
  source.onmessage = function (event) {
    if (event.data === 'new' || event.data === 'updated' || event.data === 'ready') { refresh(event.data); }
  };
  source.onerror = function () { live.textContent = live.dataset.lost; };
}());
