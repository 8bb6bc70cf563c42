// Enhancement only: the form works without this. Shows the questions that apply to the
// chosen topic as soon as it is chosen, instead of after a round trip.
(function () {
  var form = document.getElementById("draft-check-form");
  if (!form) return;
  var topic = form.querySelector("select[name=topic]");
  var button = form.querySelector("button[type=submit]");
  function update() {
    var slug = topic.value;
    form.querySelectorAll("[data-applies-to]").forEach(function (el) {
      var applies = el.getAttribute("data-applies-to");
      var show = slug !== "" && (applies === "*" || applies.split(" ").indexOf(slug) !== -1);
      el.hidden = !show;
    });
    var marker = form.querySelector("input[name=questions_for]");
    if (!marker) {
      marker = document.createElement("input");
      marker.type = "hidden";
      marker.name = "questions_for";
      form.appendChild(marker);
    }
    marker.value = slug;
    if (slug) button.textContent = button.getAttribute("data-label-check");
  }
  topic.addEventListener("change", function () { update(); updateImage(); });
  var image = form.querySelectorAll("input[name=image]");
  var authorised = form.querySelector("[data-applies-to] #id_image_release_authorised");
  function updateImage() {
    if (!authorised) return;
    var chosen = form.querySelector("input[name=image]:checked");
    authorised.closest(".question").hidden = !chosen || (chosen.value !== "suspect" && chosen.value !== "custody") || topic.value === "";
  }
  image.forEach(function (el) { el.addEventListener("change", updateImage); });
  update();
  updateImage();
})();
