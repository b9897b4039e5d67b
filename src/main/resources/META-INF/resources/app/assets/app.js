// The pages' script: signs in with the realm's public client (authorization code + PKCE S256),
// keeps the tokens in memory only, renews the access token before it expires without reloading
// the page, and calls the JSON API with it. Each page adds its own part (App.pages[name]).
'use strict';

// Kept for the browser tests' failure reports: what went wrong in the script.
window.__errors = [];
window.addEventListener('error', e => window.__errors.push(String(e.message)));
window.addEventListener('unhandledrejection', e => window.__errors.push(String(e.reason)));

const App = (() => {
  const cfg = document.body.dataset;
  const oidc = cfg.issuer.replace(/\/$/, '') + '/protocol/openid-connect';
  const ROLES = ['coordinator', 'supervisor', 'provider', 'admin', 'auditor'];
  const texts = {};
  document.querySelectorAll('#texts [data-key]').forEach(el => { texts[el.dataset.key] = el.textContent; });

  let session = null; // { access, refresh, idToken, claims, renewTimer }
  let renewals = 0;

  const t = key => texts[String(key).replace(/-/g, '_')] ?? key;
  const has = key => Object.prototype.hasOwnProperty.call(texts, String(key).replace(/-/g, '_'));
  /**
   * A code's words in the page's language: on English pages the API's own label where it gives one;
   * otherwise the bundle's text for prefix + code, else the API's label, else the code.
   */
  const label = (prefix, code, fallback) => (cfg.lang === 'en' && fallback) || (has(prefix + code) ? t(prefix + code) : (fallback ?? code));
  const $ = (sel, root = document) => root.querySelector(sel);
  const $$ = (sel, root = document) => Array.from(root.querySelectorAll(sel));

  /** An element with attributes and children (text nodes for strings): never innerHTML with data. */
  function h(tag, attrs = {}, ...children) {
    const el = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs)) {
      if (v === null || v === undefined || v === false) continue;
      if (k.startsWith('on')) el.addEventListener(k.slice(2), v);
      else if (k === 'text') el.textContent = v;
      else el.setAttribute(k, v === true ? '' : v);
    }
    for (const c of children.flat()) {
      if (c === null || c === undefined || c === false) continue;
      el.append(c instanceof Node ? c : document.createTextNode(String(c)));
    }
    return el;
  }

  function status(message, kind) {
    const el = $('#status');
    el.textContent = message || '';
    el.className = kind || '';
  }

  const b64url = bytes => btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  const randomText = n => b64url(crypto.getRandomValues(new Uint8Array(n)));
  const redirectUri = () => location.origin + location.pathname;

  function claimsOf(jwt) {
    const part = jwt.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
    const json = decodeURIComponent(Array.from(atob(part), c => '%' + c.charCodeAt(0).toString(16).padStart(2, '0')).join(''));
    return JSON.parse(json);
  }

  async function signIn(silent) {
    const verifier = randomText(48);
    const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier));
    const state = randomText(24);
    sessionStorage.setItem('app-sign-in', JSON.stringify({ state, verifier, back: location.pathname + location.search + location.hash }));
    const params = new URLSearchParams({
      client_id: cfg.clientId, response_type: 'code', scope: 'openid', redirect_uri: redirectUri(), state,
      code_challenge: b64url(new Uint8Array(digest)), code_challenge_method: 'S256', ui_locales: cfg.lang
    });
    if (silent) params.set('prompt', 'none');
    location.assign(oidc + '/auth?' + params);
  }

  async function tokenCall(form) {
    const response = await fetch(oidc + '/token', {
      method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ client_id: cfg.clientId, ...form })
    });
    if (!response.ok) throw new Error('token endpoint answered ' + response.status);
    return response.json();
  }

  function adopt(tokens) {
    clearTimeout(session?.renewTimer);
    session = {
      access: tokens.access_token, refresh: tokens.refresh_token ?? session?.refresh,
      idToken: tokens.id_token ?? session?.idToken, claims: claimsOf(tokens.access_token)
    };
    const lead = Number(cfg.renewBefore) || 60;
    const inSeconds = Math.max(5, (tokens.expires_in || 300) - lead);
    session.renewTimer = setTimeout(renew, inSeconds * 1000);
  }

  async function renew() {
    try {
      adopt(await tokenCall({ grant_type: 'refresh_token', refresh_token: session.refresh }));
      renewals += 1;
      document.body.dataset.renewals = String(renewals);
      const at = $('#renewed-at');
      const now = new Date();
      at.dateTime = now.toISOString();
      at.textContent = now.toLocaleTimeString(cfg.lang);
      $('#renewed').hidden = false;
    } catch (e) {
      // The sign-in session ended (timeout, sign-out elsewhere): the form stays as it is; sign in again to send it.
      session = null;
      showSignedOut(t('status_signed_out'));
    }
  }

  function signOut() {
    const params = new URLSearchParams({ client_id: cfg.clientId, post_logout_redirect_uri: location.origin + '/app' });
    if (session?.idToken) params.set('id_token_hint', session.idToken);
    session = null;
    location.assign(oidc + '/logout?' + params);
  }

  function roleOf(claims) {
    const roles = claims.realm_access?.roles ?? [];
    return ROLES.find(r => roles.includes(r)) ?? null;
  }

  function showSignedIn() {
    const c = session.claims;
    const role = roleOf(c);
    $('#user-name').textContent = c.name || c.preferred_username || c.sub;
    $('#user-role').textContent = t(role ? 'role_' + role : 'role_none');
    $('#who').hidden = false;
    $('#sign-in').hidden = true;
    $('#sign-out').hidden = false;
    document.body.classList.add('signed-in');
    if (role) document.body.classList.add('role-' + role);
    document.body.dataset.signedInRole = role ?? '';
    $('#content').hidden = false;
  }

  function showSignedOut(message, kind) {
    $('#who').hidden = true;
    $('#sign-out').hidden = true;
    $('#sign-in').hidden = false;
    document.body.classList.remove('signed-in');
    status(message, kind);
  }

  /** Finishes a sign-in that came back to this page; returns whether a session exists now. */
  async function completeSignIn() {
    const query = new URLSearchParams(location.search);
    const pending = JSON.parse(sessionStorage.getItem('app-sign-in') || 'null');
    if (!pending || !query.has('state') || query.get('state') !== pending.state) return 'none';
    sessionStorage.removeItem('app-sign-in');
    history.replaceState(null, '', pending.back);
    if (query.has('error')) return query.get('error') === 'login_required' ? 'signed-out' : 'failed';
    try {
      adopt(await tokenCall({ grant_type: 'authorization_code', code: query.get('code'), redirect_uri: redirectUri(), code_verifier: pending.verifier }));
      return 'signed-in';
    } catch (e) {
      return 'failed';
    }
  }

  /** Calls the JSON API with the user's token: { status, ok, body, etag, headers }. */
  async function api(path, { method = 'GET', body, headers = {} } = {}) {
    if (!session) throw new Error('not signed in');
    const init = { method, headers: { Accept: 'application/json, application/problem+json', Authorization: 'Bearer ' + session.access, ...headers } };
    if (body !== undefined) {
      init.body = JSON.stringify(body);
      init.headers['Content-Type'] = init.headers['Content-Type'] || 'application/json';
    }
    const response = await fetch(path, init);
    const type = response.headers.get('Content-Type') || '';
    const parsed = type.includes('json') ? await response.json() : await response.text();
    return { status: response.status, ok: response.ok, body: parsed, etag: response.headers.get('ETag'), headers: response.headers };
  }

  /** Downloads an API file (CSV) with the token, as a file the browser saves. */
  async function download(path, filename) {
    const response = await fetch(path, { headers: { Authorization: 'Bearer ' + session.access, Accept: 'text/csv' } });
    if (!response.ok) { status(t('status_error'), 'bad'); return; }
    const url = URL.createObjectURL(await response.blob());
    const a = h('a', { href: url, download: filename });
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10000);
  }

  const PROBLEM_TYPE = 'urn:student-support:problem:';
  /** The kind of a problem (its type's last part, e.g. consent-required), or null for a body that is no problem document. */
  const problemKind = body => typeof body.type === 'string' && body.type.startsWith(PROBLEM_TYPE) ? body.type.slice(PROBLEM_TYPE.length) : null;
  /** The member a JSON pointer names: its last part that is not an index (entries/3/tier → tier). */
  const memberOf = pointer => pointer.split('/').filter(p => p && !/^\d+$/.test(p)).pop() || '';

  /**
   * The words of a problem for the page. English pages show the API's own words (the most precise);
   * other languages show the bundle's text for the problem's type, and for each field error the
   * bundle's text for that type and field (problem_<kind>_<field>, then field_<field>), keeping the
   * API's English words, marked as English, only where the bundle has nothing more precise.
   */
  function problemText(body) {
    const kind = problemKind(body);
    if (cfg.lang === 'en' || !kind || !has('problem_' + kind)) {
      return (body.title ? body.title + ': ' : '') + (body.detail || t('status_error'));
    }
    return t('problem_' + kind) + ((body.errors ?? []).length ? ' ' + t('problem_see_fields') : '');
  }

  function fieldErrorText(body, error) {
    const english = error.message || error.detail || '';
    if (cfg.lang === 'en') return [english];
    const kind = problemKind(body) || '';
    const member = memberOf(error.pointer || '') || error.parameter || '';
    for (const key of ['problem_' + kind + '_' + member, 'field_' + member]) {
      if (member && has(key)) return [t(key)];
    }
    return [t('problem_field'), english ? [' (', h('span', { lang: 'en' }, english), ')'] : null];
  }

  /** The problem's words for the status line, and each field error next to its field (by JSON pointer). */
  function showProblem(problem, form) {
    if (form) $$('.field-error', form).forEach(el => el.remove());
    const body = typeof problem.body === 'object' && problem.body ? problem.body : {};
    status(problemText(body), 'bad');
    if (!form) return;
    for (const error of body.errors ?? []) {
      // The field of the pointer, or of its nearest parent (entries/3/domains/academic/needs/0 → the academic cell of row 3).
      const pointer = (error.pointer || '').replace(/^\//, '');
      let field = null;
      for (let p = pointer; p && !field; p = p.includes('/') ? p.slice(0, p.lastIndexOf('/')) : '') {
        field = form.querySelector('[data-pointer="' + CSS.escape(p) + '"]');
      }
      const name = pointer.split('/')[0] || error.parameter;
      if (!field && name) field = form.querySelector('[name="' + CSS.escape(name) + '"]');
      const message = h('p', { class: 'field-error', id: 'err-' + Math.random().toString(36).slice(2) }, fieldErrorText(body, error));
      if (field) {
        const holder = field.closest('.field, fieldset') || field.parentElement;
        holder.append(message);
        field.setAttribute('aria-invalid', 'true');
        field.setAttribute('aria-describedby', message.id);
      } else {
        form.prepend(message);
      }
    }
  }

  function option(value, label, selected) {
    return h('option', { value, selected: selected ? true : null }, label);
  }

  function select(id, name, values, labelKeyPrefix, chosen) {
    return h('select', { id, name }, option('', t('choose')), values.map(v => option(v, t(labelKeyPrefix + v), v === chosen)));
  }

  const formatDate = iso => iso ? new Date(iso.length === 10 ? iso + 'T00:00:00' : iso).toLocaleDateString(cfg.lang) : '';

  const pages = {};

  /** Names each cell of a narrow-screen table after its column (CSS shows it above the cell when rows become blocks). */
  function labelCells(table) {
    const heads = $$('thead th', table).map(th => th.textContent.trim());
    $$('tbody tr', table).forEach(tr => Array.from(tr.children).forEach((cell, i) => {
      if (heads[i] && !cell.hasAttribute('colspan') && cell.tagName === 'TD') cell.dataset.label = heads[i];
    }));
  }

  async function start() {
    // Whatever a page puts in a table's body gets its column names (setting them changes attributes only: no loop).
    new MutationObserver(records => new Set(records.map(r => r.target.closest?.('table.reflow')).filter(Boolean)).forEach(labelCells))
      .observe($('#content'), { childList: true, subtree: true });
    $('#sign-in').addEventListener('click', () => signIn(false));
    $('#sign-out').addEventListener('click', signOut);
    $('#lang').addEventListener('change', e => e.target.form.requestSubmit());
    status(t('status_signing_in'));
    const outcome = await completeSignIn();
    if (outcome === 'none') { await signIn(true); return; }
    if (outcome !== 'signed-in') {
      showSignedOut(t(outcome === 'failed' ? 'status_sign_in_failed' : 'status_signed_out'), outcome === 'failed' ? 'bad' : '');
      return;
    }
    status('');
    showSignedIn();
    const page = pages[cfg.page];
    if (page) {
      try {
        await page();
      } catch (e) {
        status(t('status_error'), 'bad');
        throw e;
      }
    }
    document.body.dataset.ready = 'true';
  }

  document.addEventListener('DOMContentLoaded', start);
  return { t, has, label, h, $, $$, api, download, status, showProblem, select, option, formatDate, pages, role: () => session && roleOf(session.claims), lang: cfg.lang };
})();

/** A vocabulary's labels (kind need or strength) in the page's language (the API falls back to English): code → label. */
App.codeLabels = async kind => {
  const found = await App.api('/api/v1/vocabulary-codes?kind=' + kind + '&size=200&lang=' + encodeURIComponent(App.lang));
  return new Map(found.ok ? found.body.items.map(c => [c.code, c.label]) : []);
};

/** A language code (es, pt-BR) as the page's language names it. */
App.languageName = code => {
  try {
    return new Intl.DisplayNames([App.lang], { type: 'language' }).of(code) || code;
  } catch (e) {
    return code;
  }
};

App.pages.home = async () => {
  const { t, h, $, api } = App;
  const form = $('#student-search');
  form.addEventListener('submit', async e => {
    e.preventDefault();
    const q = $('#student-q').value.trim();
    const found = await api('/api/v1/students?size=20&name=' + encodeURIComponent(q));
    if (!found.ok) { App.showProblem(found, form); return; }
    const table = $('#student-results');
    const rows = found.body.items.map(s => h('tr', {},
      h('td', {}, h('a', { href: '/app/student?id=' + s.id }, [s.preferredName || s.givenName, s.familyName].join(' '))),
      h('td', {}, s.grade || ''), h('td', {}, s.schoolId)));
    $('tbody', table).replaceChildren(...rows);
    table.hidden = rows.length === 0;
    App.status(rows.length ? '' : t('student_search_none'));
  });
};

App.pages.inbox = async () => {
  const { t, h, $, $$, api } = App;
  const OPEN = ['requested', 'accepted', 'in-progress', 'on-hold'];
  let page = 1;
  let current = null; // { id, etag }
  const moves = { accepted: '#move-accept', rejected: '#move-reject', 'in-progress': '#move-start', completed: '#move-complete' };

  async function list() {
    const choice = $('#inbox-status').value;
    const statuses = choice === 'open' ? OPEN : choice ? [choice] : [];
    const query = new URLSearchParams({ page, size: 20 });
    statuses.forEach(s => query.append('status', s));
    const found = await api('/api/v1/provider/referrals?' + query);
    if (!found.ok) { App.showProblem(found); return; }
    const rows = found.body.items.map(r => h('tr', { 'data-id': r.id },
      h('td', {}, r.studentFirstName + ' ' + (r.studentLastInitial ? r.studentLastInitial + '.' : '')),
      h('td', {}, r.serviceName), h('td', { class: 'status' }, t('status_' + r.status)), h('td', {}, r.urgency || ''),
      h('td', {}, App.formatDate(r.requestedAt)), h('td', {}, App.formatDate(r.followUpDue)),
      h('td', {}, h('button', { type: 'button', class: 'secondary', onclick: () => show(r.id) }, t('inbox_open'),
        h('span', { class: 'skip' }, ' ' + r.studentFirstName + ' – ' + r.serviceName)))));
    $('#inbox-list tbody').replaceChildren(...rows);
    $('#inbox-empty').hidden = rows.length > 0;
    $('#inbox-count').textContent = t('page_of') + ' ' + found.body.page + ' / ' + Math.max(1, found.body.totalPages) + ' · ' + found.body.totalItems;
    $('#inbox-prev').disabled = page <= 1;
    $('#inbox-next').disabled = page >= found.body.totalPages;
  }

  async function show(id) {
    const found = await api('/api/v1/provider/referrals/' + id);
    if (!found.ok) { App.showProblem(found); return; }
    const r = found.body;
    current = { id, etag: found.etag };
    const fact = (key, value) => value ? [h('dt', {}, t(key)), h('dd', {}, value)] : [];
    $('#referral-facts').replaceChildren(
      ...fact('col_student', r.studentFirstName + ' ' + (r.studentLastInitial || '') + '.'),
      ...fact('col_grade', r.grade), ...fact('inbox_age', r.age === null ? '' : String(r.age)),
      ...fact('inbox_language', r.language && App.languageName(r.language)), ...fact('col_service', r.serviceName),
      ...fact('col_status', t('status_' + r.status)), ...fact('inbox_purpose', r.purpose && App.label('purpose_', r.purpose)),
      ...fact('inbox_needs', (r.reasonCodes || []).join(', ')), ...fact('inbox_notes', r.sharedNotes),
      ...fact('inbox_contacts', (r.familyContacts || []).map(c => [c.givenName, c.familyName, c.relationship && '(' + App.label('relationship_', c.relationship) + ')',
        c.phone, c.email].filter(Boolean).join(' ')).join('; ')),
      ...fact('inbox_shared', (r.sharedCategories || []).map(c => App.label('category_', c)).join(', ')), ...fact('inbox_disclosed_at', App.formatDate(r.dataDisclosedAt)),
      ...fact('col_due', App.formatDate(r.followUpDue)));
    $('#referral-notice').textContent = r.redisclosureNotice;
    $('#referral-consent-notice').textContent = r.consentNotice || '';
    $('#referral-consent-notice').hidden = !r.consentNotice;
    for (const [to, sel] of Object.entries(moves)) {
      const form = $(sel);
      form.hidden = !(r.allowedNextStatuses || []).includes(to);
      form.reset();
      $$('.field-error', form).forEach(el => el.remove());
    }
    $('#referral-none').hidden = true;
    $('#referral-body').hidden = false;
    $('#referral-h').focus();
  }

  async function move(form) {
    const data = Object.fromEntries(new FormData(form).entries());
    for (const k of Object.keys(data)) if (data[k] === '') delete data[k];
    const sent = await api('/api/v1/referrals/' + current.id + '/transitions', {
      method: 'POST', body: { to: form.dataset.to, ...data }, headers: { 'If-Match': current.etag }
    });
    if (sent.status === 412) { App.status(t('conflict_changed'), 'bad'); await show(current.id); return; }
    if (!sent.ok) { App.showProblem(sent, form); return; }
    await show(current.id);
    App.status(t('moved_to') + ' ' + t('status_' + form.dataset.to) + '.', 'good');
    await list();
  }

  $('#inbox-filters').addEventListener('submit', e => { e.preventDefault(); page = 1; list(); });
  $('#inbox-prev').addEventListener('click', () => { page -= 1; list(); });
  $('#inbox-next').addEventListener('click', () => { page += 1; list(); });
  Object.values(moves).forEach(sel => $(sel).addEventListener('submit', e => { e.preventDefault(); move(e.target); }));
  if (App.role() !== 'provider') { App.status(t('status_no_access'), 'bad'); return; }
  await list();
};

App.pages.reviews = async () => {
  const { t, h, $, $$, api } = App;
  const DOMAINS = [['academic', 'academic'], ['socialEmotional', 'social-emotional'], ['health', 'health'], ['family', 'family']];
  let chosen = null; // { school, period }
  let review = null; // { classId, title, etag, status, entries: Map(studentId -> entry) }
  const splitCodes = text => text.split(',').map(s => s.trim()).filter(Boolean);

  const schools = await api('/api/v1/schools?size=200');
  const periods = await api('/api/v1/review-periods?size=200');
  const tiers = await api('/api/v1/review-tiers');
  if (!schools.ok || !periods.ok) { App.showProblem(schools.ok ? periods : schools); return; }
  $('#rv-school').replaceChildren(...schools.body.items.map(s => App.option(s.id, s.name)));
  $('#rv-period').replaceChildren(...periods.body.items.map(p => App.option(p.id, p.name + ' (' + p.schoolYearTitle + ')')));
  // The need codes a cell suggests, with their labels in the page's language.
  for (const [, code] of DOMAINS) {
    const codes = await api('/api/v1/vocabulary-codes?kind=need&size=200&domain=' + code + '&lang=' + encodeURIComponent(App.lang));
    if (codes.ok) $('#codes-' + code).replaceChildren(...codes.body.items.filter(c => c.active).map(c => h('option', { value: c.code }, c.label)));
  }

  async function progress() {
    const base = '/api/v1/review-periods/' + chosen.period + '/schools/' + chosen.school;
    const [figures, classes] = [await api(base + '/progress'), await api(base + '/classes?size=200')];
    if (!figures.ok || !classes.ok) { App.showProblem(figures.ok ? classes : figures); return; }
    const f = figures.body;
    $('#rv-count-classes').textContent = f.classes;
    $('#rv-count-final').textContent = f.classesFinal;
    $('#rv-count-draft').textContent = f.classesDraft;
    $('#rv-count-not-started').textContent = f.classesNotStarted;
    $('#rv-count-students').textContent = f.studentsReviewed + ' / ' + f.studentsEnrolled + ' (' + Math.round(f.reviewedShare * 100) + '%)';
    $('#rv-share').value = f.reviewedShare;
    $('#rv-classes tbody').replaceChildren(...classes.body.items.map(c => h('tr', { 'data-class': c.classId },
      h('th', { scope: 'row' }, c.title), h('td', {}, t('rv_status_' + c.status.replace('-', '_'))),
      h('td', {}, h('button', { type: 'button', class: 'secondary', onclick: () => open(c.classId, c.title) }, t('rv_review'),
        h('span', { class: 'skip' }, ' ' + c.title))))));
    $('#rv-progress').hidden = false;
  }

  function cell(input) { return h('td', {}, input); }

  function row(student, index, entry) {
    const name = [student.preferredName || student.givenName, student.familyName].join(' ');
    const tierSelect = h('select', { name: 'tier', 'data-pointer': 'entries/' + index + '/tier', 'aria-label': t('rv_tier') + ' – ' + name, 'data-col': 'tier' },
      App.option('', '—'), (tiers.body?.tiers ?? []).map(x => App.option(x.code, x.code + ' – ' + App.label('tier_', x.code, x.label), entry?.tier === x.code)));
    const domainInputs = DOMAINS.map(([member, code]) => cell(h('input', {
      type: 'text', name: member, list: 'codes-' + code, 'data-col': member, autocomplete: 'off',
      'data-pointer': 'entries/' + index + '/domains/' + member, value: (entry?.domains?.[member]?.needs ?? []).join(', '),
      'aria-label': t('rv_domain_' + code.replace('-', '_')) + ' ' + t('rv_needs') + ' – ' + name
    })));
    const isr = h('input', { type: 'checkbox', name: 'isr', 'data-col': 'isr', checked: entry?.needsIndividualReview ? true : null,
      'aria-label': t('rv_isr') + ' – ' + name });
    return h('tr', { 'data-student': student.studentId },
      h('th', { scope: 'row' }, h('a', { href: '/app/student?id=' + student.studentId, title: t('rv_open_student') }, name)),
      cell(tierSelect), ...domainInputs, cell(isr));
  }

  function entriesFromGrid() {
    return $$('#rv-grid tbody tr').map(tr => {
      const id = tr.dataset.student;
      const before = review.entries.get(id);
      const domains = {};
      for (const [member] of DOMAINS) {
        const kept = before?.domains?.[member];
        domains[member] = { strengths: kept?.strengths ?? [], needs: splitCodes($('[name="' + member + '"]', tr).value), note: kept?.note ?? null };
      }
      return { studentId: id, tier: $('[name=tier]', tr).value || null, interests: before?.interests ?? null,
        needsIndividualReview: $('[name=isr]', tr).checked, domains };
    });
  }

  const sameEntry = (a, b) => !!b && a.tier === b.tier && a.needsIndividualReview === b.needsIndividualReview
    && DOMAINS.every(([m]) => JSON.stringify(a.domains[m].needs) === JSON.stringify(b.domains?.[m]?.needs ?? []));

  function adopt(body, etag) {
    review.etag = etag;
    review.status = body.status;
    review.entries = new Map(body.entries.map(e => [e.studentId, e]));
    $('#rv-review-status').textContent = t('rv_status_' + body.status);
    const final = body.status === 'final';
    $('#rv-save').hidden = final;
    $('#rv-finalize').hidden = final;
    $('#rv-amend').hidden = !final;
    $('#rv-reason-field').hidden = !final;
  }

  async function open(classId, title) {
    const [roster, found] = [await api('/api/v1/classes/' + classId + '/roster?size=200'),
      await api('/api/v1/classes/' + classId + '/reviews/' + chosen.period)];
    if (!roster.ok) { App.showProblem(roster); return; }
    review = { classId, title, etag: null, status: 'not-started', entries: new Map() };
    if (found.ok) adopt(found.body, found.etag);
    else {
      $('#rv-review-status').textContent = t('rv_status_not_started');
      ['#rv-save', '#rv-finalize'].forEach(s => { $(s).hidden = false; });
      $('#rv-amend').hidden = true;
      $('#rv-reason-field').hidden = true;
    }
    $('#rv-class-title').textContent = title;
    $('#rv-grid tbody').replaceChildren(...roster.body.items.map((s, i) => row(s, i, review.entries.get(s.studentId))));
    $('#rv-grid-section').hidden = false;
    $('#rv-class-title').focus();
  }

  async function send(call, okText) {
    $$('#rv-grid .field-error').forEach(el => el.remove());
    $$('#rv-grid [aria-invalid]').forEach(el => el.removeAttribute('aria-invalid'));
    const sent = await call();
    if (sent.status === 412) { App.status(t('rv_conflict'), 'bad'); return; }
    if (!sent.ok) { App.showProblem(sent, $('#rv-grid')); return; }
    adopt(sent.body, sent.etag);
    App.status(okText, 'good');
    await progress();
  }

  const base = () => '/api/v1/classes/' + review.classId + '/reviews/' + chosen.period;
  $('#rv-grid').addEventListener('submit', e => {
    e.preventDefault();
    send(() => api(base(), { method: 'PUT', body: { entries: entriesFromGrid() }, headers: review.etag ? { 'If-Match': review.etag } : {} }), t('rv_saved'));
  });
  $('#rv-finalize').addEventListener('click', async () => {
    if (!review.etag) { App.status(t('rv_nothing_changed')); return; }
    send(() => api(base() + '/finalize', { method: 'POST', headers: { 'If-Match': review.etag } }), t('rv_finalized'));
  });
  $('#rv-amend').addEventListener('click', () => {
    const changed = entriesFromGrid().filter(e => !sameEntry(e, review.entries.get(e.studentId)));
    if (!changed.length) { App.status(t('rv_nothing_changed')); return; }
    send(() => api(base() + '/amendments', { method: 'POST', body: { reason: $('#rv-reason').value, entries: changed },
      headers: { 'If-Match': review.etag } }), t('rv_amended'));
  });
  $('#rv-reload').addEventListener('click', () => open(review.classId, review.title));
  // Keyboard: arrow up/down move to the same column of the row above/below (with Ctrl in a tier list).
  $('#rv-grid tbody').addEventListener('keydown', e => {
    if (!['ArrowUp', 'ArrowDown'].includes(e.key)) return;
    const field = e.target;
    if (!field.dataset.col || (field.tagName === 'SELECT' && !e.ctrlKey)) return;
    const tr = field.closest('tr');
    const next = e.key === 'ArrowDown' ? tr.nextElementSibling : tr.previousElementSibling;
    const target = next && $('[data-col="' + field.dataset.col + '"]', next);
    if (target) { e.preventDefault(); target.focus(); }
  });
  $('#rv-pick').addEventListener('submit', e => {
    e.preventDefault();
    chosen = { school: $('#rv-school').value, period: $('#rv-period').value };
    $('#rv-grid-section').hidden = true;
    progress();
  });
};

App.pages.student = async () => {
  const { t, h, $, api } = App;
  const id = new URLSearchParams(location.search).get('id');
  const none = cols => [h('tr', {}, h('td', { colspan: cols }, t('st_none')))];
  const fill = (sel, rows, cols) => $(sel + ' tbody').replaceChildren(...(rows.length ? rows : none(cols)));
  const profile = await api('/api/v1/students/' + encodeURIComponent(id || ''));
  if (!profile.ok) { App.showProblem(profile); return; }
  const p = profile.body;
  const name = [p.preferredName || p.givenName, p.familyName].join(' ');
  document.title = name + ' – ' + document.title;
  $('h1').textContent = name;
  const fact = (key, value) => value ? [h('dt', {}, t(key)), h('dd', {}, value)] : [];
  $('#st-profile').replaceChildren(...fact('st_name', p.givenName + ' ' + p.familyName), ...fact('col_grade', p.grade),
    ...fact('col_school', p.schoolName), ...fact('st_birth_date', App.formatDate(p.birthDate)),
    ...fact('st_language', p.preferredLanguage && App.languageName(p.preferredLanguage)),
    ...fact('st_tier', p.support?.currentTier ? p.support.currentTier.tier + ' (' + p.support.currentTier.reviewPeriodName + ')' : t('st_none')),
    ...fact('inbox_contacts', (p.familyContacts || []).map(c => [c.contact?.givenName, c.contact?.familyName,
      c.relationship && '(' + App.label('relationship_', c.relationship) + ')'].filter(Boolean).join(' ')).join('; ')));
  const [needs, strengths] = [await App.codeLabels('need'), await App.codeLabels('strength')];
  const words = (labels, codes) => codes.map(c => labels.get(c) || c).join(', ');
  fill('#st-needs', (p.support?.latestByDomain ?? []).map(d => h('tr', {}, h('th', { scope: 'row' }, t('rv_domain_' + d.domain.replace('-', '_'))),
    h('td', {}, words(strengths, d.strengths)), h('td', {}, words(needs, d.needs)))), 3);
  const [plans, referrals, consents] = [await api('/api/v1/students/' + id + '/individual-reviews?size=50'),
    await api('/api/v1/referrals?size=50&studentId=' + id), await api('/api/v1/students/' + id + '/consents?size=50')];
  if (plans.ok) fill('#st-plans', plans.body.items.map(r => h('tr', {}, h('td', {}, r.status), h('td', {}, App.formatDate(r.openedAt)),
    h('td', {}, String(r.goals)), h('td', {}, String(r.supports)))), 4);
  if (referrals.ok) fill('#st-referrals', referrals.body.items.map(r => h('tr', {}, h('td', {}, r.serviceName + ' – ' + r.organizationName),
    h('td', {}, t('status_' + r.status)), h('td', {}, App.formatDate(r.followUpDue)))), 3);
  if (consents.ok) fill('#st-consents', consents.body.items.map(c => h('tr', {}, h('td', {}, c.signerName || ''), h('td', {}, App.formatDate(c.signedOn)),
    h('td', {}, c.purposes.map(x => App.label('purpose_', x)).join(', ')), h('td', {}, c.dataCategories.map(x => App.label('category_', x)).join(', ')),
    h('td', {}, App.formatDate(c.expiresOn)), h('td', {}, c.state))), 6);
};

App.pages.oversight = async () => {
  const { t, h, $, api } = App;
  const NS = 'http://www.w3.org/2000/svg';
  const svg = (tag, attrs = {}, ...children) => {
    const el = document.createElementNS(NS, tag);
    for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
    children.flat().forEach(c => el.append(c instanceof Node ? c : document.createTextNode(String(c))));
    return el;
  };
  const num = v => v === null || v === undefined ? '—' : (Math.round(v * 10) / 10).toLocaleString(App.lang);

  /** A horizontal bar chart: one group of bars per row, one bar per series; the numbers are in the table above too. */
  function bars(rows, series, label) {
    const max = Math.max(1, ...rows.flatMap(r => series.map(s => r[s.key] ?? 0)));
    const barH = 14, gap = 6, labelW = 180, width = 720;
    const groupH = series.length * barH + gap * 2;
    const chart = svg('svg', { class: 'chart', role: 'img', 'aria-label': label, viewBox: '0 0 ' + width + ' ' + Math.max(groupH, rows.length * groupH), width: '100%' });
    rows.forEach((r, i) => {
      const y0 = i * groupH;
      chart.append(svg('text', { x: 0, y: y0 + groupH / 2 + 4 }, (r.groupName || r.groupId || '').slice(0, 30)));
      series.forEach((s, j) => {
        const v = r[s.key] ?? 0;
        const w = (width - labelW - 240) * v / max;
        chart.append(svg('rect', { x: labelW, y: y0 + gap + j * barH, width: Math.max(1, w), height: barH - 2, opacity: String(1 - j * 0.3) },
          svg('title', {}, s.label + ': ' + num(v))));
        chart.append(svg('text', { x: labelW + w + 4, y: y0 + gap + j * barH + barH - 4 }, s.label + ' ' + num(v)));
      });
    });
    return chart;
  }

  const query = () => new URLSearchParams(Object.entries({ from: $('#ov-from').value, to: $('#ov-to').value, groupBy: $('#ov-group').value })
    .filter(([, v]) => v));

  async function figures() {
    const found = await api('/api/v1/oversight/referrals/follow-through?' + query());
    if (!found.ok) { App.showProblem(found, $('#ov-period')); return; }
    const rows = found.body.rows;
    $('#ov-from').value = found.body.from;
    $('#ov-to').value = found.body.to;
    $('#ov-figures tbody').replaceChildren(...rows.map(r => h('tr', {}, h('th', { scope: 'row' }, r.groupName || r.groupId),
      h('td', {}, String(r.requested)), h('td', {}, String(r.overdue)), h('td', {}, String(r.closed)),
      h('td', {}, num(r.medianDaysToAccept)), h('td', {}, num(r.medianDaysToFirstService)), h('td', {}, num(r.medianDaysToClose)),
      h('td', {}, r.closedWithOutcomeShare === null ? '—' : Math.round(r.closedWithOutcomeShare * 100) + '%'))));
    $('#ov-chart').replaceChildren(bars(rows, [{ key: 'requested', label: t('ov_requested') }, { key: 'overdue', label: t('ov_overdue') }], t('ov_chart')));
    $('#ov-chart-times').replaceChildren(bars(rows, [{ key: 'medianDaysToAccept', label: t('ov_accept_days') },
      { key: 'medianDaysToFirstService', label: t('ov_first_service_days') }, { key: 'medianDaysToClose', label: t('ov_close_days') }], t('ov_chart_times')));
  }

  const studentLink = id => h('a', { href: '/app/student?id=' + id }, id.slice(0, 8));
  async function overdue() {
    const found = await api('/api/v1/oversight/referrals/overdue?size=50');
    if (!found.ok) { App.showProblem(found); return; }
    $('#ov-overdue tbody').replaceChildren(...found.body.items.map(r => h('tr', { 'data-id': r.referralId }, h('td', {}, r.schoolName),
      h('td', {}, r.organizationName), h('td', {}, t('status_' + r.status)), h('td', {}, App.formatDate(r.followUpDue)),
      h('td', {}, String(r.daysOverdue)), h('td', {}, studentLink(r.studentId)))));
  }
  async function stalled() {
    const found = await api('/api/v1/oversight/referrals/stalled?size=50&days=' + encodeURIComponent($('#ov-stalled-days').value));
    if (!found.ok) { App.showProblem(found, $('#ov-stalled-form')); return; }
    $('#ov-stalled tbody').replaceChildren(...found.body.items.map(r => h('tr', { 'data-id': r.referralId }, h('td', {}, r.schoolName),
      h('td', {}, r.organizationName), h('td', {}, t('status_' + r.status)), h('td', {}, String(r.daysSinceLastTransition)),
      h('td', {}, studentLink(r.studentId)))));
  }
  const auditQuery = () => new URLSearchParams(Object.entries({ studentId: $('#ov-audit-student').value.trim(),
    actor: $('#ov-audit-actor').value.trim(), action: $('#ov-audit-action').value }).filter(([, v]) => v));
  function auditRows(found) {
    $('#ov-audit tbody').replaceChildren(...found.body.items.map(e => h('tr', {}, h('td', {}, new Date(e.occurredAt).toLocaleString(App.lang)),
      h('td', {}, e.actorUsername || e.actorSubject), h('td', {}, e.action), h('td', {}, e.outcome),
      h('td', {}, [e.objectType, e.objectId].filter(Boolean).join(' ')))));
  }
  async function audit() {
    const found = await api('/api/v1/audit/events?size=50&' + auditQuery());
    if (!found.ok) { App.showProblem(found, $('#ov-audit-form')); return; }
    auditRows(found);
  }
  async function access() {
    const id = $('#ov-audit-student').value.trim();
    const found = await api('/api/v1/audit/students/' + encodeURIComponent(id) + '/access?size=50');
    if (!found.ok) { App.showProblem(found, $('#ov-audit-form')); return; }
    auditRows(found);
  }

  $('#ov-period').addEventListener('submit', e => { e.preventDefault(); figures(); });
  $('#ov-stalled-form').addEventListener('submit', e => { e.preventDefault(); stalled(); });
  $('#ov-audit-form').addEventListener('submit', e => { e.preventDefault(); audit(); });
  $('#ov-access').addEventListener('click', access);
  $('#ov-figures-csv').addEventListener('click', () => App.download('/api/v1/oversight/referrals/follow-through.csv?' + query(), 'follow-through.csv'));
  $('#ov-overdue-csv').addEventListener('click', () => App.download('/api/v1/oversight/referrals/overdue.csv', 'overdue.csv'));
  $('#ov-stalled-csv').addEventListener('click', () => App.download('/api/v1/oversight/referrals/stalled.csv?days=' + encodeURIComponent($('#ov-stalled-days').value), 'stalled.csv'));
  $('#ov-audit-csv').addEventListener('click', () => App.download('/api/v1/audit/events.csv?' + auditQuery(), 'audit.csv'));
  await Promise.all([figures(), overdue(), stalled()]);
};



App.pages.refer = async () => {
  const { t, h, $, $$, api } = App;
  const form = $('#rf-form');
  let studentId = null;
  let lookup = null;
  let draft = null; // { id, etag }
  let recorded = new Set(); // the needs recorded for the student: latest review per domain, open plan
  let needLabels = new Map();
  const needLabel = code => needLabels.get(code) || code;
  const checkbox = (name, value, label, checked) => h('label', { class: 'check' },
    h('input', { type: 'checkbox', name, value, checked: checked ? true : null }), ' ' + label);
  const radio = (name, value, label, checked, describedBy) => h('label', { class: 'check' },
    h('input', { type: 'radio', name, value, checked: checked ? true : null, 'aria-describedby': describedBy }), ' ', label);
  const checked = name => $$('input[name="' + name + '"]:checked', form).map(i => i.value);
  const moreCodes = () => $('#rf-more-codes').value.split(',').map(s => s.trim()).filter(Boolean);
  const km = v => (Math.round(v * 10) / 10).toLocaleString(App.lang);

  async function chooseStudent(id) {
    studentId = id;
    const [found, profile, labels] = [await api('/api/v1/referral-form?studentId=' + encodeURIComponent(id)),
      await api('/api/v1/students/' + encodeURIComponent(id)), await App.codeLabels('need')];
    if (!found.ok) { App.showProblem(found, form); return; }
    lookup = found.body;
    needLabels = labels;
    const support = profile.ok ? profile.body.support : null;
    recorded = new Set([...(support?.latestByDomain ?? []).flatMap(d => d.needs), ...(support?.openPlan?.needs ?? [])]);
    // The recorded needs first and ticked (the lookup lists them first too), then the vocabulary's other needs.
    const offered = lookup.suggestedNeedCodes.map(o => o.code);
    const codes = [...[...recorded].filter(c => !offered.includes(c)), ...offered];
    const fallback = new Map(lookup.suggestedNeedCodes.map(o => [o.code, o.label]));
    $('#rf-need-list').replaceChildren(...codes.map(c => checkbox('need', c,
      (needLabels.get(c) || fallback.get(c) || c) + (recorded.has(c) ? ' (' + t('rf_recorded_need') + ')' : ''), recorded.has(c))));
    $('#rf-needs-hint').textContent = recorded.size ? t('rf_needs_recorded') : t('rf_needs_none_recorded');
    $('#rf-urgency').replaceChildren(...lookup.urgencyLevels.map(o => App.option(o.code, App.label('urgency_', o.code, o.label))));
    $('#rf-purpose').replaceChildren(App.option('', t('choose')), ...lookup.purposes.map(o => App.option(o.code, App.label('purpose_', o.code, o.label))));
    $('#rf-category-list').replaceChildren(...lookup.dataCategories.map(o => checkbox('category', o.code, App.label('category_', o.code, o.label), o.code === 'identity')));
    $('#rf-contact-list').replaceChildren(...lookup.familyContacts.map(c => checkbox('contact', c.contactId, c.name + (c.relationship ? ' (' + App.label('relationship_', c.relationship) + ')' : ''))));
    ['#rf-needs-step', '#rf-services-step'].forEach(s => { $(s).hidden = false; });
    await findServices();
  }

  $('#rf-student-find').addEventListener('click', async () => {
    const found = await api('/api/v1/students?size=20&name=' + encodeURIComponent($('#rf-student-q').value.trim()));
    if (!found.ok) { App.showProblem(found, form); return; }
    $('#rf-student-list').replaceChildren(...found.body.items.map(s => radio('student', s.id,
      [s.preferredName || s.givenName, s.familyName].join(' ') + ' · ' + t('col_grade') + ' ' + (s.grade || ''))));
    $('#rf-students').hidden = false;
    App.status(found.body.items.length ? '' : t('student_search_none'));
  });
  $('#rf-student-list').addEventListener('change', e => chooseStudent(e.target.value));

  /** A directory search result in the shape of a matching service (GET /api/v1/directory/search says why through match). */
  const fromSearch = s => ({ serviceId: s.serviceId, serviceName: s.serviceName, organizationId: s.organizationId,
    organizationName: s.organizationName, score: null, source: 'search',
    why: { needs: s.match?.needs ?? [], age: s.match?.age ?? null, language: s.match?.languages?.[0] ?? null,
      distanceKm: s.match?.distanceKm ?? null, capacity: s.capacityStatus ?? s.match?.capacity ?? null,
      acceptsReferrals: s.acceptsReferrals, terms: s.match?.terms ?? [] } });

  /** Why a service matched, one reason a line, in the page's language. */
  function reasons(w) {
    return [
      w.needs?.length && t('rf_why_needs') + ': ' + w.needs.map(needLabel).join(', '),
      w.age != null && t('rf_why_age') + ': ' + w.age,
      w.language && t('rf_why_language') + ': ' + App.languageName(w.language),
      w.distanceKm != null && t('rf_why_distance') + ': ' + km(w.distanceKm) + ' km',
      w.free && t('rf_why_free'),
      w.capacity && t('rf_capacity') + ': ' + App.label('capacity_', w.capacity),
      w.acceptsReferrals === false && t('rf_why_no_referrals'),
      w.terms?.length && t('rf_terms') + ': ' + w.terms.join(', ')
    ].filter(Boolean);
  }

  const organizations = new Map(); // serviceId -> organizationId, from the services shown
  function showServices(services, none) {
    services.forEach(s => organizations.set(s.serviceId, s.organizationId));
    $('#rf-service-list').replaceChildren(...(services.length ? services.map((s, i) => {
      const why = 'rf-why-' + i;
      return h('div', { class: 'service', 'data-service': s.serviceId },
        radio('service', s.serviceId, h('strong', {}, s.serviceName + ' – ' + s.organizationName), false, why),
        h('div', { id: why, class: 'small why' }, h('span', {}, t(s.source === 'search' ? 'rf_why_search' : 'rf_why') + ':'),
          h('ul', {}, reasons(s.why || {}).map(r => h('li', {}, r))),
          s.score != null ? h('span', {}, t('rf_score') + ': ' + s.score.toLocaleString(App.lang)) : null));
    }) : [h('p', {}, none)]));
  }

  /**
   * The services for the needs ticked: for the recorded ones, the student's matching services
   * (GET /api/v1/students/{id}/matching-services: needs, age, language, distance, cost, capacity);
   * for needs ticked or typed that are not recorded, the directory's search by need and the student's age.
   */
  async function findServices() {
    const chosen = [...checked('need'), ...moreCodes()];
    const services = new Map();
    if (recorded.size) {
      const found = await api('/api/v1/students/' + studentId + '/matching-services?size=50');
      if (!found.ok) { App.showProblem(found, form); return; }
      const wanted = chosen.filter(c => recorded.has(c));
      found.body.items.filter(s => !wanted.length || (s.why?.needs ?? []).some(n => wanted.includes(n)))
        .forEach(s => services.set(s.serviceId, s));
    }
    const other = chosen.filter(c => !recorded.has(c));
    if (other.length) {
      const query = new URLSearchParams({ size: 20, studentId, sort: 'name' });
      other.forEach(c => query.append('need', c));
      const found = await api('/api/v1/directory/search?' + query);
      if (!found.ok) { App.showProblem(found, form); return; }
      found.body.items.forEach(s => { if (!services.has(s.serviceId)) services.set(s.serviceId, fromSearch(s)); });
    }
    showServices([...services.values()], t(recorded.size || other.length ? 'rf_no_services' : 'rf_no_needs'));
  }
  $('#rf-services-find').addEventListener('click', findServices);

  // Words instead of needs: the directory's text search, limited to what the student's age admits.
  $('#rf-words-find').addEventListener('click', async () => {
    const query = new URLSearchParams({ size: 20, studentId, q: $('#rf-words').value.trim() });
    const found = await api('/api/v1/directory/search?' + query);
    if (!found.ok) { App.showProblem(found, form); return; }
    showServices(found.body.items.map(fromSearch), t('rf_no_services'));
  });

  async function showConsents(serviceId, chosen) {
    const found = await api('/api/v1/referral-form?studentId=' + studentId + '&serviceId=' + serviceId);
    if (!found.ok) { App.showProblem(found, form); return; }
    const consents = found.body.consents;
    $('#rf-consent-list').replaceChildren(...(consents.length ? consents.map((c, i) => radio('consent', c.consentId,
      c.signerName + ' · ' + App.formatDate(c.signedOn) + ' · ' + c.purposes.map(p => App.label('purpose_', p)).join(', ')
        + ' · ' + c.dataCategories.map(d => App.label('category_', d)).join(', '),
      chosen ? c.consentId === chosen : i === 0))
      : [h('p', { class: 'problem' }, t('rf_no_consent'))]));
    $('#rf-signer').replaceChildren(...found.body.familyContacts.filter(c => c.maySignConsent).map(c => App.option(c.contactId, c.name)));
    $('#rf-record').open = consents.length === 0;
    ['#rf-consent-step', '#rf-send-step'].forEach(s => { $(s).hidden = false; });
  }
  $('#rf-service-list').addEventListener('change', e => showConsents(e.target.value));

  $('#rf-record-button').addEventListener('click', async () => {
    clearErrors();
    const serviceId = checked('service')[0];
    const saved = await api('/api/v1/students/' + studentId + '/consents', { method: 'POST', body: {
      signerContactId: $('#rf-signer').value || null, signedByStudent: false, signedOn: $('#rf-signed-on').value || null, method: 'paper',
      paperScanReference: $('#rf-scan').value || null, dataCategories: checked('category'), purposes: $('#rf-purpose').value ? [$('#rf-purpose').value] : [],
      recipientOrganizationId: organizations.get(serviceId), expiresOn: $('#rf-expires').value || null } });
    if (!saved.ok) { App.showProblem(saved, form); return; }
    await showConsents(serviceId, saved.body.id);
    App.status(t('rf_recorded'), 'good');
  });

  function body() {
    const more = moreCodes();
    const value = sel => $(sel).value || null;
    return {
      serviceId: checked('service')[0] ?? null, familyContactIds: checked('contact'), reasonCodes: [...checked('need'), ...more],
      reasonText: value('#rf-reason'), urgency: $('#rf-urgency').value, purpose: $('#rf-purpose').value, sharedCategories: checked('category'),
      internalNotes: value('#rf-internal'), sharedNotes: value('#rf-shared'), consentId: checked('consent')[0] ?? null
    };
  }
  const clearErrors = () => { $$('.field-error', form).forEach(el => el.remove()); $$('[aria-invalid]', form).forEach(el => el.removeAttribute('aria-invalid')); };

  $('#rf-save').addEventListener('click', async () => {
    clearErrors();
    const saved = draft
      ? await api('/api/v1/referrals/' + draft.id, { method: 'PATCH', body: body(), headers: { 'If-Match': draft.etag, 'Content-Type': 'application/merge-patch+json' } })
      : await api('/api/v1/students/' + studentId + '/referrals', { method: 'POST', body: body(), headers: { 'Idempotency-Key': 'form-' + crypto.randomUUID() } });
    if (!saved.ok) { App.showProblem(saved, form); return; }
    draft = { id: saved.body.id, etag: saved.etag };
    form.dataset.referral = draft.id;
    $('#rf-draft').textContent = saved.body.id;
    $('#rf-send').disabled = false;
    App.status(t('rf_draft_saved'), 'good');
  });

  $('#rf-send').addEventListener('click', async () => {
    clearErrors();
    const sent = await api('/api/v1/referrals/' + draft.id + '/send', { method: 'POST', body: {}, headers: { 'If-Match': draft.etag } });
    if (sent.status === 422) { App.showProblem(sent, form); App.status(t('rf_refused') + ' ' + ($('#status').textContent || ''), 'bad'); return; }
    if (!sent.ok) { App.showProblem(sent, form); return; }
    draft.etag = sent.etag;
    $('#rf-send').disabled = true;
    $('#rf-save').disabled = true;
    App.status(t('rf_sent'), 'good');
  });

  const preset = new URLSearchParams(location.search).get('studentId');
  if (preset) await chooseStudent(preset);
};
