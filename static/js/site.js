// Enhancement only. After a failed submit, take keyboard and screen-reader users to the
// list of problems.
(function () {
  var summary = document.querySelector(".error-summary[tabindex='-1']");
  if (summary) { summary.focus(); return; }
  // A verdict that has just appeared is what the officer came for: read it first.
  var verdict = document.querySelector(".verdict[tabindex='-1']");
  if (verdict) { verdict.focus(); return; }
  // So is a suggestion from a pasted draft: what the words suggest, to check.
  var suggestion = document.querySelector(".suggestion[tabindex='-1']");
  if (suggestion) suggestion.focus();
})();
