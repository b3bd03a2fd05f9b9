// Dispatch board: live rows. The emergency service's events (relayed by /admin/dispatch/events) say that
// something changed; the rows are then re-read as HTML from the server, so the page shows exactly what a
// reload would. When the stream breaks, the board re-reads its rows once it can (what happened meanwhile is in
// them) and listens again. When the login has run out, the console answers the page's own requests 499 (they say
// X-Requested-With: JavaScript; a stream cannot): the board then opens itself again, with its filter, which goes
// through the login (at once while Keycloak's session lasts) and back to the same board, re-read in full.
(function () {
  var rows = document.getElementById('board-rows');
  var live = document.getElementById('board-live');
  if (!rows || !window.EventSource || !window.fetch) { return; }
  var status = document.getElementById('board').dataset.status || '';
  var LOGIN_RAN_OUT = 499;
  var FIRST_RETRY_MS = 1000;
  var LONGEST_RETRY_MS = 15000;
  var source = null;
  var lost = false;
  var retryMs = FIRST_RETRY_MS;
  var checking = false;

  function read() {
    return fetch('/admin/dispatch/rows?status=' + encodeURIComponent(status),
      { credentials: 'same-origin', headers: { 'X-Requested-With': 'JavaScript' } })
      .then(function (response) {
        if (response.status === LOGIN_RAN_OUT) {
          live.textContent = live.dataset.relogin;
          window.location.assign('/admin/dispatch' + (status ? '?status=' + encodeURIComponent(status) : ''));
          return new Promise(function () {});
        }
        return response.ok ? response.text() : Promise.reject(response.status);
      });
  }

  function show(html, kind) {
    // Keep the dispatcher's typing: skip the update while they are in a field of the table.
    if (rows.contains(document.activeElement) && document.activeElement.tagName !== 'BUTTON') { return; }
    rows.innerHTML = html;
    live.textContent = kind === 'new' ? live.dataset.new : live.dataset.updated;
  }

  function refresh(kind) {
    read().then(function (html) { show(html, kind); }).catch(function () { live.textContent = live.dataset.lost; });
  }

  // After a break: the rows again (nothing missed), then the stream again; until the console answers.
  function recover() {
    if (checking) { return; }
    checking = true;
    read().then(function (html) {
      checking = false;
      retryMs = FIRST_RETRY_MS;
      show(html, 'updated');
      if (!source || source.readyState === EventSource.CLOSED) { listen(); }
    }).catch(function () {
      checking = false;
      live.textContent = live.dataset.lost;
      window.setTimeout(recover, retryMs);
      retryMs = Math.min(retryMs * 2, LONGEST_RETRY_MS);
    });
  }

  function listen() {
    source = new EventSource('/admin/dispatch/events');
    source.onopen = function () {
      if (lost) { lost = false; refresh('updated'); }
    };
    source.onmessage = function (event) {
      if (event.data === 'new' || event.data === 'updated' || event.data === 'ready') { refresh(event.data); }
    };
    source.onerror = function () {
      lost = true;
      live.textContent = live.dataset.lost;
      // A stream refused outright (the console down, or its login page) is not retried by the browser.
      if (source.readyState === EventSource.CLOSED) { source.close(); }
      recover();
    };
  }

  listen();
}());
