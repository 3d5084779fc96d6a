/*!
 * Docker 知识库 embed helper — resizes iframes of docker-kb pages to their content.
 *
 *   <iframe src="https://docker-kb.github.io/guide/why?embed=1" title="…" width="100%" height="480" style="border:0"></iframe>
 *   <script async src="https://docker-kb.github.io/embed.js"></script>
 *
 * The embedded page posts { type: 'docker-kb:height', height, id } to its parent whenever its
 * height changes. This script accepts such a message only from the window of one of this page's
 * iframes, and only when the message's origin is that iframe's src origin — or "null", the
 * origin of every sandboxed iframe without allow-same-origin (the browser gives such a frame an
 * opaque origin, so its messages can never carry the src origin; the window check still ties the
 * message to that one iframe). It sets that iframe's height and does nothing else (no other
 * message is read, nothing is executed). Load it once; iframes added later are handled too.
 * Documentation: /about/embed on the site.
 */
;(function () {
  'use strict'
  if (window.__dockerKbEmbed) return
  window.__dockerKbEmbed = true
  var TYPE = 'docker-kb:height'
  var MAX = 100000

  function originOf(frame) {
    try {
      return new URL(frame.getAttribute('src') || frame.src, document.baseURI).origin
    } catch (e) {
      return null
    }
  }

  window.addEventListener('message', function (event) {
    var data = event.data
    if (!data || typeof data !== 'object' || data.type !== TYPE) return
    var height = Number(data.height)
    if (!isFinite(height) || height <= 0 || height > MAX) return
    var frames = document.getElementsByTagName('iframe')
    for (var i = 0; i < frames.length; i++) {
      var frame = frames[i]
      if (frame.contentWindow !== event.source) continue
      if (event.origin !== 'null' && originOf(frame) !== event.origin) return
      frame.style.height = Math.ceil(height) + 'px'
      frame.setAttribute('data-docker-kb-height', String(Math.ceil(height)))
      return
    }
  })
})()
