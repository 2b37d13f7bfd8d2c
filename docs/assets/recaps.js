// Material's search dialog (role="dialog") has no accessible name (axe-core: aria-dialog-name).
// Name it after its search field, rather than copying Material's search template to add one.
document.querySelectorAll('.md-search[role="dialog"]:not([aria-label])').forEach(function (dialog) {
  var input = dialog.querySelector(".md-search__input");
  dialog.setAttribute("aria-label", (input && input.getAttribute("aria-label")) || "Search");
});
