// A form that sends a file (data-upload: a record's attachments, a filled report template) shows how much of the
// file has gone, which on a slow link can take minutes, and then that the server is checking it. Without script the
// form posts as it is and the server answers the same way; with it, the file goes by XMLHttpRequest (whose upload
// reports progress) and the page that comes back replaces the main content: the same page (the list with the new
// file, or the form with the refusal beside the field) or the next one (an import's preview), which then takes a
// place in the history as after a plain post. A file over the limit (data-max-bytes) is refused here, before a byte
// is sent. The texts are the page's, in its language: hidden elements marked data-upload-text.
(function () {
  var pushed = false;

  function text(form, name) {
    var element = form.querySelector("[data-upload-text='" + name + "']");
    return element ? element.textContent : "";
  }

  function refuse(input, error, message) {
    error.textContent = message;
    input.classList.add("is-invalid");
    input.setAttribute("aria-invalid", "true");
    var described = (input.getAttribute("aria-describedby") || "").split(" ").filter(Boolean);
    if (error.id && described.indexOf(error.id) < 0) input.setAttribute("aria-describedby", described.concat(error.id).join(" "));
  }

  function wire(root) {
    root.querySelectorAll("form[data-upload]").forEach(function (form) {
      if (!window.XMLHttpRequest || !window.FormData || !window.DOMParser) return;
      var input = form.querySelector("input[type=file]");
      var progress = form.querySelector("[data-upload-progress]");
      var status = form.querySelector("[data-upload-status]");
      var error = form.querySelector("[data-upload-error]");
      var button = form.querySelector("button[type=submit]");
      var max = Number(form.dataset.maxBytes);

      form.addEventListener("submit", function (event) {
        var file = input.files && input.files[0];
        if (!file) return;
        event.preventDefault();
        if (max && file.size > max) {
          refuse(input, error, text(form, "too-large"));
          input.focus();
          return;
        }
        var request = new XMLHttpRequest();
        var failed = function () {
          status.textContent = text(form, "failed");
          button.disabled = false;
          form.removeAttribute("aria-busy");
          progress.hidden = true;
        };
        request.open("POST", form.action);
        request.upload.addEventListener("progress", function (e) {
          if (!e.lengthComputable) return;
          var percent = Math.round(e.loaded * 100 / e.total);
          progress.value = percent;
          progress.textContent = percent + "%";
          status.textContent = percent + "%";
        });
        // Every byte has gone: what is left is the server's reading of the file.
        request.upload.addEventListener("load", function () {
          progress.value = 100;
          progress.textContent = "100%";
          status.textContent = text(form, "checking");
        });
        request.addEventListener("load", function () {
          var page = new DOMParser().parseFromString(request.responseText, "text/html");
          var main = page.querySelector("main");
          if (!main) { failed(); return; }
          document.querySelector("main").replaceWith(main);
          document.title = page.title;
          var next = request.responseURL && request.responseURL !== window.location.href;
          if (next) {
            history.pushState(null, "", request.responseURL);
            pushed = true;
          }
          wire(main);
          // A new page is announced by its heading; the same page by what it says about the file.
          var focus = main.querySelector("#flash, #error-summary, [data-upload-error]:not(:empty)") || (next && main.querySelector("h1"));
          if (focus) { focus.setAttribute("tabindex", "-1"); focus.focus(); }
        });
        request.addEventListener("error", failed);
        progress.hidden = false;
        progress.value = 0;
        status.textContent = "0%";
        button.disabled = true;
        form.setAttribute("aria-busy", "true");
        request.send(new FormData(form));
      });
    });
  }

  // The page before a preview was shown by this script, not loaded: going back loads it again.
  window.addEventListener("popstate", function () { if (pushed) window.location.reload(); });
  wire(document);
})();
