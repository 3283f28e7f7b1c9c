// Progressive enhancement only; every page works without this file.
// After a form error, move the focus to the error summary so screen readers announce it.
document.addEventListener("DOMContentLoaded", function () {
  var s = document.getElementById("foutsamenvatting");
  if (s) { s.focus(); }
});
