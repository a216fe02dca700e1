// The "choose several" fields (Features/Shared/_Picker.cshtml). Without this script they are ticked boxes in
// a closed list; with it, a search box above the list filters it as one types (without accents: "dao tao"
// finds "Đào tạo"), opens the list, and says how many match. Down arrow from the box goes to the first match;
// Enter in the box ticks the only match instead of sending the form.
(() => {
  const fold = s => s.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/đ/g, "d").replace(/Đ/g, "d").toLowerCase();
  document.querySelectorAll("[data-picker]").forEach(picker => {
    const filterBox = picker.querySelector(".picker-filter");
    const input = filterBox.querySelector("input");
    const count = filterBox.querySelector("[role=status]");
    // The words "{0} found" in the page's language, written by the server beside the box.
    const found = filterBox.querySelector("[data-text=found]").textContent;
    const foundOne = filterBox.querySelector("[data-text=found-one]").textContent;
    const details = picker.querySelector("details");
    const items = [...picker.querySelectorAll(".picker-item")].map(label => ({ label, text: fold(label.textContent) }));
    const groups = [...picker.querySelectorAll(".picker-group")];
    filterBox.hidden = false;
    // The box sits inside the list; it is reachable as soon as the list opens.
    let timer;
    const visible = () => items.filter(i => !i.label.hidden);
    const apply = () => {
      const words = fold(input.value).split(/\s+/).filter(Boolean);
      items.forEach(i => { i.label.hidden = words.length > 0 && !words.every(w => i.text.includes(w)); });
      groups.forEach(g => { g.hidden = !g.querySelector(".picker-item:not([hidden])"); });
      const n = visible().length;
      count.textContent = words.length === 0 ? "" : (n === 1 ? foundOne : found).replace("{0}", n.toLocaleString());
    };
    input.addEventListener("input", () => { clearTimeout(timer); timer = setTimeout(apply, 120); });
    input.addEventListener("keydown", e => {
      if (e.key === "ArrowDown") {
        const first = visible()[0];
        if (first) { e.preventDefault(); first.label.querySelector("input").focus(); }
      } else if (e.key === "Enter") {
        e.preventDefault();
        apply();
        const shown = visible();
        if (shown.length === 1) shown[0].label.querySelector("input").click();
      } else if (e.key === "Escape" && input.value) {
        e.preventDefault();
        input.value = "";
        apply();
      }
    });
    // Up and down between the matches; up from the first goes back to the box.
    picker.querySelector(".picker-options").addEventListener("keydown", e => {
      if (e.key !== "ArrowDown" && e.key !== "ArrowUp") return;
      const boxes = visible().map(i => i.label.querySelector("input"));
      const at = boxes.indexOf(document.activeElement);
      if (at < 0) return;
      e.preventDefault();
      if (e.key === "ArrowDown" && at + 1 < boxes.length) boxes[at + 1].focus();
      else if (e.key === "ArrowUp") (at > 0 ? boxes[at - 1] : input).focus();
    });
    details.addEventListener("toggle", () => { if (details.open) input.focus(); });
  });
})();
