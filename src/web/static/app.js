/* lmpmon: small helps for entry forms; the pages work without it. */
(function () {
  var dirty = false;
  document.querySelectorAll('form.entry textarea').forEach(function (t) {
    var c = document.createElement('div');
    c.className = 'small';
    t.after(c);
    var show = function () { c.textContent = t.value.length + ' characters'; };
    t.addEventListener('input', function () { dirty = true; show(); });
    show();
  });
  document.querySelectorAll('form').forEach(function (f) {
    f.addEventListener('submit', function () { dirty = false; });
  });
  window.addEventListener('beforeunload', function (e) {
    if (dirty) { e.preventDefault(); e.returnValue = ''; }
  });
})();
