/* Inside the embeddable progress widget: tell the page that frames it how tall the content
   is, whenever that changes, so the frame can follow it (ogp-embed-host.js on that page).
   Only a height is sent, to any origin: it reveals nothing the widget does not show. */
(function () {
  "use strict";
  if (window.parent === window) {
    return;
  }
  var MESSAGE = "ogp-embed:height";
  var sent = 0;

  function contentHeight() {
    return Math.ceil(document.documentElement.getBoundingClientRect().height);
  }

  function send(force) {
    var height = contentHeight();
    if (force || height !== sent) {
      sent = height;
      window.parent.postMessage({ type: MESSAGE, height: height }, "*");
    }
  }

  // The host script may load after the first report: it asks, and is answered.
  window.addEventListener("message", function (event) {
    if (event.source === window.parent && event.data && event.data.type === "ogp-embed:ask") {
      send(true);
    }
  });
  if ("ResizeObserver" in window) {
    new ResizeObserver(function () {
      send(false);
    }).observe(document.documentElement);
  }
  window.addEventListener("load", function () {
    send(true);
  });
  send(true);
})();
