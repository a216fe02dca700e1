// The bilingual view's print button: hidden in the HTML, so a browser without script never shows a
// button that does nothing; shown here and wired to the browser's own print dialog.
document.querySelectorAll("[data-print]").forEach(button => {
  button.hidden = false;
  button.addEventListener("click", () => window.print());
});
