/**
 * The in-app snippet a product's pages load from `/v1/in-app/snippet.js`:
 *
 *     <script src="https://touchpoint.example.com/v1/in-app/snippet.js"></script>
 *     <script>Touchpoint.inApp({ writeKey: 'wk_...', userId: 'ann' });</script>
 *
 * It fetches the contact's open messages, shows them one at a time as a card in the corner
 * (title, HTML body, a close button), marks each seen when shown and dismissed when closed.
 * Plain ES2017, no dependencies; the host defaults to where the snippet was loaded from.
 * `Touchpoint.inApp` returns a promise of the messages it found, for pages that show them
 * their own way (`{ render: false }`).
 */
export const IN_APP_SNIPPET = `(function () {
  'use strict';
  var here = document.currentScript && document.currentScript.src ? new URL(document.currentScript.src).origin : '';
  function post(host, path, body) {
    return fetch(host + path, { method: 'POST', headers: { 'Content-Type': 'text/plain' }, body: JSON.stringify(body), keepalive: true });
  }
  function card(message, done) {
    var box = document.createElement('div');
    box.setAttribute('role', 'dialog');
    box.setAttribute('aria-label', message.title);
    box.className = 'touchpoint-in-app';
    box.style.cssText = 'position:fixed;right:16px;bottom:16px;max-width:360px;z-index:2147483647;background:#fff;color:#1f2937;' +
      'border-radius:8px;box-shadow:0 8px 24px rgba(0,0,0,.18);padding:16px 40px 16px 16px;font:14px/1.45 system-ui,sans-serif';
    var title = document.createElement('strong');
    title.textContent = message.title;
    title.style.cssText = 'display:block;margin-bottom:6px;font-size:15px';
    var body = document.createElement('div');
    body.innerHTML = message.body;
    var close = document.createElement('button');
    close.type = 'button';
    close.setAttribute('aria-label', 'Close');
    close.textContent = '\\u00d7';
    close.style.cssText = 'position:absolute;top:8px;right:8px;border:0;background:none;font-size:20px;line-height:1;cursor:pointer;color:#6b7280';
    close.addEventListener('click', function () { box.remove(); done(); });
    box.appendChild(title);
    box.appendChild(body);
    box.appendChild(close);
    document.body.appendChild(box);
  }
  function inApp(options) {
    var host = (options.host || here).replace(/\\/$/, '');
    var who = options.userId ? { userId: options.userId } : { anonymousId: options.anonymousId };
    var query = '?writeKey=' + encodeURIComponent(options.writeKey) + (who.userId ? '&userId=' + encodeURIComponent(who.userId) : '&anonymousId=' + encodeURIComponent(who.anonymousId));
    var mark = function (id, as) {
      return post(host, '/v1/in-app/messages/' + encodeURIComponent(id) + '/' + as, Object.assign({ writeKey: options.writeKey }, who));
    };
    return fetch(host + '/v1/in-app/messages' + query)
      .then(function (response) { return response.ok ? response.json() : { messages: [] }; })
      .then(function (data) {
        var messages = data.messages || [];
        if (options.render === false) return { messages: messages, seen: function (id) { return mark(id, 'seen'); }, dismiss: function (id) { return mark(id, 'dismissed'); } };
        var next = function (i) {
          if (i >= messages.length) return;
          mark(messages[i].id, 'seen');
          card(messages[i], function () { mark(messages[i].id, 'dismissed'); next(i + 1); });
        };
        next(0);
        return { messages: messages };
      });
  }
  window.Touchpoint = Object.assign(window.Touchpoint || {}, { inApp: inApp });
})();
`;
