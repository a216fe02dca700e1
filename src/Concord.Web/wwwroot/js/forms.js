// A field's limit (Shared/FieldLimits.cs) turns red while the text is longer, before any save. Nothing is cut:
// the server refuses a text that is too long with a message beside the field and keeps what was typed.
document.querySelectorAll("[data-limit]").forEach(field => {
  const hint = document.getElementById(field.id + "-limit");
  if (!hint) return;
  const limit = Number(field.dataset.limit);
  const check = () => {
    const over = field.value.length > limit;
    hint.classList.toggle("text-danger", over);
    hint.classList.toggle("text-muted", !over);
  };
  field.addEventListener("input", check);
  check();
});

// A wide table scrolls inside its own box on a small screen; a keyboard user must be able to scroll it too,
// so a box that does scroll takes the focus (tabindex) like any other scrolling region.
const scrollables = () => document.querySelectorAll(".table-responsive").forEach(box => {
  if (box.scrollWidth > box.clientWidth) box.tabIndex = 0;
  else box.removeAttribute("tabindex");
});
scrollables();
window.addEventListener("resize", scrollables);

// A form whose work takes a while (data-busy: an import's save, seconds for thousands of rows) says, once sent, that
// it is working, in the page's words (its hidden data-busy-text), and its button cannot send it a second time
// meanwhile. Listened for on the document, so that a form shown by another script (an import's preview, js/upload.js)
// is handled too. The button is disabled once the form has gone: a disabled button's name and value would not be sent.
document.addEventListener("submit", event => {
  const form = event.target;
  if (!(form instanceof HTMLFormElement) || !form.hasAttribute("data-busy") || event.defaultPrevented) return;
  form.setAttribute("aria-busy", "true");
  const status = form.querySelector("[data-busy-status]");
  if (status) status.textContent = form.querySelector("[data-busy-text]")?.textContent ?? "";
  setTimeout(() => form.querySelectorAll("button[type=submit]").forEach(button => button.disabled = true), 0);
});
// Back to a page kept by the browser as it was left: its form may be sent again.
window.addEventListener("pageshow", event => {
  if (!event.persisted) return;
  document.querySelectorAll("form[data-busy]").forEach(form => {
    form.removeAttribute("aria-busy");
    form.querySelectorAll("button[type=submit]").forEach(button => button.disabled = false);
    const status = form.querySelector("[data-busy-status]");
    if (status) status.textContent = "";
  });
});
