// Turnaround agents' and supervisors' page. Plain JavaScript, no framework, no build step.
//
// Rules this file keeps:
// - Text from comments, authors, templates and the server goes into the page only through
//   textContent / DOM nodes, never innerHTML.
// - Every POST carries X-CSRF-Token (the session cookie is HttpOnly; the token comes from
//   /api/login or /api/me).
// - The queue refreshes every 10 s without losing the selection, the focus or the reply
//   being written (drafts are kept per item).
'use strict';

(function () {
  const REFRESH_MS = 10000;
  const LINT_DEBOUNCE_MS = 300;
  const PLATFORM_LIMITS = { facebook: 8000, instagram: 2200 };
  const LABELS = {
    wait_time: 'Wait time', billing: 'Billing', staff_attitude: 'Staff attitude',
    scheduling: 'Scheduling', communication: 'Communication', clinical_care: 'Clinical care',
    facilities: 'Facilities', privacy: 'Privacy', access: 'Access', other: 'Other',
    medical_emergency: 'Medical emergency', self_harm: 'Self-harm',
    threat_of_violence: 'Threat of violence', privacy_breach: 'Privacy breach',
    legal_threat: 'Legal threat', not_complaint: 'Not a complaint', spam: 'Spam',
    duplicate: 'Duplicate', handled_elsewhere: 'Handled elsewhere',
  };

  const state = {
    user: null,
    csrf: '',
    items: [],
    nextCursor: null,
    pages: 1,
    selectedId: null,
    detail: null,
    detailJson: '',
    suggestions: [],
    drafts: new Map(), // item id -> {text, templateId}
    findings: [],
    lintedText: null, // the text the findings are about
    lintSeq: 0,
    lintTimer: 0,
    refreshTimer: 0,
    platforms: new Set(['facebook', 'instagram']),
    busy: false,
    alerts: [],
    alertTimer: 0,
  };

  const $ = (id) => document.getElementById(id);

  // ---------- small DOM helpers (text only) ----------

  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    if (attrs) {
      for (const [k, v] of Object.entries(attrs)) {
        if (v === undefined || v === null || v === false) continue;
        if (k === 'class') node.className = v;
        else if (k === 'text') node.textContent = v;
        else if (k === 'dataset') Object.assign(node.dataset, v);
        else if (k.startsWith('on')) node.addEventListener(k.slice(2), v);
        else node.setAttribute(k, v === true ? '' : String(v));
      }
    }
    for (const c of children) {
      if (c === undefined || c === null || c === false) continue;
      node.append(c instanceof Node ? c : document.createTextNode(String(c)));
    }
    return node;
  }

  function clear(node) {
    while (node.firstChild) node.removeChild(node.firstChild);
  }

  function label(value) {
    if (!value) return '';
    return LABELS[value] || String(value).replace(/_/g, ' ');
  }

  function chip(text, cls) {
    return el('span', { class: 'chip ' + (cls || '') }, text);
  }

  // ---------- time ----------

  function parseTime(s) {
    if (!s) return NaN;
    const t = Date.parse(s);
    return Number.isNaN(t) ? NaN : t;
  }

  function span(ms) {
    const s = Math.max(0, Math.round(Math.abs(ms) / 1000));
    if (s < 60) return s + 's';
    const m = Math.floor(s / 60);
    if (m < 60) return m + 'm';
    const h = Math.floor(m / 60);
    if (h < 48) return h + 'h ' + (m % 60) + 'm';
    return Math.floor(h / 24) + 'd ' + (h % 24) + 'h';
  }

  function ageText(createdAt) {
    const t = parseTime(createdAt);
    return Number.isNaN(t) ? '' : span(Date.now() - t) + ' ago';
  }

  // SLA: {text, cls} for an item's due_at; closed items show no countdown.
  function slaFor(item) {
    if (item.first_response_at || !isOpen(item.state)) {
      return item.first_response_at ? { text: 'answered', cls: 'sla-ok' } : { text: '', cls: '' };
    }
    const due = parseTime(item.due_at);
    if (Number.isNaN(due)) return { text: '', cls: '' };
    const left = due - Date.now();
    if (left <= 0 || item.overdue) return { text: 'overdue ' + span(left), cls: 'sla-overdue' };
    return { text: 'due in ' + span(left), cls: left < 15 * 60000 ? 'sla-soon' : 'sla-ok' };
  }

  function isOpen(s) {
    return s === 'new' || s === 'claimed' || s === 'escalated' || s === 'replied';
  }

  function fmtTime(s) {
    const t = parseTime(s);
    if (Number.isNaN(t)) return '';
    return new Date(t).toLocaleString(undefined, {
      month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit',
    });
  }

  // ---------- UTF-8 byte offsets -> JS string indices ----------

  // Returns a function mapping a byte offset into the UTF-8 encoding of `text` to the
  // UTF-16 index of the character that starts at (or contains) that byte.
  function byteIndexMapper(text) {
    const starts = []; // byte offset of each code point
    const indices = []; // matching UTF-16 index
    let bytes = 0;
    for (let i = 0; i < text.length;) {
      const cp = text.codePointAt(i);
      starts.push(bytes);
      indices.push(i);
      bytes += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
      i += cp > 0xffff ? 2 : 1;
    }
    starts.push(bytes);
    indices.push(text.length);
    return function (offset) {
      if (!(offset > 0)) return 0;
      if (offset >= bytes) return text.length;
      // Last code point starting at or before offset (binary search).
      let lo = 0;
      let hi = starts.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (starts[mid] <= offset) lo = mid;
        else hi = mid - 1;
      }
      return indices[lo];
    };
  }

  // Builds `text` into `container` with the given byte spans wrapped in <mark>.
  // spans: [{begin, end, cls, title}] (byte offsets, may overlap).
  function renderHighlighted(container, text, spans) {
    clear(container);
    const toIndex = byteIndexMapper(text);
    const ranges = [];
    for (const s of spans) {
      const b = toIndex(Number(s.begin));
      let e = toIndex(Number(s.end));
      if (Number(s.end) > Number(s.begin) && e <= b) e = Math.min(text.length, b + 1);
      if (e > b) ranges.push({ b, e, cls: s.cls, title: s.title });
    }
    const cuts = new Set([0, text.length]);
    for (const r of ranges) {
      cuts.add(r.b);
      cuts.add(r.e);
    }
    const points = [...cuts].sort((a, b) => a - b);
    for (let i = 0; i + 1 < points.length; i++) {
      const a = points[i];
      const b = points[i + 1];
      const piece = text.slice(a, b);
      const covering = ranges.filter((r) => r.b <= a && r.e >= b);
      if (covering.length === 0) {
        container.append(document.createTextNode(piece));
      } else {
        const titles = [...new Set(covering.map((r) => r.title).filter(Boolean))];
        const classes = [...new Set(covering.map((r) => r.cls).filter(Boolean))];
        container.append(el('mark', { class: classes.join(' '), title: titles.join('\n') || null }, piece));
      }
    }
  }

  // ---------- API ----------

  class ApiError extends Error {
    constructor(status, body) {
      const e = (body && body.error) || {};
      super(e.message || ('request failed (HTTP ' + status + ')'));
      this.status = status;
      this.code = e.code || '';
      this.body = body;
      this.error = e;
    }
  }

  async function api(method, path, body) {
    const headers = { Accept: 'application/json' };
    const init = { method, headers, credentials: 'same-origin', cache: 'no-store' };
    if (method !== 'GET') {
      headers['Content-Type'] = 'application/json';
      if (state.csrf) headers['X-CSRF-Token'] = state.csrf;
      init.body = JSON.stringify(body || {});
    }
    let res;
    try {
      res = await fetch(path, init);
    } catch (err) {
      throw new ApiError(0, { error: { message: 'cannot reach the server (' + err.message + ')' } });
    }
    let data = null;
    const type = res.headers.get('Content-Type') || '';
    if (type.includes('application/json')) {
      try {
        data = await res.json();
      } catch (err) {
        data = null;
      }
    }
    if (!res.ok) {
      if (res.status === 401 && path !== '/api/login' && state.user) signedOut('Your session ended. Please sign in again.');
      throw new ApiError(res.status, data);
    }
    return data;
  }

  // ---------- messages ----------

  let bannerTimer = 0;
  function showMessage(text, kind) {
    const banner = $('banner');
    $('banner-text').textContent = text;
    banner.className = 'banner ' + (kind === 'ok' ? 'banner-ok' : 'banner-error');
    banner.hidden = false;
    clearTimeout(bannerTimer);
    if (kind === 'ok') bannerTimer = setTimeout(() => { banner.hidden = true; }, 4000);
  }

  function showError(err, what) {
    let msg = err && err.message ? err.message : String(err);
    if (err instanceof ApiError) {
      if (err.status === 409 && err.error.state && !msg.includes(err.error.state)) {
        msg += ' (the item is ' + err.error.state + ')';
      }
      if (err.status === 403 && !msg) msg = 'You are not allowed to do that.';
    }
    showMessage((what ? what + ': ' : '') + msg, 'error');
  }

  // ---------- sign in / out ----------

  function signedIn(data) {
    state.user = data.user;
    state.csrf = data.csrf_token || '';
    $('whoami').textContent = data.user.name + ' · ' + data.user.role;
    $('login-view').hidden = true;
    $('session-bar').hidden = false;
    const sup = canSeeReports();
    // Agents have one page: no tabs at all.
    $('tabs').hidden = !sup;
    $('tab-reports').hidden = !sup;
    $('tab-audit').hidden = !sup;
    for (const r of document.querySelectorAll('.sup-only')) r.hidden = !sup;
    audit.loaded = false;
    route();
    loadQueue({ reset: true });
    clearInterval(state.refreshTimer);
    state.refreshTimer = setInterval(() => {
      if (!document.hidden && !$('app-view').hidden) refresh();
    }, REFRESH_MS);
    startAlerts();
  }

  function signedOut(message) {
    clearInterval(state.refreshTimer);
    state.user = null;
    state.csrf = '';
    state.items = [];
    state.selectedId = null;
    state.detail = null;
    state.detailJson = '';
    // The next account must not see the last one's rows, even for a moment.
    clear($('queue-list'));
    rowNodes = new Map();
    clearInterval(rep.timer);
    stopAlerts();
    $('app-view').hidden = true;
    $('reports-view').hidden = true;
    $('audit-view').hidden = true;
    $('tabs').hidden = true;
    $('session-bar').hidden = true;
    clear($('audit-table').tBodies[0]);
    audit.loaded = false;
    $('login-view').hidden = false;
    $('login-error').textContent = message || '';
    $('login-password').value = '';
    $('login-username').focus();
  }

  async function onLogin(ev) {
    ev.preventDefault();
    const username = $('login-username').value.trim();
    const password = $('login-password').value;
    const errorBox = $('login-error');
    if (!username || !password) {
      errorBox.textContent = 'Enter your username and password.';
      return;
    }
    errorBox.textContent = '';
    $('login-submit').disabled = true;
    try {
      const data = await api('POST', '/api/login', { username, password });
      $('login-password').value = '';
      signedIn(data);
    } catch (err) {
      errorBox.textContent = err.status === 401 ? 'Wrong username or password.' : err.message;
    } finally {
      $('login-submit').disabled = false;
    }
  }

  async function onLogout() {
    try {
      await api('POST', '/api/logout', {});
    } catch (err) {
      // Signing out locally is what matters.
    }
    signedOut('You are signed out.');
  }

  // ---------- queue ----------

  function queueQuery(cursor) {
    const p = new URLSearchParams();
    const f = $('filters');
    for (const name of ['state', 'category', 'severity', 'platform']) {
      const v = f.elements[name].value;
      if (v) p.set(name, v);
    }
    if ($('f-mine').checked) p.set('assignee', 'me');
    if (cursor) p.set('cursor', cursor);
    p.set('limit', '50');
    return '/api/queue?' + p.toString();
  }

  async function fetchPages(pages) {
    let items = [];
    let cursor = null;
    let n = 0;
    do {
      const data = await api('GET', queueQuery(cursor));
      items = items.concat(data.items || []);
      cursor = data.next_cursor || null;
      n++;
    } while (cursor && n < pages);
    return { items, cursor, pages: n };
  }

  let loading = false;
  let reloadAgain = null; // options of a load asked for while one was in flight
  let rowNodes = new Map(); // item id -> { json: the item the row shows, li }
  async function loadQueue(opts) {
    if (loading) {
      reloadAgain = Object.assign({}, reloadAgain, opts);
      return;
    }
    loading = true;
    $('refresh-state').textContent = 'Refreshing…';
    try {
      const r = await fetchPages(opts && opts.reset ? 1 : state.pages);
      state.items = r.items;
      state.nextCursor = r.cursor;
      state.pages = r.pages;
      renderQueue();
      if (opts && opts.reset && state.selectedId === null && state.items.length && !isNarrow()) {
        select(state.items[0].id, { focusRow: false });
      }
      $('refresh-state').textContent = 'Updated ' + new Date().toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit', second: '2-digit' });
    } catch (err) {
      $('refresh-state').textContent = 'Refresh failed';
      if (err.status !== 401) showError(err, 'Queue');
    } finally {
      loading = false;
      if (reloadAgain) {
        const again = reloadAgain;
        reloadAgain = null;
        loadQueue(again);
      }
    }
  }

  async function loadMore() {
    if (!state.nextCursor) return;
    try {
      const data = await api('GET', queueQuery(state.nextCursor));
      state.items = state.items.concat(data.items || []);
      state.nextCursor = data.next_cursor || null;
      state.pages++;
      renderQueue();
    } catch (err) {
      showError(err, 'Queue');
    }
  }

  function refresh() {
    loadQueue({});
    if (state.selectedId !== null) loadItem(state.selectedId, { quiet: true });
  }

  function renderQueue() {
    const list = $('queue-list');
    const active = document.activeElement;
    const focusedId = active && active.dataset && active.dataset.itemId;
    for (const it of state.items) if (it.comment && it.comment.platform) state.platforms.add(it.comment.platform);
    syncPlatformFilter();

    // Rows are kept by item id and rebuilt only when their item changed, then moved only where
    // the order changed: a refresh every few seconds must not swap the node under an agent's
    // pointer or focus (a click landing mid-rebuild used to hit whichever row had just moved in).
    const scroll = list.scrollTop;
    const keep = new Map();
    for (const it of state.items) {
      const id = String(it.id);
      const json = JSON.stringify(it);
      const had = rowNodes.get(id);
      keep.set(id, had && had.json === json ? had : { json: json, li: renderRow(it) });
    }
    for (const [id, r] of rowNodes) {
      if (keep.get(id) !== r) r.li.remove();
    }
    let at = list.firstElementChild;
    for (const it of state.items) {
      const li = keep.get(String(it.id)).li;
      if (li === at) at = at.nextElementSibling;
      else list.insertBefore(li, at);
    }
    rowNodes = keep;
    markSelected();
    list.scrollTop = scroll;
    $('queue-count').textContent = state.items.length ? '(' + state.items.length + (state.nextCursor ? '+' : '') + ')' : '';
    $('queue-empty').hidden = state.items.length > 0;
    $('more-button').hidden = !state.nextCursor;
    if (focusedId) {
      const again = list.querySelector('[data-item-id="' + CSS.escape(focusedId) + '"]');
      if (again) again.focus({ preventScroll: true });
    }
  }

  // Marks the selected item's row (and only it); returns that row's button, if it is listed.
  function markSelected() {
    let found = null;
    for (const b of document.querySelectorAll('.row-button')) {
      const on = b.dataset.itemId === String(state.selectedId);
      b.classList.toggle('selected', on);
      if (on) b.setAttribute('aria-current', 'true');
      else b.removeAttribute('aria-current');
      if (on) found = b;
    }
    return found;
  }

  function renderRow(it) {
    const c = it.comment || {};
    const author = (c.author && (c.author.name || c.author.id)) || 'unknown';
    const sla = slaFor(it);
    const urgent = (it.urgent_reasons && it.urgent_reasons.length) || it.severity === 'urgent';
    // Which row is selected is marked by markSelected(), after every render and every select().
    const btn = el('button', {
      type: 'button',
      class: 'row-button' + (urgent ? ' is-urgent' : ''),
      dataset: { itemId: String(it.id) },
      onclick: () => select(it.id, { focusRow: true, scroll: true }),
    },
    el('span', { class: 'row-top' },
      urgent ? chip('Urgent', 'chip-urgent') : null,
      it.severity === 'urgent' ? null : chip(label(it.severity), 'sev sev-' + (it.severity || 'normal')),
      el('span', { class: 'row-author' }, author),
      el('span', { class: 'row-platform' }, c.platform || ''),
      el('span', { class: 'row-age', title: fmtTime(c.created_at || it.created_at) }, ageText(c.created_at || it.created_at))),
    el('span', { class: 'row-text' }, c.text || ''),
    el('span', { class: 'row-bottom' },
      el('span', { class: 'row-cat' }, label(it.category)),
      el('span', { class: 'chip state state-' + it.state }, label(it.state)),
      it.delivery_failed ? chip('not delivered', 'chip-urgent') : null,
      it.assignee ? el('span', { class: 'row-assignee', title: 'Assigned to ' + it.assignee }, '@' + it.assignee) : null,
      el('span', { class: 'sla ' + sla.cls, dataset: { sla: '1' } }, sla.text)));
    btn._item = it;
    return el('li', null, btn);
  }

  function syncPlatformFilter() {
    const sel = $('f-platform');
    const have = new Set([...sel.options].map((o) => o.value));
    for (const p of [...state.platforms].sort()) {
      if (!have.has(p)) sel.append(el('option', { value: p }, p.charAt(0).toUpperCase() + p.slice(1)));
    }
  }

  // Updates the countdowns in place every second.
  function tickClocks() {
    for (const b of document.querySelectorAll('.row-button')) {
      const it = b._item;
      if (!it) continue;
      const s = b.querySelector('[data-sla]');
      const sla = slaFor(it);
      if (s.textContent !== sla.text) {
        s.textContent = sla.text;
        s.className = 'sla ' + sla.cls;
      }
      // A row is rebuilt only when its item changes, so its age is kept current here.
      const a = b.querySelector('.row-age');
      const age = ageText((it.comment && it.comment.created_at) || it.created_at);
      if (a && a.textContent !== age) a.textContent = age;
    }
    if (state.detail) {
      const s = $('item-sla');
      if (s) {
        const sla = slaFor(state.detail);
        s.textContent = sla.text;
        s.className = 'chip sla ' + sla.cls;
      }
    }
  }

  function isNarrow() {
    return window.matchMedia('(max-width: 860px)').matches;
  }

  // ---------- selection and the item view ----------

  function saveDraft() {
    if (state.selectedId === null) return;
    const text = $('reply-text').value;
    const d = state.drafts.get(String(state.selectedId)) || {};
    d.text = text;
    if (!text) d.templateId = null;
    state.drafts.set(String(state.selectedId), d);
  }

  function select(id, opts) {
    if (String(id) !== String(state.selectedId)) {
      saveDraft();
      state.selectedId = id;
      state.detail = null;
      state.detailJson = '';
      state.suggestions = [];
      closePanels();
      hideOverride();
      const d = state.drafts.get(String(id)) || {};
      $('reply-text').value = d.text || '';
      state.findings = [];
      renderFindings();
      updateReplyMeta();
      if (d.text) scheduleLint(0);
      $('item-placeholder').hidden = true;
      $('item-view').hidden = false;
      $('comment-text').textContent = 'Loading…';
      clear($('suggestions'));
      loadItem(id, {});
      loadSuggestions(id);
    }
    const b = markSelected();
    if (b && opts && opts.focusRow) b.focus({ preventScroll: !opts.scroll });
    if (b && opts && opts.scrollList) b.scrollIntoView({ block: 'nearest' });
    if (opts && opts.scroll && isNarrow()) $('item').scrollIntoView({ behavior: 'smooth', block: 'start' });
  }

  async function loadItem(id, opts) {
    try {
      const data = await api('GET', '/api/items/' + encodeURIComponent(id));
      if (String(id) !== String(state.selectedId)) return;
      const json = JSON.stringify(data);
      if (json === state.detailJson) return;
      state.detailJson = json;
      state.detail = data;
      renderItem();
    } catch (err) {
      if (String(id) !== String(state.selectedId)) return;
      if (!opts.quiet) showError(err, 'Item ' + id);
    }
  }

  async function loadSuggestions(id) {
    const box = $('suggestions');
    try {
      const data = await api('GET', '/api/items/' + encodeURIComponent(id) + '/suggestions');
      if (String(id) !== String(state.selectedId)) return;
      state.suggestions = (data && data.suggestions) || [];
      renderSuggestions();
    } catch (err) {
      if (String(id) !== String(state.selectedId)) return;
      clear(box);
      box.append(el('p', { class: 'muted' }, 'Suggestions unavailable: ' + err.message));
    }
  }

  // The item as it is now, from an action's answer, merged into the detail view and the list.
  function applyItem(item) {
    if (!item || item.id === undefined) return;
    const idx = state.items.findIndex((x) => String(x.id) === String(item.id));
    if (idx >= 0) {
      state.items[idx] = Object.assign({}, state.items[idx], item);
      renderQueue();
    }
    if (state.detail && String(state.detail.id) === String(item.id)) {
      state.detail = Object.assign({}, state.detail, item);
      state.detailJson = '';
      renderItem();
    }
  }

  function safeUrl(u) {
    if (!u) return null;
    try {
      const url = new URL(u, window.location.href);
      return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : null;
    } catch (err) {
      return null;
    }
  }

  function renderItem() {
    const it = state.detail;
    if (!it) return;
    const c = it.comment || {};
    const v = it.verdict || {};
    const author = (c.author && (c.author.name || c.author.id)) || 'unknown';

    $('item-author').textContent = author;
    const sub = $('item-sub');
    clear(sub);
    sub.append(
      el('span', null, (c.platform || 'unknown platform')),
      el('span', { title: c.created_at || '' }, 'posted ' + ageText(c.created_at || it.created_at)),
      el('span', null, 'item #' + it.id));
    const href = safeUrl(c.url);
    if (href) sub.append(el('a', { href, target: '_blank', rel: 'noopener noreferrer' }, 'open on ' + (c.platform || 'site')));
    if (c.state && c.state !== 'visible' && c.state !== 'active') sub.append(el('span', { class: 'warn-text' }, 'comment ' + c.state));

    const chips = $('item-chips');
    clear(chips);
    const reasons = it.urgent_reasons || [];
    for (const r of reasons) chips.append(chip('Urgent: ' + label(r), 'chip-urgent'));
    if (!(reasons.length && it.severity === 'urgent')) chips.append(chip(label(it.severity), 'sev sev-' + (it.severity || 'normal')));
    chips.append(chip(label(it.category), 'chip-cat'));
    chips.append(chip(label(it.state), 'state state-' + it.state));
    if (it.delivery_failed) chips.append(chip('reply not delivered: see below', 'chip-urgent'));
    if (it.moderation && it.moderation.hidden) chips.append(chip('hidden on ' + (c.platform || 'platform'), 'chip-other'));
    if (it.assignee) {
      const mine = state.user && it.assignee === state.user.name;
      chips.append(chip(mine ? 'claimed by you' : 'claimed by ' + it.assignee, mine ? 'chip-mine' : 'chip-other'));
    }
    const sla = slaFor(it);
    chips.append(el('span', { class: 'chip sla ' + sla.cls, id: 'item-sla' }, sla.text));
    if (it.dismiss_reason) chips.append(chip('dismissed: ' + label(it.dismiss_reason), ''));
    if (it.escalation && it.escalation.reason) {
      chips.append(chip('escalated: ' + it.escalation.reason + (it.escalation.to ? ' → ' + it.escalation.to : ''), 'chip-other'));
    }

    updateActionButtons();

    // Comment with the explanation highlighted.
    const matches = Array.isArray(v.matches) ? v.matches : [];
    renderHighlighted($('comment-text'), c.text || '', matches.map((m) => ({
      begin: m.begin,
      end: m.end,
      cls: 'm-' + signalClass(m),
      title: describeMatch(m),
    })));
    const signals = [...new Set(matches.map(signalClass))];
    const legend = $('comment-legend');
    clear(legend);
    if (signals.length) {
      legend.append('Highlighted: ');
      for (const s of signals) legend.append(el('mark', { class: 'm-' + s }, s), ' ');
    }

    // The verdict.
    const facts = $('verdict-facts');
    clear(facts);
    const addFact = (k, val) => {
      if (val === undefined || val === null || val === '') return;
      facts.append(el('dt', null, k), el('dd', null, val));
    };
    addFact('Complaint', v.is_complaint === undefined ? '' : (v.is_complaint ? 'yes' : 'no') +
      (typeof v.confidence === 'number' ? ' (confidence ' + Math.round(v.confidence * 100) + '%)' : ''));
    addFact('Category', label(v.category || it.category));
    addFact('Severity', label(v.severity || it.severity));
    const why = v.urgent_reasons || reasons;
    addFact('Urgent because', why.length ? why.map(label).join(', ') : 'not urgent');
    // What the rules found and a counter rule called off (told as over, a joke): said, not hidden.
    const off = v.urgent_called_off || [];
    if (off.length) addFact('Urgent called off', off.map(label).join(', ') + ' (see the counter rules below)');
    if (typeof v.sentiment === 'number') addFact('Sentiment', v.sentiment.toFixed(2));
    if (typeof v.model_score === 'number') {
      // In its domain (a comment about care, rules/domain.terms) the model counted in full.
      const full = (v.model_domain_terms || []).length > 0;
      addFact('Word model', (v.model_score > 0 ? '+' : '') + v.model_score.toFixed(2) + (full ? ' (in full)' : ''));
    }
    if (v.language) addFact('Language', v.language);
    if (v.spam) addFact('Spam', 'yes');
    if (v.rules_version) addFact('Rules', v.rules_version);

    const rules = $('verdict-rules');
    clear(rules);
    for (const m of matches) {
      rules.append(el('li', null,
        el('mark', { class: 'm-' + signalClass(m) }, m.text || ''),
        ' ',
        el('code', null, m.rule || ''),
        el('span', { class: 'muted' }, ' ' + [m.signal, label(m.category), reasonsOf(m).map(label).join(', ')].filter(Boolean).join(' · ') +
          (typeof m.weight === 'number' ? ' · weight ' + m.weight : ''))));
    }
    for (const t of v.sentiment_terms || []) {
      rules.append(el('li', { class: 'muted' }, 'sentiment: “', el('span', null, t.term), '” ' + t.valence));
    }
    // The fitted word model's heaviest terms (rules/complaint.model): why it moved the score.
    for (const t of v.model_terms || []) {
      rules.append(el('li', { class: 'muted' }, 'word model: “', el('span', null, t.term), '” ' + (t.weight > 0 ? '+' : '') + t.weight));
    }
    const domain = v.model_domain_terms || [];
    if (domain.length) {
      rules.append(el('li', { class: 'muted' }, 'word model counted in full, the rules in part: about care (' +
        domain.map(t => '“' + t + '”').join(', ') + ')'));
    }
    const cats = v.model_categories || [];
    if (cats.length) {
      rules.append(el('li', { class: 'muted' }, 'category model: ' +
        cats.map(c => label(c.category) + ' ' + Math.round(c.probability * 100) + '%').join(' · ')));
    }
    // The urgent model's reason when it flagged the post (rules/urgent.model): say so beside the rules.
    if (v.model_urgent_reason) {
      rules.append(el('li', { class: 'muted' }, 'urgent model: ' + label(v.model_urgent_reason) + ' ' +
        Math.round((v.model_urgent_probability || 0) * 100) + '%'));
    }
    if (!rules.firstChild) rules.append(el('li', { class: 'muted' }, 'No rule matches recorded.'));

    renderPastReplies(it.replies || []);
    renderPlatformActions(it);
    renderThread(it.thread);
    renderAuthorHistory(it.author_history || []);
    renderEvents(it.history || []);
    updateReplyMeta();
  }

  function signalClass(m) {
    if (m.signal === 'urgent_counter') return 'counter';
    if (m.signal === 'urgent' || m.urgent_reason) return 'urgent';
    if (m.signal === 'praise') return 'praise';
    if (m.signal === 'category') return 'category';
    if (m.signal === 'spam') return 'spam';
    if (m.signal === 'complaint') return 'complaint';
    return 'other';
  }

  function describeMatch(m) {
    return [m.rule, m.signal, m.category, reasonsOf(m).join(', ')].filter(Boolean).join(' · ');
  }

  // A rule's urgent reasons: one, or for a counter the several it calls off.
  function reasonsOf(m) {
    return m.urgent_reasons || (m.urgent_reason ? [m.urgent_reason] : []);
  }

  function updateActionButtons() {
    const it = state.detail;
    const s = it ? it.state : '';
    const mine = it && state.user && it.assignee === state.user.name;
    $('act-claim').disabled = !it || !(s === 'new' || s === 'escalated' || (s === 'claimed' && !mine) || (s === 'replied' && !mine));
    $('act-release').disabled = !it || !mine;
    $('act-resolve').disabled = !it || !(s === 'claimed' || s === 'replied' || s === 'escalated');
    $('act-dismiss').disabled = !it || !isOpen(s);
    $('act-escalate').disabled = !it || !isOpen(s);
    $('act-note').disabled = !it;
    const actionable = it && it.comment && (it.comment.platform === 'facebook' || it.comment.platform === 'instagram');
    const hidden = it && it.moderation && it.moderation.hidden;
    $('act-hide').disabled = !actionable || hidden;
    $('act-unhide').disabled = !actionable || !hidden;
  }

  // Delivery of a reply or platform action: queued, sent (with its link) or
  // failed (the platform's reason, prominently, with a retry).
  function deliveryView(d) {
    if (!d) return null;
    const box = el('div', { class: 'delivery delivery-' + d.state, dataset: { delivery: d.state } });
    if (d.state === 'sent') {
      box.append(chip('sent', 'chip-mine'));
      const href = safeUrl(d.link);
      if (href) box.append(' ', el('a', { href, target: '_blank', rel: 'noopener noreferrer' }, 'view on the platform'));
    } else if (d.state === 'failed') {
      box.append(chip('not delivered', 'chip-urgent'), ' ',
        el('strong', { class: 'warn-text', role: 'alert' }, d.error || 'failed'), ' ',
        el('button', { type: 'button', class: 'btn btn-small', onclick: () => act('deliveries/' + d.id + '/retry', {}, 'Queued again.') }, 'Retry'));
    } else {
      box.append(chip(d.state === 'sending' ? 'sending' : 'queued', 'chip-other'),
        d.attempts ? el('span', { class: 'muted' }, ' attempt ' + d.attempts + (d.error ? ': ' + d.error : '')) : null);
    }
    return box;
  }

  function renderPlatformActions(it) {
    const pr = it.private_reply || { available: false, reason: '' };
    $('private-status').textContent = pr.available ? 'A private reply is possible.' : (pr.reason || '');
    $('private-text').disabled = !pr.available;
    $('private-send').disabled = !pr.available;
    const ul = $('moderation-actions');
    clear(ul);
    for (const a of (it.moderation && it.moderation.actions) || []) {
      ul.append(el('li', null,
        el('div', { class: 'meta' }, el('strong', null, a.actor || 'system'), ' ' + label(a.action) + ' ' + fmtTime(a.at)),
        deliveryView(a)));
    }
  }

  function renderPastReplies(replies) {
    const ul = $('past-replies');
    clear(ul);
    for (const r of replies) {
      ul.append(el('li', null,
        el('div', { class: 'meta' },
          el('strong', null, r.agent || 'agent'),
          ' replied ' + fmtTime(r.at),
          r.template_id ? el('span', { class: 'muted' }, ' · template ' + r.template_id) : null,
          r.guard_overridden ? chip('guard overridden', 'chip-urgent') : null),
        el('p', { class: 'reply-body' }, r.text || ''),
        deliveryView(r.delivery)));
    }
  }

  function commentCard(c, extra) {
    if (!c) return null;
    const author = (c.author && (c.author.name || c.author.id)) || c.author_name || 'unknown';
    return el('div', { class: 'mini-comment' + (c.is_ours ? ' ours' : '') },
      el('div', { class: 'meta' },
        el('strong', null, c.is_ours ? author + ' (our page)' : author),
        ' ' + fmtTime(c.created_at), extra ? el('span', { class: 'muted' }, ' · ' + extra) : null),
      el('p', null, c.text || ''));
  }

  function renderThread(thread) {
    const box = $('thread');
    clear(box);
    if (!thread || (!thread.parent && !(thread.replies && thread.replies.length) && !thread.post_id)) {
      box.append(el('p', { class: 'muted' }, 'No thread context: this is a top-level comment.'));
      return;
    }
    if (thread.post_id) box.append(el('p', { class: 'muted' }, 'On post ', el('code', null, String(thread.post_id))));
    if (thread.parent) {
      box.append(el('h4', null, 'In reply to'), commentCard(thread.parent));
    }
    if (thread.replies && thread.replies.length) {
      box.append(el('h4', null, 'Replies'));
      for (const r of thread.replies) box.append(commentCard(r));
    }
  }

  function renderAuthorHistory(list) {
    const ul = $('author-history');
    clear(ul);
    if (!list.length) {
      ul.append(el('li', { class: 'muted' }, 'No earlier comments from this author.'));
      return;
    }
    for (const h of list) {
      const c = h.comment || h;
      const outcome = h.item_state || h.outcome || (h.item && h.item.state) || h.state || '';
      ul.append(el('li', null,
        el('div', { class: 'meta' }, fmtTime(c.created_at), ' · ', c.platform || '',
          outcome ? chip(label(outcome), 'state state-' + outcome) : null),
        el('p', null, c.text || '')));
    }
  }

  function renderEvents(list) {
    const ol = $('item-events');
    clear(ol);
    if (!list.length) {
      ol.append(el('li', { class: 'muted' }, 'No activity yet.'));
      return;
    }
    for (const ev of list) {
      let details = '';
      const d = ev.details;
      if (d && typeof d === 'object') {
        details = Object.entries(d).filter(([, val]) => val !== '' && val !== null && typeof val !== 'object')
          .map(([k, val]) => (/_ms$/.test(k) && typeof val === 'number'
            ? k.replace(/_ms$/, '') + ': ' + fmtTime(new Date(val).toISOString())
            : k.replace(/_/g, ' ') + ': ' + val)).join(', ');
      } else if (typeof d === 'string' && d !== '{}') {
        details = d;
      }
      ol.append(el('li', null,
        el('span', { class: 'ev-time' }, fmtTime(ev.at)),
        el('span', { class: 'ev-actor' }, ev.actor || ''),
        el('span', { class: 'ev-kind' }, String(ev.kind || '').replace(/^item\./, '')),
        details ? el('span', { class: 'ev-details muted' }, details) : null));
    }
  }

  function renderSuggestions() {
    const box = $('suggestions');
    clear(box);
    if (!state.suggestions.length) {
      box.append(el('p', { class: 'muted' }, 'No suggested replies for this item.'));
      return;
    }
    box.append(el('p', { class: 'suggest-title' }, 'Suggested replies'));
    const list = el('div', { class: 'suggest-list' });
    state.suggestions.forEach((s, i) => {
      list.append(el('div', { class: 'suggestion' },
        el('div', { class: 'suggestion-head' },
          el('strong', null, s.title || s.template_id),
          el('button', {
            type: 'button',
            class: 'btn btn-small',
            'aria-label': 'Use suggested reply: ' + (s.title || s.template_id),
            dataset: { suggestion: String(i) },
            onclick: () => useSuggestion(s),
          }, 'Use')),
        el('p', null, s.text || ''),
        Array.isArray(s.missing) && s.missing.length
          ? el('p', { class: 'suggestion-missing' }, 'Fill in before sending: ' + s.missing.join(', '))
          : null));
    });
    box.append(list);
  }

  function useSuggestion(s) {
    const ta = $('reply-text');
    ta.value = s.text || '';
    const d = state.drafts.get(String(state.selectedId)) || {};
    d.text = ta.value;
    d.templateId = s.template_id || null;
    state.drafts.set(String(state.selectedId), d);
    updateReplyMeta();
    hideOverride();
    scheduleLint(0);
    ta.focus();
    ta.setSelectionRange(ta.value.length, ta.value.length);
  }

  // ---------- reply editor and the PHI guard ----------

  function currentTemplateId() {
    const d = state.drafts.get(String(state.selectedId));
    return d && d.templateId ? d.templateId : null;
  }

  function updateReplyMeta() {
    const text = $('reply-text').value;
    const platform = state.detail && state.detail.comment ? state.detail.comment.platform : '';
    const limit = PLATFORM_LIMITS[platform];
    const n = [...text].length;
    const count = $('reply-count');
    count.textContent = limit ? n + ' / ' + limit : n + ' characters';
    count.classList.toggle('over', Boolean(limit && n > limit));
    const t = currentTemplateId();
    $('reply-template').textContent = t ? 'from template ' + t : '';
  }

  function scheduleLint(delay) {
    clearTimeout(state.lintTimer);
    state.lintTimer = setTimeout(runLint, delay === undefined ? LINT_DEBOUNCE_MS : delay);
  }

  async function runLint() {
    const text = $('reply-text').value;
    const seq = ++state.lintSeq;
    if (!text.trim()) {
      state.findings = [];
      renderFindings();
      return;
    }
    $('lint-status').textContent = 'Checking…';
    try {
      const body = { text };
      if (state.selectedId !== null) body.item_id = state.selectedId;
      const data = await api('POST', '/api/replies/lint', body);
      if (seq !== state.lintSeq || $('reply-text').value !== text) return;
      state.findings = (data && data.findings) || [];
      state.lintedText = text;
      renderFindings();
    } catch (err) {
      if (seq !== state.lintSeq) return;
      $('lint-status').textContent = 'The privacy check is unavailable: ' + err.message;
    }
  }

  function findingItem(f, text, toIndex) {
    const b = toIndex(Number(f.begin));
    const e = toIndex(Number(f.end));
    const quoted = e > b ? text.slice(b, e) : '';
    return el('li', { class: 'finding finding-' + (f.severity === 'block' ? 'block' : 'warn') },
      el('span', { class: 'chip ' + (f.severity === 'block' ? 'chip-urgent' : 'chip-warn') }, f.severity === 'block' ? 'blocks' : 'warning'),
      ' ',
      el('span', null, f.message || f.code),
      quoted ? el('button', {
        type: 'button',
        class: 'linklike',
        title: 'Select this text in the editor',
        onclick: () => {
          const ta = $('reply-text');
          ta.focus();
          ta.setSelectionRange(b, e);
        },
      }, '“' + quoted + '”') : null);
  }

  function renderFindings() {
    const text = $('reply-text').value;
    const list = $('lint-findings');
    const preview = $('lint-preview');
    const status = $('lint-status');
    clear(list);
    const findings = state.findings;
    const toIndex = byteIndexMapper(text);
    if (!text.trim()) {
      status.textContent = '';
      status.className = 'lint-status';
      preview.hidden = true;
      return;
    }
    const blocks = findings.filter((f) => f.severity === 'block').length;
    const warns = findings.length - blocks;
    if (!findings.length) {
      status.textContent = 'Privacy check: nothing found.';
      status.className = 'lint-status ok';
      preview.hidden = true;
      return;
    }
    status.textContent = 'Privacy check: ' + (blocks ? blocks + ' blocking' : '') + (blocks && warns ? ', ' : '') + (warns ? warns + ' warning' + (warns > 1 ? 's' : '') : '') + '.';
    status.className = 'lint-status ' + (blocks ? 'bad' : 'warn');
    for (const f of findings) list.append(findingItem(f, text, toIndex));
    renderHighlighted(preview, text, findings.map((f) => ({
      begin: f.begin, end: f.end, cls: f.severity === 'block' ? 'f-block' : 'f-warn', title: f.message,
    })));
    preview.hidden = false;
  }

  function showOverride(findings) {
    const text = $('reply-text').value;
    const toIndex = byteIndexMapper(text);
    const list = $('override-findings');
    clear(list);
    for (const f of findings.filter((x) => x.severity === 'block')) list.append(findingItem(f, text, toIndex));
    $('override-box').hidden = false;
    $('override-reason').focus();
  }

  function hideOverride() {
    $('override-box').hidden = true;
    $('override-reason').value = '';
  }

  async function sendReply(override) {
    const text = $('reply-text').value;
    const id = state.selectedId;
    if (id === null) return;
    if (!text.trim()) {
      showMessage('Write a reply first.', 'error');
      $('reply-text').focus();
      return;
    }
    const body = { text };
    const t = currentTemplateId();
    if (t) body.template_id = t;
    if (override) {
      const reason = $('override-reason').value.trim();
      if (!reason) {
        showMessage('Say why it is safe to send anyway.', 'error');
        $('override-reason').focus();
        return;
      }
      body.override_guard = true;
      body.override_reason = reason;
    } else if (state.lintedText === text && state.findings.some((f) => f.severity === 'block')) {
      // The guard has already spoken on exactly this text: ask before sending. Otherwise
      // the server checks it and answers 422 with the findings.
      showOverride(state.findings);
      return;
    }
    $('reply-send').disabled = true;
    $('override-send').disabled = true;
    try {
      const item = await api('POST', '/api/items/' + encodeURIComponent(id) + '/reply', body);
      $('reply-text').value = '';
      state.drafts.delete(String(id));
      state.findings = [];
      renderFindings();
      hideOverride();
      updateReplyMeta();
      applyItem(item);
      showMessage('Reply recorded.', 'ok');
      loadItem(id, { quiet: true });
      loadQueue({});
    } catch (err) {
      if (err.status === 422 && err.code === 'phi_guard') {
        state.findings = err.error.findings || [];
        renderFindings();
        showOverride(state.findings);
      } else {
        showError(err, 'Reply');
      }
    } finally {
      $('reply-send').disabled = false;
      $('override-send').disabled = false;
    }
  }

  // ---------- actions ----------

  async function act(verb, body, okText) {
    const id = state.selectedId;
    if (id === null) return false;
    try {
      const item = await api('POST', '/api/items/' + encodeURIComponent(id) + '/' + verb, body || {});
      applyItem(item);
      if (okText) showMessage(okText, 'ok');
      loadItem(id, { quiet: true });
      loadQueue({}); // the item may have left (or moved in) the filtered queue
      return true;
    } catch (err) {
      showError(err, label(verb).replace(/^./, (ch) => ch.toUpperCase()));
      loadItem(id, { quiet: true });
      return false;
    }
  }

  function closePanels() {
    for (const id of ['panel-dismiss', 'panel-escalate', 'panel-note']) $(id).hidden = true;
    for (const id of ['act-dismiss', 'act-escalate', 'act-note']) $(id).setAttribute('aria-expanded', 'false');
  }

  function openPanel(name) {
    if (!state.detail || $('act-' + name).disabled) return;
    const panel = $('panel-' + name);
    const wasOpen = !panel.hidden;
    closePanels();
    if (wasOpen) return;
    panel.hidden = false;
    $('act-' + name).setAttribute('aria-expanded', 'true');
    const first = panel.querySelector('select, input, textarea');
    if (first) first.focus();
  }

  function claim() {
    if (!state.detail || $('act-claim').disabled) return;
    act('claim', {}, 'Claimed. It is yours for the next 15 minutes (renewed as you work).');
  }

  // ---------- pages: inbox, reports, audit (hash routes) ----------

  const REPORT_REFRESH_MS = 60000;
  const ALERT_POLL_MS = 30000;
  const SVGNS = 'http://www.w3.org/2000/svg';
  const DAY_MS = 86400000;
  // Fixed order so a category keeps its colour from chart to chart (classes s-0 .. s-9).
  const CATEGORY_ORDER = ['wait_time', 'billing', 'staff_attitude', 'scheduling', 'communication',
    'clinical_care', 'facilities', 'privacy', 'access', 'other'];

  function canSeeReports() {
    return Boolean(state.user && (state.user.role === 'supervisor' || state.user.role === 'admin'));
  }

  function currentView() {
    if (!$('reports-view').hidden) return 'reports';
    if (!$('audit-view').hidden) return 'audit';
    return 'inbox';
  }

  // #inbox, #reports, #audit, #item/ID (the agents' view with that item selected).
  function route() {
    if (!state.user) return;
    const h = window.location.hash.replace(/^#\/?/, '');
    const m = /^item\/(\d+)$/.exec(h);
    let view = 'inbox';
    if (!m && (h === 'reports' || h === 'audit') && canSeeReports()) view = h;
    showView(view);
    if (m) select(Number(m[1]), { focusRow: false, scroll: true });
  }

  function showView(view) {
    const before = currentView();
    $('app-view').hidden = view !== 'inbox';
    $('reports-view').hidden = view !== 'reports';
    $('audit-view').hidden = view !== 'audit';
    for (const [name, id] of [['inbox', 'tab-inbox'], ['reports', 'tab-reports'], ['audit', 'tab-audit']]) {
      const t = $(id);
      if (name === view) t.setAttribute('aria-current', 'page');
      else t.removeAttribute('aria-current');
    }
    document.title = 'Turnaround · ' + { inbox: 'Inbox', reports: 'Reports', audit: 'Audit log' }[view];
    $('refresh-state').hidden = view !== 'inbox';
    clearInterval(rep.timer);
    if (view === 'reports') {
      loadReports();
      rep.timer = setInterval(() => { if (!document.hidden) loadReports(); }, REPORT_REFRESH_MS);
    } else if (view === 'audit') {
      if (!audit.loaded) loadAudit(true);
    } else if (before !== 'inbox') {
      refresh();
    }
    pollAlerts();
  }

  // ---------- SVG (built with DOM calls; geometry as attributes, colours from app.css) ----------

  function svgEl(tag, attrs, ...children) {
    const node = document.createElementNS(SVGNS, tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === undefined || v === null || v === false) continue;
      node.setAttribute(k, String(v));
    }
    for (const c of children) {
      if (c === undefined || c === null || c === false) continue;
      node.append(c instanceof Node ? c : document.createTextNode(String(c)));
    }
    return node;
  }

  // A round axis maximum and its ticks for values up to `max`.
  // Counts get whole-number steps.
  function niceScale(max, ticks, whole) {
    if (!(max > 0)) return { max: 1, step: 1 };
    const raw = max / (ticks || 4);
    const mag = Math.pow(10, Math.floor(Math.log10(raw)));
    let step = [1, 2, 2.5, 5, 10].map((f) => f * mag).find((s) => s >= raw);
    if (whole) step = Math.max(1, Math.round(step));
    return { max: Math.ceil(max / step) * step, step };
  }

  // 900 -> "15m", 3600 -> "1h", 86400 -> "1d"; other values as span() does.
  function shortDuration(s) {
    if (s > 0 && s % 86400 === 0) return s / 86400 + 'd';
    if (s > 0 && s % 3600 === 0) return s / 3600 + 'h';
    if (s > 0 && s % 60 === 0 && s < 3600) return s / 60 + 'm';
    return span(s * 1000);
  }

  function emptyChart(box, text) {
    clear(box);
    box.append(el('p', { class: 'chart-empty' }, text));
  }

  // Vertical bars, optionally stacked. bars: [{label, title, segments: [{value, cls, title}]}].
  // opts: {yLabel, fmt, lines: [{at (bar boundary index, fractional), label, cls}], labelEvery}
  function drawColumns(box, bars, opts) {
    clear(box);
    const W = 640;
    const H = 240;
    const pad = { l: 44, r: 12, t: 14, b: 42 };
    const iw = W - pad.l - pad.r;
    const ih = H - pad.t - pad.b;
    const totals = bars.map((b) => b.segments.reduce((s, x) => s + (x.value || 0), 0));
    const scale = niceScale(Math.max(0, ...totals), 4, opts.whole !== false);
    const fmt = opts.fmt || ((v) => String(v));
    const root = svgEl('svg', { viewBox: `0 0 ${W} ${H}`, class: 'chart-svg', role: 'img', 'aria-label': opts.aria || '' });
    const grid = svgEl('g', { class: 'grid' });
    for (let v = 0; v <= scale.max + 1e-9; v += scale.step) {
      const y = pad.t + ih - (v / scale.max) * ih;
      grid.append(svgEl('line', { x1: pad.l, x2: W - pad.r, y1: y, y2: y }),
        svgEl('text', { x: pad.l - 6, y: y + 4, class: 'tick tick-y' }, fmt(Math.round(v * 100) / 100)));
    }
    root.append(grid);
    const n = Math.max(1, bars.length);
    const slot = iw / n;
    const bw = Math.max(2, Math.min(48, slot * 0.72));
    const every = opts.labelEvery || Math.max(1, Math.ceil(n / 10));
    const g = svgEl('g', { class: 'bars' });
    bars.forEach((b, i) => {
      const x = pad.l + i * slot + (slot - bw) / 2;
      let y = pad.t + ih;
      const col = svgEl('g', { class: 'col', 'data-label': b.label, 'data-total': totals[i] });
      for (const s of b.segments) {
        if (!(s.value > 0)) continue;
        const h = (s.value / scale.max) * ih;
        y -= h;
        col.append(svgEl('rect', {
          x: x.toFixed(1), y: y.toFixed(1), width: bw.toFixed(1), height: Math.max(0.5, h).toFixed(1),
          class: 'bar ' + (s.cls || ''), 'data-value': s.value, 'data-label': b.label,
        }, svgEl('title', null, s.title || (b.label + ': ' + fmt(s.value)))));
      }
      g.append(col);
      if (i % every === 0) {
        g.append(svgEl('text', { x: (pad.l + i * slot + slot / 2).toFixed(1), y: H - pad.b + 16, class: 'tick tick-x' }, b.short || b.label));
      }
    });
    root.append(g);
    (opts.lines || []).forEach((line, i) => {
      const x = pad.l + line.at * slot;
      // Labels sit on a white backing, one step lower each, so neighbours do not collide.
      const ty = pad.t + 8 + i * 14;
      const text = svgEl('text', { x: (x + 4).toFixed(1), y: ty }, line.label);
      root.append(svgEl('g', { class: 'ref ' + (line.cls || '') },
        svgEl('line', { x1: x.toFixed(1), x2: x.toFixed(1), y1: pad.t - 4, y2: pad.t + ih }),
        svgEl('rect', { x: (x + 2).toFixed(1), y: ty - 10, width: 7 * line.label.length + 4, height: 13, class: 'ref-back' }),
        text));
    });
    root.append(svgEl('line', { x1: pad.l, x2: W - pad.r, y1: pad.t + ih, y2: pad.t + ih, class: 'axis' }));
    if (opts.xLabel) root.append(svgEl('text', { x: pad.l + iw / 2, y: H - 6, class: 'axis-label' }, opts.xLabel));
    if (opts.yLabel) root.append(svgEl('text', { x: 12, y: pad.t + ih / 2, class: 'axis-label axis-label-y', transform: `rotate(-90 12 ${pad.t + ih / 2})` }, opts.yLabel));
    box.append(root);
  }

  // Horizontal 0-100 % bars, one row per entry: [{label, pct (or null), title}].
  function drawPercentRows(box, rows) {
    clear(box);
    const W = 640;
    const row = 30;
    const pad = { l: 130, r: 56, t: 8, b: 24 };
    const H = pad.t + pad.b + rows.length * row;
    const iw = W - pad.l - pad.r;
    const root = svgEl('svg', { viewBox: `0 0 ${W} ${H}`, class: 'chart-svg', role: 'img', 'aria-label': 'SLA attainment per agent' });
    const grid = svgEl('g', { class: 'grid' });
    for (const p of [0, 25, 50, 75, 100]) {
      const x = pad.l + (p / 100) * iw;
      grid.append(svgEl('line', { x1: x, x2: x, y1: pad.t, y2: H - pad.b }),
        svgEl('text', { x, y: H - 8, class: 'tick tick-x' }, p + '%'));
    }
    root.append(grid);
    rows.forEach((r, i) => {
      const y = pad.t + i * row;
      const g = svgEl('g', { class: 'hrow' });
      g.append(svgEl('text', { x: pad.l - 8, y: y + row / 2 + 4, class: 'tick tick-y' }, r.label));
      if (r.pct === null || r.pct === undefined) {
        g.append(svgEl('text', { x: pad.l + 4, y: y + row / 2 + 4, class: 'bar-value muted-text' }, 'no answers judged yet'));
      } else {
        const w = Math.max(1, (r.pct / 100) * iw);
        const cls = r.pct >= 90 ? 'good' : r.pct >= 70 ? 'fair' : 'poor';
        g.append(svgEl('rect', {
          x: pad.l, y: y + 5, width: w.toFixed(1), height: row - 10, rx: 3,
          class: 'bar pct ' + cls, 'data-value': r.pct, 'data-label': r.label,
        }, svgEl('title', null, r.title)),
        svgEl('text', { x: (pad.l + w + 6).toFixed(1), y: y + row / 2 + 4, class: 'bar-value' }, fmtPct(r.pct)));
      }
      root.append(g);
    });
    box.append(root);
  }

  // ---------- reports ----------

  const rep = { timer: 0, seq: 0, breaches: [], showAllBreaches: false, breachGroup: null };

  function utcDate(ms) {
    return new Date(ms).toISOString().slice(0, 10);
  }

  // {from, to} as UTC dates (YYYY-MM-DD; `to` counts as the whole day), or null when invalid.
  function reportRange() {
    const r = (document.querySelector('input[name=range]:checked') || {}).value || '7';
    if (r === 'custom') {
      const from = $('r-from').value;
      const to = $('r-to').value;
      if (!from || !to || from > to) return null;
      return { from, to };
    }
    const today = Date.now();
    return { from: utcDate(today - (Number(r) - 1) * DAY_MS), to: utcDate(today) };
  }

  function reportParams(range, extra) {
    const p = new URLSearchParams({ from: range.from, to: range.to });
    p.set('basis', $('r-basis').value);
    p.set('business_hours', $('r-hours').checked ? 'true' : 'false');
    for (const [k, v] of Object.entries(extra || {})) p.set(k, v);
    return p;
  }

  function fmtSecs(s) {
    return typeof s === 'number' ? span(s * 1000) : '–';
  }

  function fmtPct(p) {
    return typeof p === 'number' ? (Math.round(p * 10) / 10) + '%' : '–';
  }

  function itemLink(id) {
    return el('a', { href: '#item/' + id, class: 'item-link', title: 'Open item #' + id + ' in the inbox' }, '#' + id);
  }

  async function fetchOpenItems() {
    let items = [];
    let cursor = null;
    for (let n = 0; n < 5; n++) {
      const p = new URLSearchParams({ limit: '200' });
      if (cursor) p.set('cursor', cursor);
      const data = await api('GET', '/api/queue?' + p.toString());
      items = items.concat(data.items || []);
      cursor = data.next_cursor;
      if (!cursor) break;
    }
    return { items, more: Boolean(cursor) };
  }

  async function loadReports() {
    const range = reportRange();
    if (!range) {
      showMessage('Pick a start date on or before the end date.', 'error');
      return;
    }
    const seq = ++rep.seq;
    const groupBy = $('r-group').value;
    $('reports-range-text').textContent = range.from + ' to ' + range.to + ' (UTC days) · times from when the comment was ' +
      ($('r-basis').value === 'posted' ? 'posted' : 'received') + ($('r-hours').checked ? ' · business hours only' : '');
    $('csv-link').href = '/api/reports/response-times?' + reportParams(range, { group_by: groupBy, format: 'csv' }).toString();
    $('csv-breaches-link').href = '/api/reports/breaches?' + new URLSearchParams({ from: range.from, to: range.to, format: 'csv' }).toString();
    $('groups-by').textContent = groupBy;
    const rt = (g) => api('GET', '/api/reports/response-times?' + reportParams(range, { group_by: g }).toString());
    const bp = new URLSearchParams({ from: range.from, to: range.to });
    if (rep.breachGroup) {
      bp.set('group_by', rep.breachGroup.by);
      bp.set('group', rep.breachGroup.key);
    }
    try {
      const [main, byDay, byAgent, breaches, open] = await Promise.all([
        rt(groupBy),
        groupBy === 'day' ? null : rt('day'),
        groupBy === 'agent' ? null : rt('agent'),
        api('GET', '/api/reports/breaches?' + bp.toString()),
        fetchOpenItems(),
      ]);
      if (seq !== rep.seq) return;
      rep.main = main;
      renderTiles(main.total || {});
      renderVolume(byDay || main, range);
      renderFirstResponse(main);
      renderAgentSla(byAgent || main);
      renderOldest(open);
      renderGroups(main);
      rep.breaches = breaches.breaches || [];
      renderBreaches();
      $('reports-view').dataset.loaded = String(seq);
    } catch (err) {
      if (seq !== rep.seq) return;
      if (err.status !== 401) showError(err, 'Reports');
    }
  }

  function renderTiles(t) {
    const box = $('tiles');
    clear(box);
    const tile = (k, v, sub, cls) => box.append(el('div', { class: 'tile card ' + (cls || '') },
      el('div', { class: 'tile-k' }, k), el('div', { class: 'tile-v' }, v), sub ? el('div', { class: 'tile-sub muted' }, sub) : null));
    tile('Complaints', String(t.items || 0), (t.dismissed || 0) + ' dismissed');
    tile('Answered', String(t.replied || 0), (t.resolved || 0) + ' resolved');
    tile('Median first response', fmtSecs(t.first_response_median_s), 'p90 ' + fmtSecs(t.first_response_p90_s));
    tile('SLA attainment', fmtPct(t.sla_attainment_pct), (t.sla_met || 0) + ' met · ' + (t.sla_pending || 0) + ' pending',
      typeof t.sla_attainment_pct === 'number' && t.sla_attainment_pct < 80 ? 'tile-bad' : '');
    tile('Breaches', String(t.breaches || 0), 'missed their target', t.breaches ? 'tile-bad' : '');
    tile('Recovered', fmtPct(t.recovered_pct), (t.complainers || 0) + ' complainers answered');
  }

  function renderVolume(report, range) {
    const byKey = new Map((report.groups || []).map((g) => [g.group, g]));
    const days = [];
    for (let t = Date.parse(range.from + 'T00:00:00Z'); utcDate(t) <= range.to; t += DAY_MS) days.push(utcDate(t));
    // Stacked by category when the API splits each day (by_category); the total per day otherwise.
    const split = (report.groups || []).some((g) => g.by_category && typeof g.by_category === 'object');
    const cats = new Set();
    if (split) for (const g of report.groups) for (const c of Object.keys(g.by_category || {})) cats.add(c);
    const order = [...cats].sort((a, b) => {
      const ia = CATEGORY_ORDER.indexOf(a);
      const ib = CATEGORY_ORDER.indexOf(b);
      return (ia < 0 ? 99 : ia) - (ib < 0 ? 99 : ib) || a.localeCompare(b);
    });
    const clsOf = (c) => 's-' + (CATEGORY_ORDER.indexOf(c) >= 0 ? CATEGORY_ORDER.indexOf(c) : 9);
    const bars = days.map((d) => {
      const g = byKey.get(d);
      const short = d.slice(5).replace('-', '/');
      if (!g) return { label: d, short, segments: [] };
      if (split) {
        return {
          label: d, short,
          segments: order.map((c) => ({ value: (g.by_category || {})[c] || 0, cls: clsOf(c), title: d + ' · ' + label(c) + ': ' + ((g.by_category || {})[c] || 0) })),
        };
      }
      return { label: d, short, segments: [{ value: g.items || 0, cls: 's-all', title: d + ': ' + (g.items || 0) + ' complaints, ' + (g.breaches || 0) + ' breached' }] };
    });
    const total = bars.reduce((s, b) => s + b.segments.reduce((x, y) => x + y.value, 0), 0);
    if (!total) {
      emptyChart($('ch-volume'), 'No complaints in this period.');
    } else {
      drawColumns($('ch-volume'), bars, { aria: 'Complaints per day', yLabel: 'complaints', xLabel: 'day received (UTC)', fmt: (v) => String(v) });
    }
    const legend = $('ch-volume-legend');
    clear(legend);
    if (split) {
      for (const c of order) legend.append(el('span', { class: 'key' }, el('i', { class: 'swatch ' + clsOf(c) }), label(c)));
      $('ch-volume-note').textContent = 'Flagged complaints received each day, by category.';
    } else {
      legend.append(el('span', { class: 'key' }, el('i', { class: 'swatch s-all' }), 'All categories'));
      $('ch-volume-note').textContent = 'Flagged complaints received each day. The split by category needs a per-day category count from the report API (by_category).';
    }
  }

  // The distribution needs per-item times (or bucket counts) from the API; the per-group
  // median / p90 are not a distribution and are not drawn as one.
  function renderFirstResponse(report) {
    const t = report.total || {};
    const hist = Array.isArray(t.first_response_histogram) ? t.first_response_histogram : null;
    const summary = 'Median ' + fmtSecs(t.first_response_median_s) + ' · p90 ' + fmtSecs(t.first_response_p90_s) +
      ' · mean ' + fmtSecs(t.first_response_mean_s) + ' over ' + (t.replied || 0) + ' answered';
    if (!hist) {
      $('ch-frt-note').textContent = summary + '.';
      emptyChart($('ch-frt'), 'The histogram needs per-item first-response times, which the report API does not give yet ' +
        '(asked for: first_response_histogram in /api/reports/response-times).');
      return;
    }
    $('ch-frt-note').textContent = summary + '. Lines: SLA targets.';
    const bucketLabel = (b, prev) => (b.le_s === null || b.le_s === undefined ? '> ' + shortDuration(prev) : '≤ ' + shortDuration(b.le_s));
    let prev = 0;
    const bars = hist.map((b) => {
      const lbl = bucketLabel(b, prev);
      if (typeof b.le_s === 'number') prev = b.le_s;
      return { label: lbl, segments: [{ value: b.count || 0, cls: 's-frt', title: lbl + ': ' + (b.count || 0) + ' items' }] };
    });
    const targets = report.sla_minutes && typeof report.sla_minutes === 'object' ? report.sla_minutes : {};
    const lines = [];
    for (const [sev, min] of Object.entries(targets)) {
      const idx = hist.findIndex((b) => b.le_s === min * 60);
      if (idx >= 0) lines.push({ at: idx + 1, label: sev + ' SLA ' + shortDuration(min * 60), cls: 'sla-line' });
    }
    drawColumns($('ch-frt'), bars, { aria: 'Time to first response', yLabel: 'items', xLabel: 'time to first response', lines, labelEvery: 1 });
  }

  function renderAgentSla(report) {
    const groups = (report.groups || []).filter((g) => g.group !== '(unanswered)');
    const unanswered = (report.groups || []).find((g) => g.group === '(unanswered)');
    const box = $('ch-sla');
    if (!groups.length) emptyChart(box, 'No replies in this period.');
    else {
      drawPercentRows(box, groups.map((g) => ({
        label: g.group,
        pct: typeof g.sla_attainment_pct === 'number' ? g.sla_attainment_pct : null,
        title: g.group + ': ' + fmtPct(g.sla_attainment_pct) + ' (' + (g.sla_met || 0) + ' met, ' + (g.breaches || 0) + ' breached, ' +
          (g.replied || 0) + ' answered, median ' + fmtSecs(g.first_response_median_s) + ')',
      })));
    }
    $('ch-sla-note').textContent = 'Share of the items each agent answered first that got that answer within their target.' +
      (unanswered && unanswered.breaches ? ' Not shown: ' + unanswered.breaches + ' breached item' + (unanswered.breaches === 1 ? '' : 's') + ' with no reply at all.' : '');
  }

  function renderOldest(open) {
    const tbody = $('oldest-table').tBodies[0];
    clear(tbody);
    const since = (it) => {
      const t = parseTime(it.posted_at || (it.comment && it.comment.created_at) || it.created_at);
      return Number.isNaN(t) ? parseTime(it.created_at) : t;
    };
    const items = open.items.slice().sort((a, b) => since(a) - since(b)).slice(0, 10);
    if (!items.length) {
      tbody.append(el('tr', null, el('td', { colspan: 6, class: 'muted' }, 'The queue is empty.')));
      return;
    }
    for (const it of items) {
      const sla = slaFor(it);
      tbody.append(el('tr', null,
        el('td', null, itemLink(it.id)),
        el('td', { title: fmtTime(new Date(since(it)).toISOString()) }, span(Date.now() - since(it))),
        el('td', null, label(it.category)),
        el('td', null, chip(label(it.severity), 'sev sev-' + (it.severity || 'normal'))),
        el('td', null, chip(label(it.state), 'state state-' + it.state)),
        el('td', { class: 'sla ' + sla.cls }, sla.text)));
    }
  }

  const GROUP_COLUMNS = [
    ['items', 'Items'], ['replied', 'Answered'], ['resolved', 'Resolved'], ['dismissed', 'Dismissed'],
    ['first_response_median_s', 'Median', fmtSecs], ['first_response_p90_s', 'p90', fmtSecs],
    ['first_response_mean_s', 'Mean', fmtSecs], ['resolution_median_s', 'Median', fmtSecs],
    ['resolution_p90_s', 'p90', fmtSecs], ['sla_attainment_pct', 'Met', fmtPct], ['breaches', 'Breaches'],
    ['sla_pending', 'Pending'], ['recovered_pct', 'Recovered', fmtPct], ['complained_again_pct', 'Again', fmtPct],
  ];
  const GROUP_HEADS = [
    { first: 'first_response_median_s', span: 3, title: 'First response' },
    { first: 'resolution_median_s', span: 2, title: 'Resolution' },
    { first: 'sla_attainment_pct', span: 3, title: 'SLA' },
    { first: 'recovered_pct', span: 2, title: 'Complainers' },
  ];

  function renderGroups(report) {
    const table = $('groups-table');
    const head = table.tHead;
    clear(head);
    // Two header rows: the timing columns share "First response" / "Resolution".
    const top = el('tr', null, el('th', { scope: 'col', rowspan: 2 }, report.group_by || 'group'));
    const sub = el('tr', null);
    for (let i = 0; i < GROUP_COLUMNS.length; i++) {
      const [key, title] = GROUP_COLUMNS[i];
      const group = GROUP_HEADS.find((g) => g.first === key);
      if (group) {
        top.append(el('th', { scope: 'colgroup', colspan: group.span, class: 'colgroup' }, group.title));
        for (let j = 0; j < group.span; j++) sub.append(el('th', { scope: 'col' }, GROUP_COLUMNS[i + j][1]));
        i += group.span - 1;
      } else {
        top.append(el('th', { scope: 'col', rowspan: 2 }, title));
      }
    }
    head.append(top, sub);
    const tbody = table.tBodies[0];
    clear(tbody);
    const row = (g, isTotal) => el('tr', { class: isTotal ? 'total' : null },
      el('th', { scope: 'row' }, isTotal ? 'Total' : (report.group_by === 'category' || report.group_by === 'severity' ? label(g.group) : g.group)),
      ...GROUP_COLUMNS.map(([key, , fmt]) => {
        const v = g[key];
        if (key === 'breaches' && v > 0 && !isTotal) {
          return el('td', null, el('button', {
            type: 'button', class: 'linklike', title: 'Show these breaches',
            onclick: () => {
              rep.breachGroup = { by: report.group_by, key: g.group };
              rep.showAllBreaches = false;
              loadReports();
              $('breaches-h').scrollIntoView({ behavior: 'smooth', block: 'start' });
            },
          }, String(v)));
        }
        return el('td', null, fmt ? fmt(v) : (v === null || v === undefined ? '–' : String(v)));
      }));
    for (const g of report.groups || []) tbody.append(row(g, false));
    if (report.total) tbody.append(row(report.total, true));
    if (!(report.groups || []).length) tbody.prepend(el('tr', null, el('td', { colspan: GROUP_COLUMNS.length + 1, class: 'muted' }, 'No items in this period.')));
  }

  function renderBreaches() {
    const list = rep.breaches;
    const tbody = $('breaches-table').tBodies[0];
    clear(tbody);
    const count = $('breaches-count');
    clear(count);
    count.append('(' + list.length + ')');
    if (rep.breachGroup) {
      count.append(' ', el('button', {
        type: 'button', class: 'chip chip-filter', title: 'Show every breach',
        onclick: () => { rep.breachGroup = null; loadReports(); },
      }, rep.breachGroup.by + ': ' + rep.breachGroup.key + ' ×'));
    }
    const shown = rep.showAllBreaches ? list : list.slice(0, 25);
    if (!list.length) tbody.append(el('tr', null, el('td', { colspan: 8, class: 'muted' }, 'No breaches in this period.')));
    for (const b of shown) {
      tbody.append(el('tr', { dataset: { itemId: String(b.item_id) } },
        el('td', null, itemLink(b.item_id)),
        el('td', { class: 'late' }, fmtSecs(b.late_by_s)),
        el('td', null, label(b.category)),
        el('td', null, chip(label(b.severity), 'sev sev-' + (b.severity || 'normal'))),
        el('td', null, b.agent || el('span', { class: 'muted' }, b.answered ? '' : 'no reply')),
        el('td', null, fmtTime(b.due_at)),
        el('td', null, b.first_response_at ? fmtTime(b.first_response_at) : '–'),
        el('td', null, chip(label(b.state), 'state state-' + b.state))));
    }
    const more = $('breaches-more');
    more.hidden = rep.showAllBreaches || list.length <= shown.length;
    more.textContent = 'Show all ' + list.length;
  }

  // ---------- audit ----------

  const audit = { loaded: false, before: null, seq: 0 };

  function auditQuery(before) {
    const p = new URLSearchParams();
    const item = $('a-item').value.trim().replace(/^#/, '');
    if (item) p.set('item', item);
    const actor = $('a-actor').value.trim();
    if (actor) p.set('actor', actor);
    const kind = $('a-kind').value.trim();
    if (kind) p.set('kind', kind);
    if ($('a-from').value) p.set('from', $('a-from').value + 'T00:00:00Z');
    if ($('a-to').value) p.set('to', new Date(Date.parse($('a-to').value + 'T00:00:00Z') + DAY_MS).toISOString());
    p.set('limit', $('a-limit').value);
    if (before) p.set('before', String(before));
    return '/api/audit?' + p.toString();
  }

  function detailsText(d) {
    if (d === null || d === undefined || d === '') return '';
    if (typeof d !== 'object') return String(d);
    return Object.entries(d).map(([k, v]) => {
      if (/_ms$/.test(k) && typeof v === 'number' && v > 1e11) return k.replace(/_ms$/, '') + '=' + new Date(v).toISOString();
      return k + '=' + (typeof v === 'object' ? JSON.stringify(v) : String(v));
    }).join(' · ');
  }

  async function loadAudit(reset) {
    const seq = ++audit.seq;
    const tbody = $('audit-table').tBodies[0];
    try {
      const data = await api('GET', auditQuery(reset ? null : audit.before));
      if (seq !== audit.seq) return;
      audit.loaded = true;
      if (reset) clear(tbody);
      for (const e of data.events || []) {
        tbody.append(el('tr', null,
          el('td', { class: 'mono', title: 'hash ' + (e.hash || '') + '\nprevious ' + (e.prev_hash || '') }, String(e.id)),
          el('td', { title: e.at || '' }, fmtTime(e.at)),
          el('td', null, e.actor || ''),
          el('td', null, el('code', null, e.kind || '')),
          el('td', null, e.item_id ? itemLink(e.item_id) : ''),
          el('td', { class: 'details' }, detailsText(e.details))));
      }
      audit.before = data.next_before || null;
      $('audit-more').hidden = !audit.before;
      $('audit-empty').hidden = tbody.rows.length > 0;
    } catch (err) {
      if (seq === audit.seq && err.status !== 401) showError(err, 'Audit');
    }
  }

  // ---------- alerts (both pages) ----------

  function dismissedKey() {
    return 'turnaround.dismissed-alerts.' + (state.user ? state.user.name : '');
  }

  function dismissedAlerts() {
    try {
      const v = JSON.parse(window.localStorage.getItem(dismissedKey()) || '[]');
      return new Set(Array.isArray(v) ? v.map(String) : []);
    } catch (err) {
      return new Set();
    }
  }

  function dismissAlert(id) {
    const set = dismissedAlerts();
    set.add(String(id));
    // Only the alerts of the last 24 hours are ever shown; keep the list short.
    const keep = [...set].slice(-200);
    try {
      window.localStorage.setItem(dismissedKey(), JSON.stringify(keep));
    } catch (err) {
      // Private mode: dismissed until the next poll is good enough.
    }
    state.alerts = (state.alerts || []).filter((a) => String(a.id) !== String(id));
    renderAlerts();
  }

  function rate(v) {
    if (!(v > 0)) return '0';
    return v < 10 ? String(Math.round(v * 10) / 10) : String(Math.round(v));
  }

  function alertText(a) {
    const n = Number(a.last_hour) || 0;
    const about = a.scope && a.scope !== 'all' ? ' about ' + label(a.scope).toLowerCase() : '';
    return n + ' flagged comment' + (n === 1 ? '' : 's') + ' in the last hour' + about + ', usually ' + rate(Number(a.baseline_per_hour)) + '/hour';
  }

  function renderAlerts() {
    const box = $('alerts');
    const gone = dismissedAlerts();
    const list = (state.user ? state.alerts || [] : []).filter((a) => !gone.has(String(a.id)));
    const key = list.map((a) => a.id).join(',');
    if (box.dataset.shown === key) return; // unchanged: do not announce it again
    box.dataset.shown = key;
    clear(box);
    for (const a of list) {
      box.append(el('div', { class: 'alert-banner', dataset: { alertId: String(a.id), scope: a.scope || '' } },
        el('span', { class: 'alert-icon', 'aria-hidden': 'true' }, '▲'),
        el('span', { class: 'alert-text' }, el('strong', null, a.kind === 'spike' || !a.kind ? 'Spike: ' : label(a.kind) + ': '), alertText(a),
          el('span', { class: 'alert-time muted' }, ' · ' + fmtTime(a.at))),
        el('button', { type: 'button', class: 'banner-close', 'aria-label': 'Dismiss alert', onclick: () => dismissAlert(a.id) }, '×')));
    }
  }

  async function pollAlerts() {
    if (!state.user) return;
    try {
      const data = await api('GET', '/api/alerts');
      state.alerts = (data && data.alerts) || [];
      renderAlerts();
    } catch (err) {
      // The banner is a convenience; the next poll tries again.
    }
  }

  function startAlerts() {
    clearInterval(state.alertTimer);
    pollAlerts();
    state.alertTimer = setInterval(() => { if (!document.hidden) pollAlerts(); }, ALERT_POLL_MS);
  }

  function stopAlerts() {
    clearInterval(state.alertTimer);
    state.alerts = [];
    renderAlerts();
  }

  // g then i / r / a: go to the inbox / reports / audit log. Returns true when it used the key.
  let goPending = 0;
  function handleGoKey(ev) {
    if (ev.ctrlKey || ev.metaKey || ev.altKey || typingIn(ev.target) || $('help-dialog').open) return false;
    if (goPending) {
      clearTimeout(goPending);
      goPending = 0;
      const to = { i: 'inbox', r: canSeeReports() ? 'reports' : null, a: canSeeReports() ? 'audit' : null }[ev.key];
      if (!to) return false;
      ev.preventDefault();
      if (window.location.hash === '#' + to) route();
      else window.location.hash = to;
      return true;
    }
    if (ev.key === 'g') {
      goPending = setTimeout(() => { goPending = 0; }, 1500);
      ev.preventDefault();
      return true;
    }
    return false;
  }

  function wireReports() {
    window.addEventListener('hashchange', route);
    $('report-controls').addEventListener('submit', (ev) => ev.preventDefault());
    $('report-controls').addEventListener('change', (ev) => {
      if (ev.target.name === 'range') {
        const custom = ev.target.value === 'custom';
        $('custom-range').hidden = !custom;
        if (custom && !$('r-from').value) {
          $('r-to').value = utcDate(Date.now());
          $('r-from').value = utcDate(Date.now() - 29 * DAY_MS);
        }
      }
      if (ev.target.id === 'r-group') rep.breachGroup = null;
      loadReports();
    });
    $('reports-refresh').addEventListener('click', () => loadReports());
    $('breaches-more').addEventListener('click', () => {
      rep.showAllBreaches = true;
      renderBreaches();
    });
    $('audit-filters').addEventListener('submit', (ev) => {
      ev.preventDefault();
      loadAudit(true);
    });
    $('a-limit').addEventListener('change', () => loadAudit(true));
    $('a-reset').addEventListener('click', () => {
      $('audit-filters').reset();
      loadAudit(true);
    });
    $('audit-more').addEventListener('click', () => loadAudit(false));
  }

  // ---------- keyboard ----------

  function moveSelection(delta) {
    if (!state.items.length) return;
    let idx = state.items.findIndex((x) => String(x.id) === String(state.selectedId));
    idx = idx < 0 ? (delta > 0 ? 0 : state.items.length - 1) : Math.min(state.items.length - 1, Math.max(0, idx + delta));
    select(state.items[idx].id, { focusRow: true, scrollList: true });
  }

  function typingIn(target) {
    if (!target) return false;
    const tag = target.tagName;
    return tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT' || target.isContentEditable;
  }

  function onKey(ev) {
    if (!state.user) return;
    if (handleGoKey(ev)) return;
    if ($('app-view').hidden) return;
    if (ev.key === 'Escape') {
      if (typingIn(ev.target)) ev.target.blur();
      closePanels();
      hideOverride();
      return;
    }
    if (ev.ctrlKey || ev.metaKey || ev.altKey || typingIn(ev.target)) return;
    if ($('help-dialog').open) return;
    switch (ev.key) {
      case 'j': moveSelection(1); break;
      case 'k': moveSelection(-1); break;
      case 'c': claim(); break;
      case 'r':
        if (state.detail) {
          $('reply-text').focus();
          $('reply-text').scrollIntoView({ block: 'center', behavior: 'smooth' });
        }
        break;
      case 'e': openPanel('escalate'); break;
      case 'd': openPanel('dismiss'); break;
      case '?': $('help-dialog').showModal(); break;
      default: return;
    }
    ev.preventDefault();
  }

  // ---------- wiring ----------

  function wire() {
    $('login-form').addEventListener('submit', onLogin);
    $('logout-button').addEventListener('click', onLogout);
    $('help-button').addEventListener('click', () => $('help-dialog').showModal());
    $('banner-close').addEventListener('click', () => { $('banner').hidden = true; });
    $('refresh-button').addEventListener('click', () => refresh());
    $('more-button').addEventListener('click', loadMore);
    $('back-button').addEventListener('click', () => {
      const row = document.querySelector('.row-button.selected');
      if (row) {
        row.scrollIntoView({ block: 'center' });
        row.focus({ preventScroll: true });
      } else {
        $('queue-title').scrollIntoView();
      }
    });
    $('filters').addEventListener('change', () => loadQueue({ reset: true }));
    $('filters').addEventListener('submit', (ev) => ev.preventDefault());

    $('act-claim').addEventListener('click', claim);
    $('act-release').addEventListener('click', () => act('release', {}, 'Released back to the queue.'));
    $('act-resolve').addEventListener('click', () => act('resolve', {}, 'Resolved.'));
    $('act-dismiss').addEventListener('click', () => openPanel('dismiss'));
    $('act-escalate').addEventListener('click', () => openPanel('escalate'));
    $('act-note').addEventListener('click', () => openPanel('note'));
    $('act-hide').addEventListener('click', () => act('hide', {}, 'Hiding on the platform.'));
    $('act-unhide').addEventListener('click', () => act('unhide', {}, 'Unhiding on the platform.'));
    $('private-form').addEventListener('submit', async (ev) => {
      ev.preventDefault();
      const text = $('private-text').value;
      if (!text.trim()) return;
      if (await act('private-reply', { text }, 'Private reply queued.')) $('private-text').value = '';
    });
    for (const b of document.querySelectorAll('[data-close-panel]')) b.addEventListener('click', closePanels);

    $('panel-dismiss').addEventListener('submit', async (ev) => {
      ev.preventDefault();
      if (await act('dismiss', { reason: $('dismiss-reason').value }, 'Dismissed.')) closePanels();
    });
    $('panel-escalate').addEventListener('submit', async (ev) => {
      ev.preventDefault();
      const reason = $('escalate-reason').value.trim();
      const to = $('escalate-to').value.trim();
      if (!reason) {
        $('escalate-reason').focus();
        showMessage('Give a reason to escalate.', 'error');
        return;
      }
      const body = { reason };
      if (to) body.to = to;
      if (await act('escalate', body, 'Escalated.')) {
        closePanels();
        $('escalate-reason').value = '';
        $('escalate-to').value = '';
      }
    });
    $('panel-note').addEventListener('submit', async (ev) => {
      ev.preventDefault();
      const text = $('note-text').value.trim();
      if (!text) {
        $('note-text').focus();
        return;
      }
      if (await act('notes', { text }, 'Note added.')) {
        closePanels();
        $('note-text').value = '';
      }
    });

    const ta = $('reply-text');
    ta.addEventListener('input', () => {
      saveDraft();
      updateReplyMeta();
      hideOverride();
      scheduleLint();
    });
    ta.addEventListener('keydown', (ev) => {
      if (ev.key === 'Enter' && (ev.ctrlKey || ev.metaKey)) {
        ev.preventDefault();
        sendReply(false);
      }
    });
    $('reply-form').addEventListener('submit', (ev) => {
      ev.preventDefault();
      sendReply(false);
    });
    $('reply-clear').addEventListener('click', () => {
      ta.value = '';
      state.drafts.delete(String(state.selectedId));
      state.findings = [];
      renderFindings();
      hideOverride();
      updateReplyMeta();
      ta.focus();
    });
    $('override-send').addEventListener('click', () => sendReply(true));
    $('override-cancel').addEventListener('click', () => {
      hideOverride();
      ta.focus();
    });

    wireReports();
    document.addEventListener('keydown', onKey);
    document.addEventListener('visibilitychange', () => {
      if (document.hidden || !state.user) return;
      if (!$('app-view').hidden) refresh();
      pollAlerts();
    });
    setInterval(tickClocks, 1000);
  }

  async function start() {
    wire();
    try {
      const me = await api('GET', '/api/me');
      if (me && me.user) {
        signedIn(me);
        return;
      }
    } catch (err) {
      // Not signed in: show the form.
    }
    signedOut('');
  }

  // Exposed for the browser test and for debugging from the console.
  window.turnaround = { byteIndexMapper };

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();
