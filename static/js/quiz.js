// Enhancement only: the form works without this. Saves an answer the moment it is chosen,
// without a page load, and says so in a polite live region; the button still saves and moves on.
(function () {
  var form = document.getElementById("answer-form");
  if (!form || !window.fetch || !window.FormData) return;
  var status = document.getElementById(form.getAttribute("data-save-status"));
  function say(text) { if (status) status.textContent = text; }
  form.addEventListener("change", function (event) {
    if (event.target.type !== "radio") return;
    if (form.querySelector("input[name=rating]") && !form.querySelector("input[name=rating]:checked")) return;
    say("Saving…");
    fetch(form.action, {
      method: "POST",
      body: new FormData(form),
      headers: { "Accept": "application/json" },
      credentials: "same-origin"
    }).then(function (response) {
      return response.json().then(function (data) {
        if (data.saved) say("Your answer is saved.");
        else if (data.closed) window.location.reload();
        else say("Not saved yet: press the button to save.");
      });
    }).catch(function () { say("Not saved yet: press the button to save."); });
  });
})();
