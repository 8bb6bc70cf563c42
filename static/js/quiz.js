// Enhancement only: the form works without this. Saves an answer the moment it is chosen,
// without a page load, and says honestly in a polite live region whether it is saved.
// One save at a time, so the answer chosen last is the one that stays; a save that fails is
// kept and sent again when the connection is back; the button waits for it.
(function () {
  var form = document.getElementById("answer-form");
  if (!form || !window.fetch || !window.FormData) return;
  var status = document.getElementById(form.getAttribute("data-save-status"));
  if (!status) return;
  var count = document.getElementById("answered-count");
  var OFFLINE = "Not saved: you are offline, your answer will be sent when you are back.";
  var FAILED = "Not saved: the connection failed. Trying again…";
  var STUCK = "Not saved: press the button below to save it (you may need to sign in again).";
  var wanted = null;    // { body, words }: chosen last and not confirmed yet
  var sending = false;
  var closed = false;
  var stuck = false;    // an answer the server did not take as JSON: leave it to the button
  var submitAfter = false;
  var retry = null;
  var delay = 1000;

  function show(text, state) {
    status.textContent = text;
    status.setAttribute("data-state", state);
    status.className = "save-status save-status-" + state;
  }

  // The answer in the words the officer chose it by, as the page labels it.
  function words() {
    var names = [];
    form.querySelectorAll("input[type=radio]:checked").forEach(function (input) {
      var label = form.querySelector("label[for='" + input.id + "']");
      if (label) names.push(label.textContent.trim());
    });
    return names.join(", ");
  }

  // The page's "You have answered N of M" counts this question once it is first saved here.
  function countThisQuestion() {
    if (!count || count.getAttribute("data-this-answered") !== "no") return;
    count.textContent = String(parseInt(count.textContent, 10) + 1);
    count.setAttribute("data-this-answered", "yes");
  }

  function complete() {
    var needed = form.querySelector("input[name=rating]") ? "rating" : "choice";
    return !!form.querySelector("input[name=" + needed + "]:checked");
  }

  function refuse(data) {
    closed = true;
    wanted = null;
    show(data.message || "Not saved: this attempt is closed.", "refused");
    if (data.review_url) {
      var link = document.createElement("a");
      link.href = data.review_url;
      link.textContent = "See your result";
      status.appendChild(document.createTextNode(" "));
      status.appendChild(link);
    }
    form.querySelectorAll("input, button").forEach(function (el) { el.disabled = true; });
  }

  function failed() {
    if (!navigator.onLine) { show(OFFLINE, "offline"); return; }  // the online event resends
    show(FAILED, "failed");
    clearTimeout(retry);
    retry = setTimeout(send, delay);
    delay = Math.min(delay * 2, 30000);
  }

  function send() {
    if (sending || closed || !wanted) return;
    var answer = wanted;
    wanted = null;
    sending = true;
    show("Saving…", "saving");
    fetch(form.action, {
      method: "POST",
      body: answer.body,
      headers: { "Accept": "application/json" },
      credentials: "same-origin"
    }).then(function (response) {
      var type = response.headers.get("Content-Type") || "";
      if (type.indexOf("application/json") === -1) {
        // A sign-in page or a server error page: not saved, whatever the status says.
        return { stuck: response.status < 500 };
      }
      return response.json().then(function (data) { return { status: response.status, data: data }; });
    }).then(function (result) {
      sending = false;
      var data = result.data || {};
      if (data.saved) {
        delay = 1000;
        if (wanted) { send(); return; }  // a newer choice waited for this one
        show("Saved: “" + answer.words + "”.", "saved");
        countThisQuestion();
        if (submitAfter) form.submit();
        return;
      }
      if (data.closed) { refuse(data); return; }
      if (result.status === 400) {  // the answer itself was refused: sending it again won't help
        if (wanted) send(); else show("Not saved: " + (data.message || "choose an answer."), "invalid");
        return;
      }
      if (!wanted) wanted = answer;
      if (result.stuck) { stuck = true; submitAfter = false; show(STUCK, "failed"); return; }
      failed();
    }).catch(function () {
      sending = false;
      if (!wanted) wanted = answer;  // keep it, unless the officer has chosen again since
      failed();
    });
  }

  form.addEventListener("change", function (event) {
    if (event.target.type !== "radio" || closed || !complete()) return;
    wanted = { body: new FormData(form), words: words() };
    stuck = false;
    if (sending) { show("Saving…", "saving"); return; }  // sent as soon as the save before it ends
    clearTimeout(retry);
    delay = 1000;
    send();
  });

  // The button posts the form as ever, but never ahead of a save still on its way: that could
  // overwrite a newer answer with an older one, or fail offline and lose the page.
  form.addEventListener("submit", function (event) {
    if (closed || stuck || !(sending || wanted)) return;
    event.preventDefault();
    submitAfter = true;
    if (!navigator.onLine) show(OFFLINE, "offline");
  });

  window.addEventListener("online", function () {
    clearTimeout(retry);
    delay = 1000;
    send();
  });
  window.addEventListener("offline", function () {
    if (wanted && !sending) show(OFFLINE, "offline");
  });
})();
