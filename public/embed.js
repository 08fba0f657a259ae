/* global window, document, URL */
/*
 * Mentoria XMESS: the application form, or the latest fitxes, embedded in another website.
 *
 *   <script src="https://mentoria.xmess.cat/embed.js" data-mentoria-form data-lang="ca" async></script>
 *   <script src="https://mentoria.xmess.cat/embed.js" data-mentoria-fitxes data-lang="ca" async></script>
 *   <script src="https://mentoria.xmess.cat/embed.js" data-mentoria-offer data-lang="ca" async></script>
 *
 * (data-mentoria-fitxes frames /fitxes/widget instead of /sollicitud; data-mentoria-offer, the call for
 * mentors, /oferta-mentoria.)
 * Puts an iframe of /sollicitud?embed=1 right after the script (or inside the element that
 * `data-target="#id"` names) and keeps its height equal to the form's, so that the form never
 * scrolls inside the page. Only messages from the form's own origin and from that iframe are read.
 * The host page's origin must be listed in the app's EMBED_ORIGINS, or the browser refuses the frame.
 */
;(function () {
  'use strict'

  var TITLES = {
    ca: 'Formulari de sol·licitud de mentoria de la XMESS',
    es: 'Formulario de solicitud de mentoría de la XMESS',
    en: 'XMESS mentoring application form',
  }
  var FITXES_TITLES = {
    ca: 'Darreres fitxes de mentoria de la XMESS',
    es: 'Últimas fichas de mentoría de la XMESS',
    en: 'Latest XMESS mentoring fitxes',
  }
  var OFFER_TITLES = {
    ca: "Formulari d'oferta de mentoria de la XMESS",
    es: 'Formulario de oferta de mentoría de la XMESS',
    en: 'XMESS mentor offer form',
  }
  var HEIGHT = 'mentoria-xmess:height'
  var SCROLL = 'mentoria-xmess:scroll'

  // Shared by every copy of this script on the page: one listener, all the frames.
  var frames = (window.__mentoriaXmessFrames = window.__mentoriaXmessFrames || [])

  function setUp(script) {
    if (script.getAttribute('data-mentoria-ready')) return
    script.setAttribute('data-mentoria-ready', '1')

    var source = new URL(script.src, window.location.href)
    var lang = script.getAttribute('data-lang')
    if (!TITLES[lang]) lang = 'ca'

    var fitxes = script.hasAttribute('data-mentoria-fitxes')
    var offer = !fitxes && script.hasAttribute('data-mentoria-offer')
    var query = 'embed=1&lang=' + lang + '&origin=' + encodeURIComponent(window.location.origin)
    var iframe = document.createElement('iframe')
    iframe.src =
      source.origin +
      (fitxes ? '/fitxes/widget?' : offer ? '/oferta-mentoria?' : '/sollicitud?') +
      query
    iframe.title = (fitxes ? FITXES_TITLES : offer ? OFFER_TITLES : TITLES)[lang]
    iframe.setAttribute('data-mentoria-frame', '')
    iframe.style.display = 'block'
    iframe.style.width = '100%'
    iframe.style.border = '0'
    iframe.style.height =
      (Number(script.getAttribute('data-height')) || (fitxes ? 480 : 1600)) + 'px'

    var target = script.getAttribute('data-target')
    var container = target ? document.querySelector(target) : null
    if (container) container.appendChild(iframe)
    else script.parentNode.insertBefore(iframe, script.nextSibling)

    frames.push({ iframe: iframe, origin: source.origin })
  }

  function onMessage(event) {
    for (var i = 0; i < frames.length; i++) {
      var frame = frames[i]
      if (event.origin !== frame.origin || event.source !== frame.iframe.contentWindow) continue
      var data = event.data
      if (!data || typeof data !== 'object') return
      if (data.type === HEIGHT) {
        var height = Math.ceil(Number(data.height))
        if (height > 0 && height < 100000) frame.iframe.style.height = height + 'px'
      } else if (data.type === SCROLL) {
        var top = frame.iframe.getBoundingClientRect().top
        if (top < 0 || top > window.innerHeight) frame.iframe.scrollIntoView({ block: 'start' })
      }
      return
    }
  }

  function start() {
    var scripts = document.querySelectorAll(
      'script[data-mentoria-form], script[data-mentoria-fitxes], script[data-mentoria-offer]',
    )
    for (var i = 0; i < scripts.length; i++) setUp(scripts[i])
  }

  if (!window.__mentoriaXmessListening) {
    window.__mentoriaXmessListening = true
    window.addEventListener('message', onMessage)
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start)
  else start()
})()
