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
