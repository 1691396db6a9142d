/// The rater form's progressive enhancement: each change is saved as the rater makes it.
///
/// Changes wait in localStorage until the server confirms them, so closing the browser or
/// losing the network loses nothing: the queue is replayed when the page opens again or the
/// connection returns. Without JavaScript the form's Save and Submit buttons do the same job.
enum RaterFormScript {
    static let path = "/assets/rater-form.js"

    static let source = #"""
        (function () {
          "use strict";
          var form = document.querySelector("form[data-autosave]");
          if (!form) { return; }
          var url = form.getAttribute("data-autosave");
          var key = "acumen-pending:" + url;
          var status = document.getElementById("save-status");
          var timers = {};
          function pending() {
            try { return JSON.parse(localStorage.getItem(key) || "{}"); } catch (e) { return {}; }
          }
          function store(queue) {
            try { localStorage.setItem(key, JSON.stringify(queue)); } catch (e) { /* private mode: still posts */ }
          }
          // The page's language: its words come with the form, English when a page sends none.
          function words(name, english) { return form.getAttribute("data-msg-" + name) || english; }
          function say(text) { if (status) { status.textContent = text; } }
          function valueOf(input) {
            if (input.type === "checkbox") { return input.checked ? "on" : ""; }
            if (input.type === "radio") { return input.checked ? input.value : null; }
            return input.value;
          }
          var flushing = false;
          function flush() {
            var queue = pending();
            var names = Object.keys(queue);
            if (flushing || names.length === 0) { return; }
            flushing = true;
            var name = names[0];
            var body = new URLSearchParams();
            body.set("name", name);
            body.set("value", queue[name]);
            // Signed-in forms (scorecards) carry the CSRF token; link forms do not need one.
            var csrf = form.querySelector("input[name=_csrf]");
            if (csrf) { body.set("_csrf", csrf.value); }
            say(words("saving", "Saving…"));
            fetch(url, { method: "POST", body: body, credentials: "same-origin", headers: { "Accept": "application/json" } })
              .then(function (response) {
                flushing = false;
                var now = pending();
                if (response.ok || response.status === 422) {
                  if (now[name] === queue[name]) { delete now[name]; store(now); }
                  if (response.status === 422) { say(words("refused", "One answer could not be saved; it will be checked when you submit.")); }
                  return response.ok && response.status !== 204 ? response.json() : null;
                }
                if (response.status === 404 || response.status === 409 || response.status === 410) {
                  say(words("stopped", "Saving stopped: reload the page to see why."));
                  return null;
                }
                throw new Error("status " + response.status);
              })
              .then(function (result) {
                if (result && result.competency && result.derivedLevel) {
                  var target = document.getElementById("derived-" + result.competency);
                  if (target) {
                    target.textContent = words("from-ticks", "From your ticks: {explanation}")
                      .replace("{explanation}", function () { return result.derivedLevel; });
                  }
                }
                if (Object.keys(pending()).length === 0) { say(words("saved", "All changes saved.")); } else { flush(); }
              })
              .catch(function () {
                flushing = false;
                say(words("offline", "Not saved yet: your answers are kept on this device and will be saved when the connection is back."));
                setTimeout(flush, 5000);
              });
          }
          function queueChange(input) {
            var value = valueOf(input);
            // The form's controls (its buttons' intent, the CSRF token, the language list) are not answers.
            if (value === null || !input.name || ["intent", "_csrf", "language"].indexOf(input.name) >= 0) { return; }
            var queue = pending();
            queue[input.name] = value;
            store(queue);
            flush();
          }
          // The answered count beside the save state: an item counts once anything in it is chosen.
          var count = document.getElementById("progress-count");
          function recount() {
            if (!count) { return; }
            var items = form.querySelectorAll(".question, .competency-form");
            var answered = 0;
            Array.prototype.forEach.call(items, function (item) {
              var chosen = item.querySelector("input[type=radio]:checked, input[type=checkbox]:checked");
              var level = item.querySelector("select[name^='override:']");
              if (chosen || (level && level.value)) { answered += 1; }
            });
            count.textContent = words("progress", "{answered} of {total} answered")
              .replace("{answered}", answered.toLocaleString(document.documentElement.lang))
              .replace("{total}", Number(count.getAttribute("data-total")).toLocaleString(document.documentElement.lang));
          }
          form.addEventListener("change", function (event) { queueChange(event.target); recount(); });
          form.addEventListener("input", function (event) {
            var input = event.target;
            if (input.tagName !== "TEXTAREA") { return; }
            clearTimeout(timers[input.name]);
            timers[input.name] = setTimeout(function () { queueChange(input); }, 800);
          });
          window.addEventListener("online", flush);
          // Answers typed before the browser closed, not yet confirmed: put them back and send them.
          var queue = pending();
          Object.keys(queue).forEach(function (name) {
            Array.prototype.forEach.call(form.elements, function (input) {
              if (input.name !== name) { return; }
              if (input.type === "checkbox") { input.checked = queue[name] === "on"; }
              else if (input.type === "radio") { input.checked = input.value === queue[name]; }
              else { input.value = queue[name]; }
            });
          });
          form.addEventListener("submit", function () { localStorage.removeItem(key); });
          recount();
          flush();
        })();
        """#
}
