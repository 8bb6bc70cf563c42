// Enhancement only. After a failed submit, take keyboard and screen-reader users to the
// list of problems.
(function () {
  var summary = document.querySelector(".error-summary[tabindex='-1']");
  if (summary) summary.focus();
})();
