/// The one script of every page: on a phone, the main menu folds behind a Menu button so that
/// the header does not take a third of the screen. Without JavaScript the menu simply shows.
enum SiteScript {
    static let path = "/assets/site.js"

    static let source = #"""
        (function () {
          "use strict";
          var header = document.querySelector(".site-header");
          var toggle = document.querySelector(".menu-toggle");
          if (!header || !toggle) { return; }
          var narrow = window.matchMedia("(max-width: 48rem)");
          function fold(folded) {
            header.classList.toggle("folded", folded);
            toggle.setAttribute("aria-expanded", folded ? "false" : "true");
          }
          toggle.hidden = false;
          fold(narrow.matches);
          toggle.addEventListener("click", function () { fold(!header.classList.contains("folded")); });
          narrow.addEventListener("change", function (event) { fold(event.matches); });
        })();
        """#
}
