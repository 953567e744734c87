/* On a site that embeds ogp-wagtail progress widgets: give each frame marked
   data-ogp-embed the height its content reports (ogp-embed-frame.js), so nothing is cut
   on a phone and no inner scroll bar appears. Without this script the frames keep the
   height written in the embed code and scroll. Messages are believed only from the frame
   they name and from the origin of its address. */
(function () {
  "use strict";
  if (window.ogpEmbedHost) {
    return;
  }
  window.ogpEmbedHost = true;
  var MAX_HEIGHT = 20000;

  function frames() {
    return document.querySelectorAll("iframe[data-ogp-embed]");
  }

  function originOf(frame) {
    try {
      return new URL(frame.src, window.location.href).origin;
    } catch (error) {
      return null;
    }
  }

  window.addEventListener("message", function (event) {
    var data = event.data;
    if (!data || data.type !== "ogp-embed:height" || typeof data.height !== "number") {
      return;
    }
    var list = frames();
    for (var i = 0; i < list.length; i++) {
      var frame = list[i];
      if (frame.contentWindow === event.source && originOf(frame) === event.origin) {
        var height = Math.ceil(data.height);
        if (height > 0 && height <= MAX_HEIGHT) {
          frame.style.height = height + "px";
        }
        return;
      }
    }
  });

  // Frames that reported before this script ran are asked again.
  function ask() {
    var list = frames();
    for (var i = 0; i < list.length; i++) {
      var origin = originOf(list[i]);
      if (origin && list[i].contentWindow) {
        list[i].contentWindow.postMessage({ type: "ogp-embed:ask" }, origin);
      }
    }
  }
  ask();
  var list = frames();
  for (var i = 0; i < list.length; i++) {
    list[i].addEventListener("load", ask);
  }
})();
