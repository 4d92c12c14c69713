/// The workbench's only script (served as a file: the CSP forbids inline scripts). It makes the matter form
/// recompose as soon as an answer changes, lets the print buttons print, and makes the author's list of problems
/// focus the field each concerns (opening a folded form around it), and puts the focus in a refused form; every page
/// works without it.
enum WorkbenchScript {
    static let text = """
        "use strict";
        document.addEventListener("DOMContentLoaded", function () {
          var form = document.getElementById("answers");
          if (form) {
            form.addEventListener("change", function (event) {
              if (event.target && event.target.name && event.target.type !== "date" && event.target.type !== "time") {
                form.submit();
              }
            });
            var button = form.querySelector("button[type=submit]");
            if (button) { button.classList.add("js-optional"); }
          }
          document.querySelectorAll("a[data-focus]").forEach(function (link) {
            link.addEventListener("click", function (event) {
              var field = document.getElementById(link.getAttribute("data-focus"));
              if (!field) { return; }
              event.preventDefault();
              for (var up = field.parentElement; up; up = up.parentElement) {
                if (up.tagName === "DETAILS") { up.open = true; }
              }
              field.scrollIntoView({ block: "center" });
              field.focus({ preventScroll: true });
            });
          });
          var refused = document.getElementById("refusal-at");
          if (refused) {
            var control = document.querySelector("[aria-describedby=refusal-at]");
            if (control) {
              control.scrollIntoView({ block: "center" });
              control.focus({ preventScroll: true });
            }
          }
          document.querySelectorAll("[data-print]").forEach(function (el) {
            el.addEventListener("click", function (event) { event.preventDefault(); window.print(); });
          });
        });

        """
}
