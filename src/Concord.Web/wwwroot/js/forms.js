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
