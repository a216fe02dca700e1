// The upload form of an attachments page, with a progress bar. Without script the form posts as it is and
// the page answers the same way; with it, the file goes by XMLHttpRequest (whose upload reports progress)
// and the page that comes back (the list with the new file, or the form with the refusal beside the field)
// replaces the main content. A file over the limit is refused here before a byte is sent.
(function () {
  function wire(root) {
    var form = root.querySelector("#upload-form");
    if (!form || !window.XMLHttpRequest || !window.FormData || !window.DOMParser) return;
    var input = form.querySelector("input[type=file]");
    var progress = form.querySelector("#upload-progress");
    var status = form.querySelector("#upload-status");
    var error = form.querySelector("#file-error");
    var button = form.querySelector("button[type=submit]");
    var max = Number(form.dataset.maxBytes);

    form.addEventListener("submit", function (event) {
      var file = input.files && input.files[0];
      if (!file) return;
      if (max && file.size > max) {
        event.preventDefault();
        error.textContent = document.getElementById('upload-too-large').textContent;
        input.classList.add("is-invalid");
        return;
      }
      event.preventDefault();
      var request = new XMLHttpRequest();
      request.open("POST", form.action);
      request.upload.addEventListener("progress", function (e) {
        if (!e.lengthComputable) return;
        var percent = Math.round(e.loaded * 100 / e.total);
        progress.value = percent;
        progress.textContent = percent + "%";
        status.textContent = percent + "%";
      });
      request.addEventListener("load", function () {
        var page = new DOMParser().parseFromString(request.responseText, "text/html");
        var main = page.querySelector("main");
        if (!main) { status.textContent = document.getElementById('upload-failed').textContent; button.disabled = false; return; }
        document.querySelector("main").replaceWith(main);
        document.title = page.title;
        if (request.responseURL && request.responseURL !== window.location.href) history.replaceState(null, "", request.responseURL);
        wire(main);
        var focus = main.querySelector("#flash, #error-summary");
        if (focus) { focus.setAttribute("tabindex", "-1"); focus.focus(); }
      });
      request.addEventListener("error", function () {
        status.textContent = document.getElementById('upload-failed').textContent;
        button.disabled = false;
        progress.hidden = true;
      });
      progress.hidden = false;
      progress.value = 0;
      button.disabled = true;
      request.send(new FormData(form));
    });
  }
  wire(document);
})();
