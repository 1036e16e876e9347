/**
 * The staff console's script, run in the browser. It is served as the JavaScript tsc emits for it
 * (web/console/build.ts writes that text and its CSP hash to script-text.ts), type-checked against
 * the DOM by its own tsconfig. Everything that varies (texts, locale) arrives as JSON in a data block.
 */

/** Every word of the console, as the page's data block carries them. */
type Texts = import('../texts/console/index').ConsoleTexts;

/** What the server puts in the page's data block. */
interface Config {
  texts: Texts;
  locale: string;
  locales: string[];
  intlLocale: string;
  rights: string[];
  /** The identity provider's token endpoint, where a sign-in's code is traded. */
  tokenUrl: string;
}

/** The claims the page reads from the id token (and checks of the access token). */
interface Claims {
  exp?: number;
  sub?: string;
  'cognito:username'?: string;
  'cognito:groups'?: string[] | string;
  'custom:controllers'?: string;
  token_use?: string;
  nonce?: string;
  aud?: string | string[];
  client_id?: string;
}

/** A sign-in under way in this tab: what the callback must match, and the language it started in. */
interface PendingSignIn {
  state: string;
  nonce: string;
  verifier: string;
  lang: string;
}

/** An organisation, a purpose or a receiving organisation: an id and maybe a name. */
interface Named {
  id: string;
  name?: string;
}

/** A request in the list. */
interface ListItem {
  requestId: string;
  controllerId: string;
  controllerName?: string;
  type: string;
  status: string;
  receivedAt?: string;
  dueAt?: string;
  waitsForStaff?: boolean;
  overdue?: boolean;
}

/** What the subject wrote with the request. */
interface Details {
  rectification?: { attribute?: string; inaccurate: string; corrected: string };
  objection?: { scope: string; grounds?: string };
  consentPurposes?: Named[];
  transmitTo?: Named;
  viaCustomer?: string;
  message?: string;
}

/** One request as the staff API shows it. */
interface RequestView {
  requestId: string;
  controllerId: string;
  controllerName?: string;
  type: string;
  /** The language the data subject reads: their emails and pages, and the refusal text, are in it. */
  locale?: string;
  status: string;
  createdAt?: string;
  receivedAt?: string;
  dueAt?: string;
  overdue?: boolean;
  transmittedAt?: string;
  completedAt?: string;
  packageDeletedAt?: string;
  personalDataErasedAt?: string;
  email?: string;
  /** What the form asked beyond the address (a phone number), normalised. */
  identifiers?: Record<string, string>;
  name?: string;
  details?: Details;
  denial?: { reason: string; by: string; at: string; text: string };
  extension?: { months: number; by: string; at: string; reasons: string; originalDueAt: string };
  infoRequest?: { text: string; by: string; at: string; answeredAt?: string; answer?: string; pausesClock?: boolean };
  fee?: { amount: string; currency: string; reason: string; by: string; at: string; paidAt?: string; paymentRecordedBy?: string };
  /** Recorded by staff: how and when it came, who recorded it, how the identity was established. */
  entry?: { channel: string; receivedAt: string; by: string; at: string; identity: { method: string; reason?: string } } | null;
  attachments?: { name: string; contentType: string; bytes: number }[];
  /** Someone asked for the subject: who the subject is (`email` and `name` are then the one who asked). */
  onBehalfOf?: { representation: 'parent' | 'mandate'; name: string; email: string };
}

/** One processor's part of a request. */
interface Branch {
  processorId: string;
  processorName?: string;
  kind: string;
  action: string;
  status: string;
  attempts: number;
  errorClass?: string;
  finishedAt?: string;
  note?: string;
  staffTask?: boolean;
  answer?: { outcome: string; basis?: string; kept?: string; reason?: string; until?: string };
  /** Identity names the store finds people by, none of which the request gave: it was not searched. */
  notLookedUp?: string[];
}

/** Why a request waits for staff. */
interface Review {
  stage: string;
  openedAt: string;
  reasons?: string[];
}

/** The decisions the API allows the signed-in person on this request. */
interface Allowed {
  approve?: boolean;
  deny?: boolean;
  extend?: { maxMonths: number };
  request_info?: boolean;
  lift_restriction?: boolean;
  charge_fee?: boolean;
  record_fee_payment?: boolean;
  retry_branch?: string[];
  complete_task?: string[];
  correct_answer?: string[];
}

/** The answer for one request, and after a decision. */
interface RequestData {
  request: RequestView;
  review?: Review;
  allowedDecisions?: Allowed;
  mayDecide?: boolean;
  denialTemplates?: Template[];
  /** The reason the review points to, when it fits the right; else nothing is preselected. */
  suggestedDenialReason?: string | null;
  branches?: Branch[];
  timeline?: { at: string; event: string; actor: string; detail?: Record<string, unknown> }[];
}

/** A refusal template: its text in the subject's language, in every language, and whether it fits the right. */
interface Template {
  reason: string;
  text: string;
  texts?: Record<string, string>;
  fits?: boolean;
}

/** What the address bar says the console shows: the list (with its filters), one request, or the dashboard. */
type Route = { view: 'list'; filters: Record<string, string> } | { view: 'request'; requestId: string } | { view: 'dashboard' };

/** A decision as the API takes it. */
type Decision = { decision: string } & Record<string, string | number>;

/** A refused decision's answer. */
interface Refusal {
  message?: unknown;
  errors?: Record<string, unknown>;
}

/** One week of the dashboard. */
interface Week {
  weekStart: string;
  received: Record<string, number | undefined>;
  answered: number;
  onTime: number;
}

/** Open requests by how soon they are due. */
type Bucket = 'overdue' | 'week' | 'fortnight' | 'later' | 'unconfirmed';

/** The figures of a period, as far as the dashboard shows them. */
interface Figures {
  controllerId: string;
  period: { from: string; to: string };
  received: { total: number };
  answered: { total: number; onTimeShare: number | null; daysToAnswer?: { median: number; p90: number } };
  open: { total: number; overdue: unknown[] };
  processors?: { processorId: string; completed: number; failed: number; duration?: { median: number } }[];
}

/** The dashboard's answer. */
interface Dashboard {
  figures: Figures;
  controllers?: { id: string; name: string }[];
  weeks?: Week[];
  openByDue?: Partial<Record<Bucket, number>>;
  processorNames?: Record<string, string>;
}

/** One row of a horizontal bar chart. */
interface BarRow {
  label: string;
  note: string;
  parts: { value: number; colour: string; tip: string }[];
}

void (async () => {
  /** The element with this id; the page renders every id the script asks for. */
  const $ = <T extends HTMLElement = HTMLElement>(id: string): T => document.getElementById(id) as T;
  /** A form's field by name (an input, a select or a textarea: the script reads their value). */
  const field = (form: HTMLFormElement, name: string) => form.elements.namedItem(name) as HTMLInputElement;
  const cfg: Config = JSON.parse($('console-config').textContent ?? '{}');
  const t = cfg.texts;
  const KEY = 'dsr.staff.idToken';
  const OPEN_KEY = 'dsr.staff.open';
  const PENDING_KEY = 'dsr.staff.signIn';
  const REQUEST_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
  // Deadlines are calendar days (their last moment in UTC), so they are shown as UTC dates; every
  // other moment is shown in the staff member's own time zone, which the page names.
  const dateFmt = new Intl.DateTimeFormat(cfg.intlLocale, { dateStyle: 'medium', timeZone: 'UTC' });
  const zone = new Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  const localDateFmt = new Intl.DateTimeFormat(cfg.intlLocale, { dateStyle: 'medium', timeZone: zone });
  const timeFmt = new Intl.DateTimeFormat(cfg.intlLocale, { dateStyle: 'medium', timeStyle: 'short', timeZone: zone });
  const eventFmt = new Intl.DateTimeFormat(cfg.intlLocale, { dateStyle: 'medium', timeStyle: 'medium', timeZone: zone });
  const languageNames = new Intl.DisplayNames([cfg.intlLocale], { type: 'language' });
  // The request on the page, and the one the refusal text was prefilled for (edits survive a reload of the same request).
  let current: string | null = null;
  let denyFor: string | null = null;
  // The refusal templates of the request on the page, and the language the subject reads.
  let templates: Template[] = [];
  let subjectLocale = '';

  function date(iso: string | undefined, fmt?: Intl.DateTimeFormat) {
    const d = new Date(iso as string);
    return iso && !Number.isNaN(d.getTime()) ? (fmt || dateFmt).format(d) : '\u2014';
  }
  /** The day of a moment (not a deadline) in the staff member's time zone. */
  function localDate(iso: string | undefined) {
    return date(iso, localDateFmt);
  }
  /** An amount in its currency as the staff member's language writes money; the code as it is if the browser knows no such currency. */
  function money(amount: string, currency: string): string {
    try {
      return new Intl.NumberFormat(cfg.intlLocale, { style: 'currency', currency }).format(Number(amount));
    } catch {
      return `${amount} ${currency}`;
    }
  }
  function dateTime(iso: string | undefined, fmt?: Intl.DateTimeFormat) {
    const d = new Date(iso as string);
    return iso && !Number.isNaN(d.getTime()) ? (fmt || timeFmt).format(d) : '\u2014';
  }
  /** The staff member's time zone as the page names it, e.g. "Europe/Stockholm (GMT+1)". */
  function zoneName(): string {
    try {
      const offset = new Intl.DateTimeFormat('en', { timeZone: zone, timeZoneName: 'shortOffset' })
        .formatToParts(new Date())
        .filter((part) => part.type === 'timeZoneName')[0];
      return offset && offset.value !== zone ? `${zone} (${offset.value})` : zone;
    } catch (_err) {
      return zone;
    }
  }
  /** A language named in the staff member's language, with its code: "Swedish (sv)". */
  function languageName(code: string | undefined): string {
    if (!code) return '\u2014';
    let name: string | undefined;
    try {
      name = languageNames.of(code);
    } catch (_err) {
      name = undefined;
    }
    return name && name !== code ? `${name} (${code})` : code;
  }
  function label(map: Record<string, string>, key: string): string {
    return Object.hasOwn(map, key) ? (map[key] as string) : String(key);
  }
  function el<K extends keyof HTMLElementTagNameMap>(tag: K, text?: unknown, cls?: string): HTMLElementTagNameMap[K] {
    const n = document.createElement(tag);
    if (text !== undefined && text !== null) n.textContent = String(text);
    if (cls) n.className = cls;
    return n;
  }
  function clear(node: Node) {
    while (node.firstChild) node.removeChild(node.firstChild);
  }
  function row(cells: unknown[]) {
    const tr = el('tr');
    cells.forEach((c) => {
      const td = el('td');
      if (c instanceof Node) td.appendChild(c);
      else td.textContent = c === undefined || c === null ? '' : String(c);
      tr.appendChild(td);
    });
    return tr;
  }
  function tag(text: string, cls?: string) {
    return el('span', text, `tag${cls ? ` ${cls}` : ''}`);
  }
  function button(text: string, cls: string, onClick: () => void) {
    const b = el('button', text, cls);
    b.type = 'button';
    b.addEventListener('click', onClick);
    return b;
  }

  // Signing in is the authorization code flow with PKCE (S256). The sign-in link gets a fresh
  // state, nonce and code challenge, kept in this tab; the callback's code is traded only when its
  // state is this tab's, and the id token kept only when its nonce is that sign-in's. Nothing is
  // ever read from the URL fragment: an implicit grant's token there could be anyone's.
  if (location.hash.length > 1) history.replaceState(null, '', location.pathname + location.search);
  function base64url(bytes: Uint8Array): string {
    let bin = '';
    bytes.forEach((b) => {
      bin += String.fromCharCode(b);
    });
    return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  }
  function randomText(): string {
    return base64url(crypto.getRandomValues(new Uint8Array(32)));
  }
  async function sha256(text: string): Promise<string> {
    return base64url(new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text))));
  }
  /** The console client's id and callback, as the sign-in link names them. */
  function client(): { id: string; redirectUri: string } {
    const authorize = new URL($<HTMLAnchorElement>('sign-in').href);
    return { id: authorize.searchParams.get('client_id') || '', redirectUri: authorize.searchParams.get('redirect_uri') || '' };
  }
  async function startSignIn(authorizeUrl: string) {
    const pending: PendingSignIn = { state: randomText(), nonce: randomText(), verifier: randomText(), lang: cfg.locale };
    sessionStorage.setItem(PENDING_KEY, JSON.stringify(pending));
    // Back to the view the person was on (a session that ended on a request returns to it).
    const here = routeOf(location.search);
    if (!isStart(here)) sessionStorage.setItem(OPEN_KEY, queryOf(here));
    const url = new URL(authorizeUrl);
    url.searchParams.set('state', pending.state);
    url.searchParams.set('nonce', pending.nonce);
    url.searchParams.set('code_challenge', await sha256(pending.verifier));
    url.searchParams.set('code_challenge_method', 'S256');
    location.assign(url.toString());
  }
  $('sign-in').addEventListener('click', (ev) => {
    ev.preventDefault();
    void startSignIn((ev.currentTarget as HTMLAnchorElement).href);
  });
  /**
   * Back from the identity provider (`?code=&state=`, or `?error=`): the code traded with this
   * tab's verifier, the id token checked (`token_use`, `nonce`, `aud`, `exp`) and kept. Anything
   * else is refused; a sign-in's secrets are used once either way.
   */
  async function finishSignIn(): Promise<'none' | 'refused' | 'signed-in' | 'reloading'> {
    const query = new URLSearchParams(location.search);
    if (!['code', 'state', 'error'].some((k) => query.has(k))) return 'none';
    const code = query.get('code');
    const state = query.get('state');
    ['code', 'state', 'error', 'error_description'].forEach((k) => {
      query.delete(k);
    });
    history.replaceState(null, '', location.pathname + (query.toString() ? `?${query.toString()}` : ''));
    const raw = sessionStorage.getItem(PENDING_KEY);
    sessionStorage.removeItem(PENDING_KEY);
    let pending: PendingSignIn | null = null;
    try {
      pending = raw ? (JSON.parse(raw) as PendingSignIn) : null;
    } catch (_err) {
      pending = null;
    }
    if (!pending || !code || !state || state !== pending.state) return 'refused';
    const { id: clientId, redirectUri } = client();
    let tokens: { id_token?: unknown; access_token?: unknown } | null = null;
    try {
      const answer = await fetch(cfg.tokenUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({
          grant_type: 'authorization_code',
          client_id: clientId,
          code,
          redirect_uri: redirectUri,
          code_verifier: pending.verifier,
        }).toString(),
        credentials: 'omit',
        cache: 'no-store',
      });
      if (answer.ok) tokens = await answer.json();
    } catch (_err) {
      tokens = null;
    }
    const idToken = tokens && typeof tokens.id_token === 'string' ? tokens.id_token : '';
    const id = claims(idToken);
    const forClient = id && (Array.isArray(id.aud) ? id.aud.indexOf(clientId) >= 0 : id.aud === clientId);
    if (id?.token_use !== 'id' || id.nonce !== pending.nonce || !forClient || typeof id.exp !== 'number' || id.exp * 1000 <= Date.now()) {
      return 'refused';
    }
    if (tokens && typeof tokens.access_token === 'string') {
      const access = claims(tokens.access_token);
      if (access?.token_use !== 'access' || access.client_id !== clientId) return 'refused';
    }
    sessionStorage.setItem(KEY, idToken);
    // Back in the language the person signed in from.
    if (pending.lang !== cfg.locale && cfg.locales.indexOf(pending.lang) >= 0) {
      location.replace(`${location.pathname}?lang=${encodeURIComponent(pending.lang)}`);
      return 'reloading';
    }
    return 'signed-in';
  }
  // Each view has its address (`?request=id`, `?view=dashboard`, the list's filters), so Back, a
  // reload and a link from a staff email open it. Before a sign-in the view asked for is kept in
  // this tab, to be opened once the person is back from the identity provider.
  const FILTERS = ['status', 'type', 'dueWithinDays', 'overdue'];
  function routeOf(search: string): Route {
    const q = new URLSearchParams(search);
    const requestId = q.get('request');
    if (requestId && REQUEST_ID.test(requestId)) return { view: 'request', requestId };
    if (q.get('view') === 'dashboard') return { view: 'dashboard' };
    const filters: Record<string, string> = {};
    FILTERS.forEach((name) => {
      const v = q.get(name);
      if (v) filters[name] = v;
    });
    return { view: 'list', filters };
  }
  /** The list without filters: where the console starts. */
  function isStart(route: Route): boolean {
    return route.view === 'list' && Object.keys(route.filters).length === 0;
  }
  /** A route's query, without the language. */
  function queryOf(route: Route): string {
    const q = new URLSearchParams();
    if (route.view === 'request') q.set('request', route.requestId);
    else if (route.view === 'dashboard') q.set('view', 'dashboard');
    else
      FILTERS.forEach((name) => {
        if (route.filters[name]) q.set(name, route.filters[name]!);
      });
    return q.toString();
  }
  /** A route's address in a language (by default the one the address bar names, if any). */
  function urlOf(route: Route, lang?: string): string {
    const q = new URLSearchParams(queryOf(route));
    const language = lang || new URLSearchParams(location.search).get('lang');
    const query = (language ? `lang=${encodeURIComponent(language)}${q.toString() ? '&' : ''}` : '') + q.toString();
    return location.pathname + (query ? `?${query}` : '');
  }
  const asked = routeOf(location.search);
  if (!isStart(asked)) sessionStorage.setItem(OPEN_KEY, queryOf(asked));

  function claims(token: string): Claims | null {
    try {
      const part = token.split('.')[1]!.replace(/-/g, '+').replace(/_/g, '/');
      const bin = atob(part);
      const bytes = new Uint8Array(bin.length);
      for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
      return JSON.parse(new TextDecoder().decode(bytes));
    } catch (_err) {
      return null;
    }
  }
  function token(): string | null {
    const tok = sessionStorage.getItem(KEY);
    if (!tok) return null;
    const c = claims(tok);
    if (!c || (typeof c.exp === 'number' && c.exp * 1000 <= Date.now())) {
      sessionStorage.removeItem(KEY);
      return null;
    }
    return tok;
  }

  function say(box: HTMLElement, text: string, kind?: string) {
    clear(box);
    box.className = text ? `panel${kind ? ` ${kind}` : ''}` : '';
    if (text) box.appendChild(el('p', text));
  }
  function message(text: string, kind?: string) {
    say($('console-message'), text, kind);
  }
  function resetDecisions() {
    ['form-deny', 'form-extend', 'form-info', 'form-complete', 'form-correct'].forEach((id) => {
      $<HTMLFormElement>(id).reset();
    });
    ['deny-box', 'extend-box', 'info-box'].forEach((id) => {
      $<HTMLDetailsElement>(id).open = false;
    });
    $<HTMLFormElement>('form-complete').hidden = true;
    $<HTMLFormElement>('form-correct').hidden = true;
    $('deny-own').hidden = true;
    say($('decision-message'), '');
    denyFor = null;
  }
  function forget() {
    sessionStorage.removeItem(KEY);
    current = null;
    clear($('requests-body'));
    ['request-facts', 'subject-facts', 'review-facts', 'details-facts', 'history-facts', 'deny-reason'].forEach((id) => {
      clear($(id));
    });
    resetDecisions();
    $('detail-view').hidden = true;
    heading(t.title);
    clear($('branches-body'));
    clear($('timeline-body'));
  }
  function showSignIn(why: string) {
    forget();
    $('console-app').hidden = true;
    $('console-signin').hidden = false;
    const note = $('signin-message');
    clear(note);
    if (why) note.appendChild(el('p', why, 'panel warn'));
  }
  /** The view's name as the tab's title and the page's h1. */
  function heading(text: string) {
    document.title = `${text} \u2013 ${t.siteName}`;
    $('view-heading').textContent = text;
  }
  function showList() {
    current = null;
    $('detail-view').hidden = true;
    $('dashboard-view').hidden = true;
    $('list-view').hidden = false;
    $('nav-requests').setAttribute('aria-current', 'page');
    $('nav-dashboard').removeAttribute('aria-current');
  }

  /** Shows a route's view; `focus` moves the focus to its heading (after a navigation, not on the first load). */
  function show(route: Route, focus: boolean) {
    // The language switcher keeps the view.
    Array.prototype.forEach.call(document.querySelectorAll('nav.lang a[hreflang]'), (a: HTMLAnchorElement) => {
      a.href = urlOf(route, a.hreflang);
    });
    if (route.view === 'request') {
      heading(`${t.requestTitle} ${route.requestId}`);
      $('list-view').hidden = true;
      $('dashboard-view').hidden = true;
      if (route.requestId !== current) $('detail-view').hidden = true;
      $('nav-requests').setAttribute('aria-current', 'page');
      $('nav-dashboard').removeAttribute('aria-current');
      void loadRequest(route.requestId, false, focus);
      return;
    }
    if (route.view === 'dashboard') {
      heading(t.report.dashboardTitle);
      void showDashboard();
    } else {
      heading(t.title);
      const form = $<HTMLFormElement>('filters');
      FILTERS.forEach((name) => {
        const f = field(form, name);
        if (f.type === 'checkbox') f.checked = route.filters[name] === 'true';
        else f.value = route.filters[name] || '';
      });
      showList();
      void loadList();
      void loadInbound();
    }
    if (focus) $('view-heading').focus();
  }
  /** Goes to a view: a new entry in the tab's history, so Back returns to the one before. */
  function go(route: Route, how: 'push' | 'replace' = 'push') {
    const url = urlOf(route);
    if (how === 'push' && url !== location.pathname + location.search) history.pushState(null, '', url);
    else history.replaceState(null, '', url);
    show(route, how === 'push');
  }
  /** The list's route with the filters the form holds. */
  function listRoute(): Route {
    const q = new URLSearchParams(query());
    const filters: Record<string, string> = {};
    q.forEach((v, k) => {
      filters[k] = v;
    });
    return { view: 'list', filters };
  }
  window.addEventListener('popstate', () => {
    if (token() && !$('console-app').hidden) show(routeOf(location.search), true);
  });

  // Calls the staff API and hands on a good answer's body as `read` takes it (json, blob);
  // 401 sends the person back to sign in, 403 says they have no access.
  function api<T>(path: string, read?: 'blob'): Promise<T | null> {
    const tok = token();
    if (!tok) {
      showSignIn(t.sessionEnded);
      return Promise.resolve(null);
    }
    // biome-ignore lint/style/useTemplate: test/unit/staff-console.test.ts reads this call in the served text
    return fetch(path, { headers: { authorization: 'Bearer ' + tok, accept: 'application/json' }, cache: 'no-store', credentials: 'omit' }).then(
      (res) => {
        if (res.status === 401) {
          showSignIn(t.sessionEnded);
          return null;
        }
        if (res.status === 403) {
          $('list-view').hidden = true;
          $('detail-view').hidden = true;
          message(t.noAccess, 'warn');
          return null;
        }
        if (res.status === 404) {
          message(t.notFound, 'warn');
          return null;
        }
        if (!res.ok) {
          message(t.loadFailed, 'warn');
          return null;
        }
        return read === 'blob' ? res.blob() : res.json();
      },
      () => {
        message(t.loadFailed, 'warn');
        return null;
      },
    );
  }

  // The audit trail as a file: the token cannot ride on a plain link, so the script fetches it
  // and saves it through a Blob URL.
  function exportAudit() {
    const requestId = current;
    if (!requestId) return;
    // biome-ignore lint/style/useTemplate: test/unit/staff-console.test.ts reads this call in the served text
    api<Blob>('/v1/staff/requests/' + encodeURIComponent(requestId) + '/audit', 'blob').then((blob) => {
      // biome-ignore lint/style/useTemplate: test/unit/staff-console.test.ts reads this call in the served text
      if (blob) saveBlob(blob, 'audit-' + requestId + '.json');
    });
  }

  // A request's files, each with a button that opens it: the API answers a link good for a minute
  // (the token cannot ride on a plain link), and the file comes as a download, never shown inline.
  function attachmentList(requestId: string, files: { name: string; bytes: number }[]) {
    const list = el('ul', undefined, 'files');
    files.forEach((f, i) => {
      const item = el('li', `${f.name} (${Math.ceil(f.bytes / 1024)} KB) `);
      item.appendChild(
        button(t.openFile, 'link', () => {
          api<{ url: string }>(`/v1/staff/requests/${encodeURIComponent(requestId)}/attachments/${i + 1}`).then((answer) => {
            if (!answer) return;
            const a = el('a');
            a.href = answer.url;
            a.rel = 'noopener';
            document.body.appendChild(a);
            a.click();
            a.remove();
          });
        }),
      );
      list.appendChild(item);
    });
    return list;
  }

  // A file fetched with the token (which cannot ride on a plain link), saved through a Blob URL.
  function saveBlob(blob: Blob, fileName: string) {
    const url = URL.createObjectURL(blob);
    const a = el('a');
    a.href = url;
    a.download = fileName;
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => {
      URL.revokeObjectURL(url);
    }, 1000);
  }

  // ---- Dashboard: the figures of a period, drawn as SVG built node by node, text as textContent.
  // Each chart is drawn as wide as its box (at most 640), one unit a CSS pixel, so its words keep
  // their size on a phone; its figures are also a table.
  const SVG_NS = 'http://www.w3.org/2000/svg';
  const COLOURS = ['#0b4f8a', '#b35c00', '#2e7d32', '#6a1b9a', '#c62828', '#00838f', '#5d4037'];
  /** The smallest text on a chart, in CSS pixels. */
  const FONT = 12;
  const dayFmt = new Intl.DateTimeFormat(cfg.intlLocale, { day: 'numeric', month: 'short', timeZone: 'UTC' });
  // What the dashboard drew last, redrawn when the width changes.
  let drawn: Dashboard | null = null;
  let drawnWidth = 0;
  function svg(tagName: string, attrs?: Record<string, string | number>, text?: string): SVGElement {
    const n = document.createElementNS(SVG_NS, tagName) as SVGElement;
    const a = attrs || {};
    Object.keys(a).forEach((k) => {
      n.setAttribute(k, String(a[k]));
    });
    if (text !== undefined) n.textContent = text;
    return n;
  }
  /** The width a chart has on this screen, in CSS pixels. */
  function chartWidth(id: string) {
    return Math.max(240, Math.min(640, Math.floor($(id).clientWidth || 640)));
  }
  function chart(id: string, title: string, w: number, h: number) {
    const box = $(id);
    clear(box);
    const s = svg('svg', { viewBox: `0 0 ${w} ${h}`, width: w, height: h, role: 'img', 'aria-label': title, class: 'chart' });
    s.appendChild(svg('title', {}, title));
    box.appendChild(s);
    return s;
  }
  /** A chart's figures as a table: a caption (the chart's title), a header row, a row per item named by its first cell. */
  function figuresTable(id: string, title: string, head: string[], rows: (string | number)[][]) {
    const box = $(id);
    clear(box);
    const table = el('table');
    table.appendChild(el('caption', title));
    const thead = el('thead');
    const tr = el('tr');
    head.forEach((h) => {
      const th = el('th', h);
      th.scope = 'col';
      tr.appendChild(th);
    });
    thead.appendChild(tr);
    table.appendChild(thead);
    const tbody = el('tbody');
    rows.forEach((cells) => {
      const r = el('tr');
      cells.forEach((c, i) => {
        const cell = i === 0 ? el('th', c) : el('td', c);
        if (i === 0) (cell as HTMLTableCellElement).scope = 'row';
        r.appendChild(cell);
      });
      tbody.appendChild(r);
    });
    table.appendChild(tbody);
    box.appendChild(table);
  }
  function pct(x: number | null | undefined) {
    return x === null || x === undefined ? '—' : `${Math.round(x * 1000) / 10} %`;
  }
  function legend(id: string, items: { colour: string; text: string }[]) {
    const ul = $(id);
    clear(ul);
    items.forEach((item) => {
      const li = el('li');
      const swatch = el('span', '', 'swatch');
      swatch.style.background = item.colour;
      li.appendChild(swatch);
      li.appendChild(document.createTextNode(item.text));
      ul.appendChild(li);
    });
  }
  function bar(s: SVGElement, x: number, y: number, w: number, h: number, colour: string, tip: string) {
    const r = svg('rect', { x: x, y: y, width: Math.max(0, w), height: Math.max(0, h), fill: colour });
    r.appendChild(svg('title', {}, tip));
    s.appendChild(r);
  }
  function axis(s: SVGElement, left: number, top: number, bottom: number, right: number, max: number, unit?: string) {
    s.appendChild(svg('line', { x1: left, y1: bottom, x2: right, y2: bottom, stroke: '#1b1b1b' }));
    s.appendChild(svg('text', { x: left - 4, y: top + FONT - 2, 'text-anchor': 'end', 'font-size': FONT }, max + (unit || '')));
    s.appendChild(svg('text', { x: left - 4, y: bottom, 'text-anchor': 'end', 'font-size': FONT }, '0'));
  }
  // As many week labels as fit side by side (about 60 px each), the first one's start inside the chart.
  function weekLabels(s: SVGElement, weeks: Week[], left: number, step: number, y: number, width: number) {
    const every = Math.max(1, Math.ceil(60 / Math.max(1, step)));
    weeks.forEach((w, i) => {
      const x = left + i * step + 2;
      // The last label only when it fits before the chart's right edge.
      if (i % every === 0 && x + 60 <= width)
        s.appendChild(svg('text', { x: x, y: y, 'text-anchor': 'start', 'font-size': FONT }, dayFmt.format(new Date(w.weekStart))));
    });
  }
  function drawWeeks(weeks: Week[]) {
    const W = chartWidth('chart-weeks'),
      H = 220,
      L = 44,
      T = 10,
      B = H - 30,
      R = W - 40;
    const totals = weeks.map((w) => cfg.rights.reduce((sum, r) => sum + (w.received[r] || 0), 0));
    const max = Math.max.apply(null, [1].concat(totals));
    const step = (R - L) / Math.max(1, weeks.length);
    const s = chart('chart-weeks', t.report.perWeekTitle, W, H);
    axis(s, L, T, B, R, max);
    weeks.forEach((w, i) => {
      let y = B;
      cfg.rights.forEach((right, j) => {
        const n = w.received[right] || 0;
        if (!n) return;
        const h = ((B - T) * n) / max;
        y -= h;
        bar(
          s,
          L + i * step + 1,
          y,
          Math.max(1, step - 2),
          h,
          COLOURS[j % COLOURS.length]!,
          `${t.report.weekOf} ${date(w.weekStart)}: ${label(t.type, right)} ${n}`,
        );
      });
    });
    weekLabels(s, weeks, L, step, H - 10, W);
    legend(
      'legend-weeks',
      cfg.rights.map((r, j) => ({ colour: COLOURS[j % COLOURS.length]!, text: label(t.type, r) })),
    );
    // The rights that had requests in the period: a column each, so the table stays narrow.
    const rights = cfg.rights.filter((r) => weeks.some((w) => w.received[r]));
    figuresTable(
      'figures-weeks',
      t.report.perWeekTitle,
      [t.report.weekOf].concat(
        rights.map((r) => label(t.type, r)),
        [t.report.total],
      ),
      weeks.map((w, i) =>
        [date(w.weekStart) as string | number].concat(
          rights.map((r) => w.received[r] || 0),
          [totals[i]!],
        ),
      ),
    );
  }
  function drawOnTime(weeks: Week[]) {
    const W = chartWidth('chart-ontime'),
      H = 200,
      L = 52,
      T = 10,
      B = H - 30,
      R = W - 40;
    const step = (R - L) / Math.max(1, weeks.length);
    const s = chart('chart-ontime', t.report.onTimeTitle, W, H);
    axis(s, L, T, B, R, 100, ' %');
    weeks.forEach((w, i) => {
      const x = L + i * step + 1;
      if (!w.answered) {
        s.appendChild(svg('text', { x: x + Math.max(1, step - 2) / 2, y: B - 4, 'text-anchor': 'middle', 'font-size': FONT }, '—'));
        return;
      }
      const share = w.onTime / w.answered;
      bar(
        s,
        x,
        B - (B - T) * share,
        Math.max(1, step - 2),
        (B - T) * share,
        '#0b4f8a',
        `${t.report.weekOf} ${date(w.weekStart)}: ${pct(share)} (${w.onTime}/${w.answered})`,
      );
    });
    weekLabels(s, weeks, L, step, H - 10, W);
    figuresTable(
      'figures-ontime',
      t.report.onTimeTitle,
      [t.report.weekOf, t.report.answered, t.report.onTime, t.report.onTimePercent],
      weeks.map((w) => [date(w.weekStart), w.answered, w.onTime, w.answered ? pct(w.onTime / w.answered) : '—']),
    );
  }
  // One row per item: its label above a bar (long names need the width), the figures after the bar,
  // or, on a narrow screen, under it.
  function drawHorizontal(id: string, title: string, rows: BarRow[], max: number) {
    const W = chartWidth(id),
      narrow = W < 480,
      R = narrow ? W - 2 : W - 250,
      rowH = narrow ? 56 : 40;
    const H = Math.max(1, rows.length) * rowH + 6;
    const s = chart(id, title, W, H);
    rows.forEach((r, i) => {
      const y = 4 + i * rowH;
      s.appendChild(svg('text', { x: 0, y: y + 13, 'font-size': FONT + 1 }, r.label));
      let x = 0;
      r.parts.forEach((p) => {
        const w = (R * p.value) / Math.max(1, max);
        bar(s, x, y + 18, w, 14, p.colour, `${r.label}: ${p.tip}`);
        x += w;
      });
      if (narrow) s.appendChild(svg('text', { x: 0, y: y + 48, 'font-size': FONT }, r.note));
      else s.appendChild(svg('text', { x: x + 6, y: y + 30, 'font-size': FONT }, r.note));
    });
  }
  function drawOpen(open: Partial<Record<Bucket, number>>) {
    const keys: Bucket[] = ['overdue', 'week', 'fortnight', 'later', 'unconfirmed'];
    const colours: Record<Bucket, string> = { overdue: '#c62828', week: '#b35c00', fortnight: '#0b4f8a', later: '#5d8fb8', unconfirmed: '#8a8a8a' };
    const max = Math.max.apply(null, [1].concat(keys.map((k) => open[k] || 0)));
    drawHorizontal(
      'chart-open',
      t.report.openByDueTitle,
      keys.map((k) => ({
        label: t.report.buckets[k],
        note: String(open[k] || 0),
        parts: [{ value: open[k] || 0, colour: colours[k], tip: String(open[k] || 0) }],
      })),
      max,
    );
    figuresTable(
      'figures-open',
      t.report.openByDueTitle,
      [t.report.dueAt, t.report.count],
      keys.map((k) => [t.report.buckets[k], open[k] || 0]),
    );
  }
  function duration(seconds: number) {
    return seconds < 120 ? `${Math.round(seconds)} s` : seconds < 7200 ? `${Math.round(seconds / 60)} min` : `${Math.round(seconds / 360) / 10} h`;
  }
  function drawHealth(figures: Figures, names: Record<string, string>) {
    const rows = figures.processors || [];
    const max = Math.max.apply(null, [1].concat(rows.map((p) => p.completed + p.failed)));
    drawHorizontal(
      'chart-health',
      t.report.healthTitle,
      rows.map((p) => {
        const median = p.duration ? ` · ${t.report.medianTime} ${duration(p.duration.median)}` : '';
        return {
          label: names[p.processorId] || p.processorId,
          note: `${p.failed}/${p.completed + p.failed} ${t.report.failed.toLowerCase()}${median}`,
          parts: [
            { value: p.completed, colour: '#2e7d32', tip: `${t.report.completed} ${p.completed}` },
            { value: p.failed, colour: '#c62828', tip: `${t.report.failed} ${p.failed}` },
          ],
        };
      }),
      max,
    );
    $('health-empty').hidden = rows.length > 0;
    figuresTable(
      'figures-health',
      t.report.healthTitle,
      [t.report.processor, t.report.completed, t.report.failed, t.report.medianTime],
      rows.map((p) => [names[p.processorId] || p.processorId, p.completed, p.failed, p.duration ? duration(p.duration.median) : '—']),
    );
  }
  function drawDashboard(data: Dashboard) {
    drawn = data;
    drawnWidth = $('chart-weeks').clientWidth;
    drawWeeks(data.weeks || []);
    drawOnTime(data.weeks || []);
    drawOpen(data.openByDue || {});
    drawHealth(data.figures, data.processorNames || {});
  }
  // A phone turned, a window resized: the charts are drawn again at the new width.
  let resizing: ReturnType<typeof setTimeout> | undefined;
  window.addEventListener('resize', () => {
    clearTimeout(resizing);
    resizing = setTimeout(() => {
      if (drawn && !$('dashboard-view').hidden && $('chart-weeks').clientWidth !== drawnWidth) drawDashboard(drawn);
    }, 150);
  });
  function dashboardQuery() {
    const form = $<HTMLFormElement>('dashboard-form');
    const q = new URLSearchParams();
    ['controller', 'from', 'to'].forEach((name) => {
      const v = field(form, name).value;
      if (v) q.set(name, v);
    });
    const s = q.toString();
    return s ? `?${s}` : '';
  }
  function loadDashboard() {
    message(t.loading);
    return api<Dashboard>(`/v1/staff/reports${dashboardQuery()}`).then((data) => {
      if (!data) return;
      message('');
      const f = data.figures;
      const form = $<HTMLFormElement>('dashboard-form');
      const select = field(form, 'controller');
      clear(select);
      (data.controllers || []).forEach((c) => {
        const o = el('option', c.name);
        o.value = c.id;
        select.appendChild(o);
      });
      select.value = f.controllerId;
      field(form, 'from').value = f.period.from.slice(0, 10);
      field(form, 'to').value = new Date(Date.parse(f.period.to) - 1).toISOString().slice(0, 10);
      const facts = $('dashboard-facts');
      clear(facts);
      fact(facts, t.report.received, String(f.received.total));
      fact(facts, t.report.answered, String(f.answered.total));
      fact(facts, t.report.onTimeShare, pct(f.answered.onTimeShare));
      fact(facts, t.report.medianDays, f.answered.daysToAnswer ? String(Math.round(f.answered.daysToAnswer.median * 10) / 10) : '—');
      fact(facts, t.report.p90Days, f.answered.daysToAnswer ? String(Math.round(f.answered.daysToAnswer.p90 * 10) / 10) : '—');
      fact(facts, t.report.openNow, String(f.open.total));
      fact(facts, t.report.overdue, String(f.open.overdue.length), f.open.overdue.length ? 'overdue-count' : '');
      drawDashboard(data);
    });
  }
  function exportRequests() {
    const q = dashboardQuery();
    api<Blob>(`/v1/staff/reports/requests.csv${q}`, 'blob').then((blob) => {
      if (blob) saveBlob(blob, `requests-${field($<HTMLFormElement>('dashboard-form'), 'controller').value || 'all'}.csv`);
    });
  }
  // ---- Requests by email to triage (GET/POST /v1/staff/inbound) ----------------------------
  /** A message waiting for staff, as the list shows it (no address, no words). */
  interface DraftItem {
    draftId: string;
    controllerId: string;
    receivedAt: string;
    reason: string;
    suggested?: string;
    attachmentCount: number;
  }
  /** A message as received, once opened (the reading is audited). */
  interface DraftDetail extends DraftItem {
    from?: string;
    subject?: string;
    text?: string;
    status: string;
  }
  let openDraft: string | null = null;
  /** Whether the signed-in member may decide (the id token's groups). */
  function isApprover(): boolean {
    const tok = token();
    const groups = tok ? (claims(tok) as Record<string, unknown> | null)?.['cognito:groups'] : undefined;
    const list = Array.isArray(groups) ? groups : typeof groups === 'string' ? groups.replace(/[[\]]/g, '').split(/[\s,]+/) : [];
    return list.indexOf('approver') >= 0;
  }
  function loadInbound() {
    return api<{ drafts?: DraftItem[] }>('/v1/staff/inbound').then((data) => {
      if (!data) return;
      const drafts = data.drafts || [];
      const body = $('inbound-body');
      clear(body);
      $('inbound-section').hidden = false;
      $('inbound-empty').hidden = drafts.length > 0;
      if (!drafts.some((d) => d.draftId === openDraft)) {
        openDraft = null;
        $('inbound-detail').hidden = true;
      }
      drafts.forEach((d) => {
        const read = el('button', t.inbound.read, 'link');
        read.type = 'button';
        read.addEventListener('click', () => {
          void openInbound(d.draftId);
        });
        const tr = row([
          localDate(d.receivedAt),
          d.controllerId,
          label(t.inbound.reason, d.reason),
          d.suggested ? label(t.type, d.suggested) : '',
          String(d.attachmentCount),
          read,
        ]);
        [t.colReceived, t.colController, t.inbound.colReason, t.inbound.colSuggested, t.inbound.colAttachments, t.inbound.message].forEach((name, i) => {
          (tr.children[i] as HTMLElement).dataset.label = name;
        });
        body.appendChild(tr);
      });
    });
  }
  function openInbound(draftId: string) {
    return api<DraftDetail>(`/v1/staff/inbound/${encodeURIComponent(draftId)}`).then((d) => {
      if (!d) return;
      openDraft = d.draftId;
      const facts = $('inbound-facts');
      clear(facts);
      fact(facts, t.inbound.from, d.from || '');
      fact(facts, t.inbound.subject, d.subject || '');
      fact(facts, t.colReceived, dateTime(d.receivedAt));
      fact(facts, t.inbound.colReason, label(t.inbound.reason, d.reason));
      $('inbound-text').textContent = d.text || '';
      const form = $<HTMLFormElement>('inbound-form');
      form.reset();
      if (d.suggested) field(form, 'type').value = d.suggested;
      const approver = isApprover() && d.status === 'open';
      form.hidden = !approver;
      $('inbound-viewer').hidden = approver;
      say($('inbound-message'), '');
      $('inbound-detail').hidden = false;
      $('inbound-text').focus();
    });
  }
  /** Posts an approver's decision on the open message; the list is then read again. */
  function decideInbound(body: Record<string, unknown>) {
    const tok = token();
    if (!tok) {
      showSignIn(t.sessionEnded);
      return;
    }
    const draftId = openDraft;
    if (!draftId) return;
    say($('inbound-message'), t.sending);
    fetch(`/v1/staff/inbound/${encodeURIComponent(draftId)}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${tok}`, accept: 'application/json', 'content-type': 'application/json' },
      body: JSON.stringify(body),
      cache: 'no-store',
      credentials: 'omit',
    }).then(
      (res) => {
        if (res.status === 401) {
          showSignIn(t.sessionEnded);
          return;
        }
        return res
          .json()
          .catch(() => null)
          .then((data: { errors?: Record<string, string> } | null) => {
            if (res.ok) {
              say($('inbound-message'), body.action === 'accept' ? t.inbound.accepted : t.inbound.discarded, 'ok');
              $<HTMLFormElement>('inbound-form').hidden = true;
              void loadInbound();
            } else if (res.status === 409) say($('inbound-message'), t.inbound.conflict, 'warn');
            else if (res.status === 400 && data?.errors)
              say(
                $('inbound-message'),
                `${t.inbound.invalid} ${Object.keys(data.errors)
                  .map((k) => `${k}: ${data.errors![k]}`)
                  .join('; ')}`,
                'warn',
              );
            else say($('inbound-message'), t.loadFailed, 'warn');
          });
      },
      () => say($('inbound-message'), t.loadFailed, 'warn'),
    );
  }
  $<HTMLFormElement>('inbound-form').addEventListener('submit', (ev) => {
    ev.preventDefault();
    const form = $<HTMLFormElement>('inbound-form');
    const body: Record<string, unknown> = { action: 'accept', type: field(form, 'type').value };
    ['inaccurate', 'corrected', 'objectionScope'].forEach((name) => {
      const v = field(form, name).value.trim();
      if (v) body[name] = v;
    });
    decideInbound(body);
  });
  $('inbound-discard').addEventListener('click', () => {
    decideInbound({ action: 'discard' });
  });

  function showDashboard() {
    current = null;
    $('list-view').hidden = true;
    $('detail-view').hidden = true;
    $('dashboard-view').hidden = false;
    $('nav-dashboard').setAttribute('aria-current', 'page');
    $('nav-requests').removeAttribute('aria-current');
    return loadDashboard();
  }

  function query() {
    const form = $<HTMLFormElement>('filters');
    const q = new URLSearchParams();
    ['status', 'type', 'dueWithinDays'].forEach((name) => {
      const v = field(form, name).value.trim();
      if (v) q.set(name, v);
    });
    if (field(form, 'overdue').checked) q.set('overdue', 'true');
    const s = q.toString();
    return s ? `?${s}` : '';
  }

  function loadList() {
    message(t.loading);
    return api<{ requests?: ListItem[] }>(`/v1/staff/requests${query()}`).then((data) => {
      if (!data) return;
      message('');
      $('list-view').hidden = false;
      const body = $('requests-body');
      clear(body);
      const list = data.requests || [];
      $('requests-empty').hidden = list.length > 0;
      list.forEach((r) => {
        const open = el('button', r.requestId, 'link');
        open.type = 'button';
        const tr = row([
          open,
          r.controllerName || r.controllerId,
          label(t.type, r.type),
          label(t.requestStatus, r.status),
          localDate(r.receivedAt),
          date(r.dueAt),
          r.waitsForStaff ? tag(t.waitingTag, 'waiting') : '',
          r.overdue ? tag(t.overdue, 'failed') : '',
        ]);
        // On a phone the rows are cards: each cell says what it is (the head row is not shown there).
        [t.colReference, t.colController, t.colType, t.colStatus, t.colReceived, t.colDue, t.colWaiting, t.colOverdue].forEach((name, i) => {
          (tr.children[i] as HTMLElement).dataset.label = name;
        });
        tr.dataset.requestId = r.requestId;
        tr.className = (r.overdue ? 'overdue' : '') + (r.waitsForStaff ? ' needs-staff' : '');
        tr.addEventListener('click', () => {
          go({ view: 'request', requestId: r.requestId });
        });
        body.appendChild(tr);
      });
    });
  }

  function fact(dl: HTMLElement, term: string, value: string | Node, cls?: string) {
    dl.appendChild(el('dt', term));
    const dd = value instanceof Node ? el('dd') : el('dd', value, cls);
    if (value instanceof Node) dd.appendChild(value);
    dl.appendChild(dd);
  }
  /** An audit event's details in words: ids as names, codes as the words the console uses for them. */
  function detailText(detail: Record<string, unknown> | undefined, actor: string, processors: Record<string, string>) {
    if (!detail) return '';
    const words = (key: string, v: unknown): string => {
      if (typeof v === 'boolean') return v ? t.yes : t.no;
      const text = String(v);
      switch (key) {
        case 'processorId':
          return processors[text] || text;
        case 'stage':
          return label(t.reviewStage, text);
        case 'reasons':
          return text
            .split(',')
            .map((r) => label(t.reviewReason, r))
            .join('; ');
        case 'reason':
          return label(t.denialReason, text);
        case 'answer':
          return label(t.answerOutcome, text);
        case 'type':
          return label(t.type, text);
        case 'action':
          return label(t.branchAction, text);
        case 'locale':
          return languageName(text);
        case 'dueAt':
          return date(text);
        case 'liftAt':
          return dateTime(text);
        default:
          return text;
      }
    };
    return Object.keys(detail)
      .filter((k) => !(k === 'by' && actor === 'staff'))
      .map((k) => `${label(t.timelineDetail, k)}: ${words(k, detail[k])}`)
      .join('\n');
  }
  /** Who did it: staff by their username. */
  function actorText(actor: string, detail: Record<string, unknown> | undefined) {
    const who = label(t.actor, actor);
    return actor === 'staff' && detail && typeof detail.by === 'string' ? `${who} (${detail.by})` : who;
  }
  function names(list: Named[] | undefined) {
    return (list || []).map((x) => x.name || x.id).join(', ');
  }

  // What the subject wrote: free text, shown as text with its line breaks.
  function renderDetails(details: Details | undefined) {
    const dl = $('details-facts');
    clear(dl);
    const L = t.detailsLabel;
    const d = details || {};
    if (d.rectification) {
      if (d.rectification.attribute) fact(dl, L.rectifyAttribute, d.rectification.attribute);
      fact(dl, L.inaccurate, d.rectification.inaccurate, 'prewrap');
      fact(dl, L.corrected, d.rectification.corrected, 'prewrap');
    }
    if (d.objection) {
      fact(dl, L.objectionScope, label(t.objectionScope, d.objection.scope));
      if (d.objection.grounds) fact(dl, L.objectionGrounds, d.objection.grounds, 'prewrap');
    }
    if (d.consentPurposes) fact(dl, L.consentPurposes, names(d.consentPurposes));
    if (d.transmitTo) fact(dl, L.transmitTo, d.transmitTo.name || d.transmitTo.id);
    if (d.viaCustomer) fact(dl, L.viaCustomer, d.viaCustomer);
    if (d.message) fact(dl, L.message, d.message, 'prewrap');
    $('details-section').hidden = !dl.firstChild;
  }

  function renderReview(review: Review | undefined) {
    const dl = $('review-facts');
    clear(dl);
    $('review-panel').hidden = !review;
    if (!review) return;
    fact(dl, t.reviewStageLabel, label(t.reviewStage, review.stage));
    fact(dl, t.reviewOpened, dateTime(review.openedAt));
    const reasons = el('ul');
    (review.reasons || []).forEach((reason) => {
      reasons.appendChild(el('li', label(t.reviewReason, reason)));
    });
    fact(dl, t.reviewReasonsLabel, reasons);
  }

  // Earlier decisions: a refusal, an extension, a question to the subject and their answer.
  function renderHistory(r: RequestView) {
    const dl = $('history-facts');
    clear(dl);
    const by = (who: string, at: string) => `${t.decidedBy} ${who}, ${dateTime(at)}`;
    if (r.denial) {
      fact(dl, t.denialLabel, `${label(t.denialReason, r.denial.reason)} (${by(r.denial.by, r.denial.at)})`);
      fact(dl, t.denyText, r.denial.text, 'prewrap');
    }
    if (r.extension) {
      fact(dl, t.extensionLabel, `${r.extension.months} ${t.monthsUnit} (${by(r.extension.by, r.extension.at)})`);
      fact(dl, t.extendReasons, r.extension.reasons, 'prewrap');
      fact(dl, t.originalDue, date(r.extension.originalDueAt));
    }
    if (r.infoRequest) {
      const q = r.infoRequest;
      fact(dl, t.infoRequestLabel, `${q.text}\n(${by(q.by, q.at)})`, 'prewrap');
      if (q.answeredAt) fact(dl, t.infoAnswer, `${q.answer || ''}\n(${dateTime(q.answeredAt)})`, 'prewrap');
      else fact(dl, t.infoAnswer, t.noAnswerYet + (q.pausesClock ? `. ${t.clockPaused}` : ''));
    }
    if (r.fee) {
      const f = r.fee;
      const amount = money(f.amount, f.currency);
      fact(dl, t.feeLabel, `${amount}\n${f.reason}\n(${by(f.by, f.at)})`, 'prewrap');
      fact(dl, t.feePaidLabel, f.paidAt ? by(f.paymentRecordedBy || '', f.paidAt) : t.feeUnpaid);
    }
    $('history-section').hidden = !dl.firstChild;
  }

  function renderDecisions(data: RequestData) {
    const allowed = data.allowedDecisions || {};
    const any = !!(
      allowed.approve ||
      allowed.deny ||
      allowed.extend ||
      allowed.request_info ||
      allowed.lift_restriction ||
      allowed.charge_fee ||
      allowed.record_fee_payment
    );
    $('decisions').hidden = !(any || data.review);
    $('decide-note').textContent = !data.mayDecide ? t.viewerNote : any ? '' : t.noDecisions;
    $('decide-note').hidden = !$('decide-note').textContent;
    $('approve-box').hidden = !allowed.approve;
    $('deny-box').hidden = !allowed.deny;
    $('extend-box').hidden = !allowed.extend;
    $('info-box').hidden = !allowed.request_info;
    $('lift-box').hidden = !allowed.lift_restriction;
    $('fee-box').hidden = !allowed.charge_fee;
    $('payment-box').hidden = !allowed.record_fee_payment;

    const max = allowed.extend ? allowed.extend.maxMonths : 0;
    Array.prototype.forEach.call($<HTMLSelectElement>('extend-months').options, (o) => {
      o.disabled = o.hidden = Number(o.value) > max;
    });
    if ($<HTMLSelectElement>('extend-months').selectedOptions[0] && $<HTMLSelectElement>('extend-months').selectedOptions[0]!.disabled)
      $<HTMLSelectElement>('extend-months').value = '1';

    // Only the reasons that fit the right are offered, each named in the staff member's language;
    // the text to send is in the subject's, with the staff member's version beside it to read.
    const select = $<HTMLSelectElement>('deny-reason');
    const keep = denyFor === data.request.requestId && $<HTMLTextAreaElement>('deny-text').value.trim() !== '' ? select.value : null;
    clear(select);
    templates = (data.denialTemplates || []).filter((tpl) => tpl.fits !== false);
    subjectLocale = data.request.locale || '';
    const choose = el('option', t.denyChoose);
    choose.value = '';
    select.appendChild(choose);
    templates.forEach((tpl) => {
      const o = el('option', label(t.denialReason, tpl.reason));
      o.value = tpl.reason;
      select.appendChild(o);
    });
    const text = $<HTMLTextAreaElement>('deny-text');
    // The label names the language the text is sent in.
    const textLabel = document.querySelector('label[for=deny-text]');
    if (textLabel) textLabel.textContent = subjectLocale ? `${t.denyText} (${languageName(subjectLocale)})` : t.denyText;
    if (subjectLocale) text.lang = subjectLocale;
    else text.removeAttribute('lang');
    $('deny-own-title').textContent = `${t.denyOwnLanguage} (${languageName(cfg.locale)})`;
    $('deny-own-text').lang = cfg.locale;
    if (keep !== null && templates.some((tpl) => tpl.reason === keep)) {
      select.value = keep;
      showOwnTemplate();
      return;
    }
    denyFor = data.request.requestId;
    // Preselected only when the review points to a reason that fits the right; otherwise staff choose.
    const suggested = data.suggestedDenialReason;
    select.value = suggested && templates.some((tpl) => tpl.reason === suggested) ? suggested : '';
    fillTemplate();
  }
  function chosenTemplate(): Template | undefined {
    const reason = $<HTMLSelectElement>('deny-reason').value;
    return templates.filter((x) => x.reason === reason)[0];
  }
  function fillTemplate() {
    const tpl = chosenTemplate();
    $<HTMLTextAreaElement>('deny-text').value = tpl ? tpl.text : '';
    showOwnTemplate();
  }
  /** The chosen template in the staff member's language, when the subject reads another. */
  function showOwnTemplate() {
    const tpl = chosenTemplate();
    const own = tpl?.texts && subjectLocale && subjectLocale !== cfg.locale ? tpl.texts[cfg.locale] || '' : '';
    $('deny-own-text').textContent = own;
    $('deny-own').hidden = !own;
  }

  // What the processor answered: the outcome, and for kept data its basis, or what and why, and until when.
  function answerCell(a: Branch['answer']) {
    const cell = el('span', null, 'prewrap');
    if (!a) return cell;
    cell.appendChild(tag(label(t.answerOutcome, a.outcome), a.outcome));
    const lines: string[] = [];
    if (a.basis) lines.push(`${t.answerBasis}: ${a.basis}`);
    if (a.kept) lines.push(`${t.answerKept}: ${a.kept}`);
    if (a.reason) lines.push(`${t.answerReason}: ${a.reason}`);
    if (a.until) lines.push(`${t.answerUntil}: ${date(a.until)}`);
    if (lines.length) cell.appendChild(document.createTextNode(`\n${lines.join('\n')}`));
    return cell;
  }

  // A store not searched for want of an identifier: which ones would have let it look.
  function notLookedUpCell(missing: NonNullable<Branch['notLookedUp']>) {
    const cell = el('span', null, 'prewrap');
    cell.appendChild(tag(t.notLookedUpTag, 'not_looked_up'));
    cell.appendChild(document.createTextNode(`\n${t.notLookedUp} ${missing.map((i) => t.identityName[i as keyof typeof t.identityName] ?? i).join(', ')}`));
    return cell;
  }

  function renderBranches(data: RequestData) {
    const allowed = data.allowedDecisions || {};
    const retry = allowed.retry_branch || [];
    const complete = allowed.complete_task || [];
    const correct = allowed.correct_answer || [];
    const bbody = $('branches-body');
    clear(bbody);
    (data.branches || []).forEach((b) => {
      const action = el('span', label(t.branchAction, b.action));
      if (b.staffTask) {
        action.appendChild(document.createTextNode(' '));
        action.appendChild(tag(t.staffTaskTag));
      }
      const actions = el('span', null, 'actions');
      if (retry.indexOf(b.processorId) >= 0) {
        actions.appendChild(
          button(t.retry, 'secondary', () => {
            decide({ decision: 'retry_branch', processorId: b.processorId });
          }),
        );
      }
      if (complete.indexOf(b.processorId) >= 0) {
        actions.appendChild(
          button(t.markDone, 'secondary', () => {
            openComplete(b);
          }),
        );
      }
      if (correct.indexOf(b.processorId) >= 0) {
        actions.appendChild(
          button(t.correctAnswer, 'secondary', () => {
            openCorrect(b);
          }),
        );
      }
      const tr = row([
        b.processorName || b.processorId,
        b.kind,
        action,
        tag(label(t.branchStatus, b.status), b.status),
        b.attempts,
        b.errorClass || '',
        dateTime(b.finishedAt),
        b.notLookedUp?.length ? notLookedUpCell(b.notLookedUp) : answerCell(b.answer),
        el('span', b.note || '', 'prewrap'),
        actions,
      ]);
      tr.dataset.processorId = b.processorId;
      bbody.appendChild(tr);
    });
    $('branches-empty').hidden = (data.branches || []).length > 0;
  }

  function openComplete(b: Branch) {
    const form = $<HTMLFormElement>('form-complete');
    form.reset();
    field(form, 'processorId').value = b.processorId;
    $('complete-heading').textContent = `${t.completeTitle}: ${b.processorName || b.processorId}`;
    form.hidden = false;
    $('complete-note').focus();
  }

  function openCorrect(b: Branch) {
    const form = $<HTMLFormElement>('form-correct');
    form.reset();
    field(form, 'processorId').value = b.processorId;
    field(form, 'outcome').value = b.answer?.outcome || 'done';
    $('correct-heading').textContent = `${t.correctTitle}: ${b.processorName || b.processorId}`;
    form.hidden = false;
    $('correct-outcome').focus();
  }

  function renderRequest(data: RequestData) {
    const r = data.request;
    current = r.requestId;
    $('list-view').hidden = true;
    $('dashboard-view').hidden = true;
    $('detail-view').hidden = false;
    heading(`${t.requestTitle} ${r.requestId}`);
    const facts = $('request-facts');
    clear(facts);
    fact(facts, t.colReference, r.requestId);
    fact(facts, t.colController, r.controllerName || r.controllerId);
    fact(facts, t.colType, label(t.type, r.type));
    fact(facts, t.subjectLanguage, languageName(r.locale));
    fact(facts, t.colStatus, label(t.requestStatus, r.status));
    fact(facts, t.created, dateTime(r.createdAt));
    fact(facts, t.colReceived, dateTime(r.receivedAt));
    fact(facts, t.colDue, date(r.dueAt) + (r.overdue ? ` (${t.overdue})` : ''));
    if (r.transmittedAt) fact(facts, t.transmitted, dateTime(r.transmittedAt));
    if (r.completedAt) fact(facts, t.completed, dateTime(r.completedAt));
    if (r.packageDeletedAt) fact(facts, t.packageDeleted, dateTime(r.packageDeletedAt));
    if (r.entry) {
      fact(facts, t.enter.facts.channel, `${label(t.enter.channels, r.entry.channel)}, ${localDate(r.entry.receivedAt)}`);
      fact(facts, t.enter.facts.by, `${r.entry.by}, ${dateTime(r.entry.at)}`);
      const how = label(t.enter.identities, r.entry.identity.method);
      fact(facts, t.enter.facts.identity, r.entry.identity.reason ? `${how}: ${r.entry.identity.reason}` : how, 'prewrap');
    }
    if (r.attachments?.length) fact(facts, t.enter.facts.attachments, attachmentList(r.requestId, r.attachments));
    const subject = $('subject-facts');
    clear(subject);
    if (r.personalDataErasedAt) {
      // The address and name are gone by the service's own retention, not missing.
      fact(subject, t.personalDataErased, dateTime(r.personalDataErasedAt));
      fact(subject, t.email, t.erased);
      fact(subject, t.name, t.erased);
    } else if (r.onBehalfOf) {
      // Someone asked for the subject: the stores are searched by the subject's address, every email goes to the one who asked.
      fact(subject, t.representation.title, label(t.representation.kind, r.onBehalfOf.representation));
      fact(subject, t.representation.subjectName, r.onBehalfOf.name);
      fact(subject, t.representation.subjectEmail, r.onBehalfOf.email);
      for (const [id, value] of Object.entries(r.identifiers || {}))
        fact(subject, t.identifierLabel[id as keyof typeof t.identifierLabel] ?? id, value || '\u2014');
      fact(subject, t.representation.askedBy, `${r.name || t.noName} <${r.email || '\u2014'}>`);
    } else {
      fact(subject, t.email, r.email || '\u2014');
      for (const [id, value] of Object.entries(r.identifiers || {}))
        fact(subject, t.identifierLabel[id as keyof typeof t.identifierLabel] ?? id, value || '\u2014');
      fact(subject, t.name, r.name || t.noName);
    }

    renderReview(data.review);
    renderDetails(r.details);
    renderHistory(r);
    renderDecisions(data);
    renderBranches(data);

    const tbody = $('timeline-body');
    clear(tbody);
    const processors: Record<string, string> = {};
    (data.branches || []).forEach((b) => {
      processors[b.processorId] = b.processorName || b.processorId;
    });
    (data.timeline || []).forEach((ev) => {
      const tr = row([
        dateTime(ev.at, eventFmt),
        label(t.timelineEvent, ev.event),
        actorText(ev.actor, ev.detail),
        el('span', detailText(ev.detail, ev.actor, processors), 'prewrap'),
      ]);
      tr.dataset.event = ev.event;
      tbody.appendChild(tr);
    });
    $('timeline-empty').hidden = (data.timeline || []).length > 0;
  }

  function loadRequest(requestId: string, keepMessage?: boolean, focus = !keepMessage) {
    message(t.loading);
    if (!keepMessage || requestId !== current) resetDecisions();
    return api<RequestData>(`/v1/staff/requests/${encodeURIComponent(requestId)}`).then((data) => {
      // Another view was asked for meanwhile: this answer is not shown.
      if (!data || routeOf(location.search).view !== 'request') return;
      message('');
      renderRequest(data);
      if (focus) $('view-heading').focus();
    });
  }

  // While a decision is on its way nothing else can be sent.
  function setBusy(on: boolean) {
    $('decisions').setAttribute('aria-busy', on ? 'true' : 'false');
    Array.prototype.forEach.call($('detail-view').querySelectorAll('button, select, textarea'), (c) => {
      c.disabled = on;
    });
  }
  function markInvalid(form: HTMLFormElement | undefined, errors: Record<string, unknown> | null | undefined) {
    Array.prototype.forEach.call(form ? form.elements : [], (c) => {
      if (c.name) c.setAttribute('aria-invalid', errors && Object.hasOwn(errors, c.name) ? 'true' : 'false');
    });
  }
  function refused(lead: string, body: Refusal | null, box = $('decision-message')) {
    say(box, lead, 'warn');
    if (body && typeof body.message === 'string') box.appendChild(el('p', body.message));
    const errors = body?.errors && typeof body.errors === 'object' ? body.errors : {};
    const keys = Object.keys(errors);
    if (keys.length) {
      const ul = el('ul');
      keys.forEach((k) => {
        ul.appendChild(el('li', `${k}: ${errors[k]}`));
      });
      box.appendChild(ul);
    }
    box.focus();
  }

  // POSTs one decision with the id token; the answer is the request as it is now, shown at once.
  function decide(body: Decision, form?: HTMLFormElement) {
    const tok = token();
    if (!tok) {
      showSignIn(t.sessionEnded);
      return;
    }
    const requestId = current;
    if (!requestId) return;
    setBusy(true);
    say($('decision-message'), t.sending);
    // biome-ignore lint/style/useTemplate: test/unit/staff-console.test.ts reads this call in the served text
    fetch('/v1/staff/requests/' + encodeURIComponent(requestId) + '/decisions', {
      method: 'POST',
      // biome-ignore lint/style/useTemplate: test/unit/staff-console.test.ts reads this call in the served text
      headers: { authorization: 'Bearer ' + tok, accept: 'application/json', 'content-type': 'application/json' },
      body: JSON.stringify(body),
      cache: 'no-store',
      credentials: 'omit',
    }).then(
      (res) => {
        if (res.status === 401) {
          setBusy(false);
          showSignIn(t.sessionEnded);
          return;
        }
        return res
          .json()
          .catch(() => null)
          .then((data) => {
            setBusy(false);
            if (res.ok && data?.request) {
              markInvalid(form, null);
              if (form) form.reset();
              if (form && form.parentNode instanceof HTMLDetailsElement) form.parentNode.open = false;
              $<HTMLFormElement>('form-complete').hidden = true;
              $<HTMLFormElement>('form-correct').hidden = true;
              if (body.decision === 'deny') denyFor = null;
              renderRequest(data);
              say($('decision-message'), t.decisionSaved);
              $('decision-message').focus();
              return;
            }
            markInvalid(form, data?.errors);
            if (res.status === 403) refused(t.decideForbidden, data);
            else if (res.status === 409) {
              refused(t.decisionConflict, data);
              loadRequest(requestId, true);
            } else if (res.status >= 400 && res.status < 500) refused(t.decisionRefused, data);
            else refused(t.decisionFailed, null);
          });
      },
      () => {
        setBusy(false);
        refused(t.decisionFailed, null);
      },
    );
  }

  function value(form: HTMLFormElement, name: string): string {
    return field(form, name).value;
  }
  $('decide-approve').addEventListener('click', () => {
    decide({ decision: 'approve' });
  });
  $('decide-lift').addEventListener('click', () => {
    if (window.confirm(t.confirmLift)) decide({ decision: 'lift_restriction' });
  });
  $<HTMLSelectElement>('deny-reason').addEventListener('change', fillTemplate);
  $<HTMLFormElement>('form-deny').addEventListener('submit', function (ev) {
    ev.preventDefault();
    if (!window.confirm(t.confirmDeny)) return;
    decide({ decision: 'deny', reason: value(this, 'reason'), text: value(this, 'text') }, this);
  });
  $<HTMLFormElement>('form-extend').addEventListener('submit', function (ev) {
    ev.preventDefault();
    decide({ decision: 'extend', months: Number(value(this, 'months')), reasons: value(this, 'reasons') }, this);
  });
  $('decide-payment').addEventListener('click', () => {
    if (window.confirm(t.confirmPayment)) decide({ decision: 'record_fee_payment' });
  });
  $<HTMLFormElement>('form-fee').addEventListener('submit', function (ev) {
    ev.preventDefault();
    // The amount goes as typed (a decimal string): the API checks it and names what is wrong.
    decide(
      { decision: 'charge_fee', amount: value(this, 'amount').trim(), currency: value(this, 'currency').trim().toUpperCase(), reason: value(this, 'reason') },
      this,
    );
  });
  $<HTMLFormElement>('form-info').addEventListener('submit', function (ev) {
    ev.preventDefault();
    decide({ decision: 'request_info', text: value(this, 'text') }, this);
  });
  $<HTMLFormElement>('form-complete').addEventListener('submit', function (ev) {
    ev.preventDefault();
    decide({ decision: 'complete_task', processorId: value(this, 'processorId'), note: value(this, 'note') }, this);
  });
  $<HTMLFormElement>('form-correct').addEventListener('submit', function (ev) {
    ev.preventDefault();
    // Blank fields are left out; the API takes only those the chosen outcome needs, naming what is missing.
    const body: Decision = { decision: 'correct_answer', processorId: value(this, 'processorId'), outcome: value(this, 'outcome'), why: value(this, 'why') };
    ['basis', 'kept', 'reason', 'until'].forEach((name) => {
      const v = value(this, name).trim();
      if (v) body[name] = v;
    });
    decide(body, this);
  });
  $('correct-cancel').addEventListener('click', () => {
    $<HTMLFormElement>('form-correct').reset();
    $<HTMLFormElement>('form-correct').hidden = true;
  });
  $('complete-cancel').addEventListener('click', () => {
    $<HTMLFormElement>('form-complete').reset();
    $<HTMLFormElement>('form-complete').hidden = true;
  });

  // Recording a request that came by letter, phone, email or in person: the form as multipart (its
  // files ride along), and the new request opened once the API took it.
  $<HTMLFormElement>('form-enter').addEventListener('submit', (ev) => {
    ev.preventDefault();
    const form = ev.currentTarget as HTMLFormElement;
    const tok = token();
    if (!tok) {
      showSignIn(t.sessionEnded);
      return;
    }
    const box = $('enter-message-box');
    say(box, t.sending);
    fetch('/v1/staff/requests', {
      method: 'POST',
      headers: { authorization: `Bearer ${tok}`, accept: 'application/json' },
      body: new FormData(form),
      cache: 'no-store',
      credentials: 'omit',
    }).then(
      (res) => {
        if (res.status === 401) {
          showSignIn(t.sessionEnded);
          return;
        }
        return res
          .json()
          .catch(() => null)
          .then((data) => {
            if (res.ok && data && typeof data.requestId === 'string') {
              markInvalid(form, null);
              form.reset();
              say(box, t.enter.saved);
              go({ view: 'request', requestId: data.requestId });
              return;
            }
            markInvalid(form, data?.errors);
            refused(t.enter.refused, res.status >= 400 && res.status < 500 ? data : null, box);
          });
      },
      () => refused(t.enter.refused, null, box),
    );
  });

  $('export-audit').addEventListener('click', exportAudit);
  $('nav-requests').addEventListener('click', () => {
    go(listRoute());
  });
  $('nav-dashboard').addEventListener('click', () => {
    go({ view: 'dashboard' });
  });
  $<HTMLFormElement>('dashboard-form').addEventListener('submit', (ev) => {
    ev.preventDefault();
    loadDashboard();
  });
  $('export-requests').addEventListener('click', exportRequests);
  $<HTMLFormElement>('filters').addEventListener('submit', (ev) => {
    ev.preventDefault();
    go(listRoute());
  });
  $('back').addEventListener('click', () => {
    go(listRoute());
  });
  $('sign-out').addEventListener('click', () => {
    sessionStorage.removeItem(OPEN_KEY);
    showSignIn('');
  });

  const signedIn = await finishSignIn();
  if (signedIn === 'reloading') return;
  if (signedIn === 'refused') {
    showSignIn(t.signInRefused);
    return;
  }
  const tok = token();
  if (!tok) {
    showSignIn('');
    return;
  }
  const who = claims(tok) || {};
  $('who').textContent = `${t.signedInAs} ${who['cognito:username'] || who.sub || ''}`;
  // Only approvers record requests (the API checks it too); one organisation's staff have it filled in.
  const groups = who['cognito:groups'];
  $('enter-box').hidden = !(Array.isArray(groups) ? groups : String(groups || '').split(/[\s,[\]]+/)).includes('approver');
  const own = String(who['custom:controllers'] || '')
    .split(',')
    .filter((c) => c && c !== '*');
  if (own.length === 1) field($<HTMLFormElement>('form-enter'), 'controller').value = own[0]!;
  field($<HTMLFormElement>('form-enter'), 'receivedOn').max = new Date().toISOString().slice(0, 10);
  $('console-signin').hidden = true;
  $('console-app').hidden = false;
  $('time-zone').textContent = `${t.timeZoneNote} ${zoneName()}`;
  const wanted = sessionStorage.getItem(OPEN_KEY);
  sessionStorage.removeItem(OPEN_KEY);
  const here = routeOf(location.search);
  const route = isStart(here) && wanted !== null ? routeOf(wanted) : here;
  history.replaceState(null, '', urlOf(route));
  show(route, route.view === 'request');
})();
