/// The workbench's only script (served as a file: the CSP forbids inline scripts). It makes the matter form
/// recompose as soon as an answer changes and lets the print buttons print; every page works without it.
enum WorkbenchScript {
    static let text = """
        "use strict";
        document.addEventListener("DOMContentLoaded", function () {
          var form = document.getElementById("answers");
          if (form) {
            form.addEventListener("change", function (event) {
              if (event.target && event.target.name && event.target.type !== "date") { form.submit(); }
            });
            var button = form.querySelector("button[type=submit]");
            if (button) { button.classList.add("js-optional"); }
          }
          document.querySelectorAll("[data-print]").forEach(function (el) {
            el.addEventListener("click", function (event) { event.preventDefault(); window.print(); });
          });
        });

        """
}
