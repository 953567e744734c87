/*
 * ogp-wagtail comments: small enhancements; everything works without them.
 * - a characters-left counter under each comment box (announced politely);
 * - focus moves to the status message after posting, so it is read out.
 */
(function () {
  "use strict";

  function counter(textarea) {
    var max = parseInt(textarea.getAttribute("maxlength"), 10);
    if (!max) return;
    var output = document.createElement("p");
    output.className = "ogp-comments__counter";
    output.setAttribute("aria-live", "polite");
    output.id = textarea.id + "-counter";
    textarea.insertAdjacentElement("afterend", output);
    var timer = null;
    function update() {
      var left = max - textarea.value.length;
      // The label comes translated from the template.
      output.textContent = (textarea.getAttribute("data-ogp-counter-label") || "") + " " + left;
    }
    textarea.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(update, 400);
    });
    update();
  }

  function init() {
    var boxes = document.querySelectorAll("textarea[data-ogp-comment-body]");
    for (var i = 0; i < boxes.length; i++) counter(boxes[i]);
    var status = document.getElementById("ogp-comments-status");
    if (status && status.textContent.trim() && window.location.hash === "#ogp-comments-status") {
      status.focus();
    }
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
