// The waiting room (대기실): asks the app every few seconds where the citizen's ticket stands, says it in the
// live region, and sends the waiting request (the form below, the same fields and key) once the ticket is let
// in or forgotten. Without this script the "check my place now" button does the same by hand. No page reload
// in between, so a screen reader is not thrown back to the top.
(function () {
  var form = document.getElementById('waiting-resume');
  if (!form || !window.fetch) { return; }
  var place = document.getElementById('waiting-place');
  var expected = document.getElementById('waiting-expected');
  var admitted = document.getElementById('waiting-admitted');
  var seconds = Math.max(1, parseInt(form.getAttribute('data-retry'), 10) || 3);
  var needsFiles = form.querySelector('input[type=file]') !== null;
  function resume() {
    admitted.hidden = false;
    if (!needsFiles) { form.submit(); } else { form.querySelector('input[type=file]').focus(); }
  }
  function ask() {
    fetch(form.getAttribute('data-poll'), { credentials: 'same-origin', headers: { 'Accept': 'application/json' } })
      .then(function (response) { return response.ok ? response.json() : Promise.reject(response.status); })
      .then(function (now) {
        if (now.admitted || now.gone) { resume(); return; }
        if (place.textContent !== now.place) { place.textContent = now.place; }
        if (expected.textContent !== now.expected) { expected.textContent = now.expected; }
        setTimeout(ask, seconds * 1000);
      })
      .catch(function () { setTimeout(ask, seconds * 1000); });
  }
  setTimeout(ask, seconds * 1000);
}());
