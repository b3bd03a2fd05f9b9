// Forms marked data-keep (the admin console's, the citizens' forms behind a login): what was typed survives a login that ran out while the form was
// being sent. A POST without a session is sent to Keycloak's login and comes back as a GET on the form's
// address, without the body; the page then shows the "send it again" notice (#resend) and this script puts
// the typed values back. Kept in sessionStorage (this tab only) from the click on "send" until the next page
// of the portal loads, which restores them (notice shown) or forgets them (anything else): personal data does
// not stay in the browser. Hidden fields (CSRF token, form key) are never kept; a fresh page has fresh ones.
// Without this script the notice alone tells the official to type the form again.
// A choice the server lists only after a search (the move-in form's road-name addresses, rows of a register) is
// not on the page after the login, which is a plain GET without the search: its group is marked
// data-keep-choices="<name>" and the chosen option is kept with the text of its label, then put back there, chosen,
// as the one option, so the form is sent as it was without searching again. The server checks the value as any
// other (it names a row of the register); the label is put back as text only.
(function () {
  var PREFIX = 'portal-form:';
  var MAX_AGE_MS = 30 * 60 * 1000; // a login longer than this is a new piece of work
  var storage;
  try { storage = window.sessionStorage; } catch (e) { return; }
  if (!storage) { return; }

  var notice = document.getElementById('resend');
  var forms = document.querySelectorAll('form[data-keep]');
  // A form is known by its address without the query: the query names the page it was on (?from=), which the
  // page after the login shows with resend=true.
  function keyOf(form) { return PREFIX + (form.getAttribute('action') || '').split('?')[0]; }
  var onThisPage = {};
  Array.prototype.forEach.call(forms, function (form) { onThisPage[keyOf(form)] = true; });
  var restored = false;
  Array.prototype.forEach.call(forms, function (form) {
    var key = keyOf(form);
    var saved = storage.getItem(key);
    storage.removeItem(key);
    if (notice && saved) {
      try {
        var entry = JSON.parse(saved);
        if (Date.now() - entry.at <= MAX_AGE_MS) {
          Object.keys(entry.values).forEach(function (name) {
            // namedItem also answers a fieldset whose id is the name (the matches' group is id="roadAddress"),
            // so whether the choice is offered is asked of the named fields themselves.
            var group = choicesOf(form, name);
            if (group && !hasFieldNamed(form, name)) {
              putBackChoice(group, name, entry.values[name], (entry.labels || {})[name]);
              return;
            }
            var field = form.elements.namedItem(name);
            if (!field || field.type === 'hidden') { return; }
            if (field.length !== undefined && !field.options) {
              Array.prototype.forEach.call(field, function (f) { f.checked = f.value === entry.values[name]; });
            } else if (field.type === 'checkbox' || field.type === 'radio') {
              // A single box (e.g. "include former addresses"): kept only when it was ticked.
              field.checked = field.value === entry.values[name];
            } else {
              field.value = entry.values[name];
            }
          });
          restored = true;
        }
      } catch (ignored) { /* a damaged entry is simply not restored */ }
    }
    form.addEventListener('submit', function () {
      var values = {};
      var labels = {};
      Array.prototype.forEach.call(form.elements, function (field) {
        if (!field.name || field.type === 'hidden' || field.type === 'password' || field.type === 'file') { return; }
        // A registration number (data-no-keep) is never put in the browser's storage: it is typed again.
        if (field.hasAttribute('data-no-keep')) { return; }
        if ((field.type === 'radio' || field.type === 'checkbox') && !field.checked) { return; }
        values[field.name] = field.value;
        if (field.type === 'radio' && choicesOf(form, field.name)) { labels[field.name] = labelOf(field); }
      });
      storage.setItem(key, JSON.stringify({ at: Date.now(), values: values, labels: labels }));
    });
  });
  function choicesOf(form, name) {
    var groups = form.querySelectorAll('[data-keep-choices]');
    for (var i = 0; i < groups.length; i++) {
      if (groups[i].getAttribute('data-keep-choices') === name) { return groups[i]; }
    }
    return null;
  }
  function hasFieldNamed(form, name) {
    return Array.prototype.some.call(form.elements, function (f) { return f.name === name; });
  }
  function labelOf(field) {
    var label = field.id ? field.form.querySelector('label[for="' + field.id + '"]') : null;
    return label ? label.textContent.replace(/\s+/g, ' ').trim() : field.value;
  }
  // The kept choice as the group's one option, chosen, in the markup of the server's own options. Its hint, when
  // it says how to search, becomes the group's data-restored text ("choose the new address").
  function putBackChoice(group, name, value, label) {
    if (!value) { return; }
    var id = name + '-kept';
    var row = document.createElement('div');
    row.className = 'krds-form-check';
    var input = document.createElement('input');
    input.type = 'radio';
    input.name = name;
    input.id = id;
    input.value = value;
    input.checked = true;
    var text = document.createElement('label');
    text.htmlFor = id;
    text.textContent = label || value;
    row.appendChild(input);
    row.appendChild(text);
    group.appendChild(row);
    var hint = group.querySelector('[data-restored]');
    if (hint) { hint.textContent = hint.getAttribute('data-restored'); }
  }
  // Entries of forms not on this page are forgotten as well.
  for (var i = storage.length - 1; i >= 0; i--) {
    var k = storage.key(i);
    if (k && k.indexOf(PREFIX) === 0 && !onThisPage[k]) {
      storage.removeItem(k);
    }
  }
  if (restored && notice) {
    var body = notice.querySelector('[data-restored]');
    if (body) { body.textContent = body.getAttribute('data-restored'); }
  }
}());
