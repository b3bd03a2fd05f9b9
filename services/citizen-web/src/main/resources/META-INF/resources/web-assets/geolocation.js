// 119 form: the only script the citizen pages need. Without it (or when the reporter refuses), the typed
// address is the location. The button stays hidden where the browser has no geolocation.
(function () {
  var button = document.getElementById('use-location');
  if (!button || !navigator.geolocation) { return; }
  var status = document.getElementById('location-status');
  button.hidden = false;
  button.addEventListener('click', function () {
    navigator.geolocation.getCurrentPosition(function (position) {
      document.getElementById('latitude').value = position.coords.latitude;
      document.getElementById('longitude').value = position.coords.longitude;
      document.getElementById('accuracy').value = Math.round(position.coords.accuracy);
      status.textContent = button.dataset.found.replace('@@', Math.round(position.coords.accuracy));
    }, function () {
      status.textContent = button.dataset.denied;
      document.getElementById('address').focus();
    }, { enableHighAccuracy: true, timeout: 15000, maximumAge: 60000 });
  });
}());
