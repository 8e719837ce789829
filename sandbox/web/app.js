// The sandbox's imitation of the Zoho Desk agent app: one page, routed in the browser from
// location.pathname + location.hash, rendered from the sandbox's live state on every navigation.
// Hash-shaped links change only the hash; path-shaped links go through history.pushState.
(() => {
  const content = document.getElementById('content');
  const leftnav = document.getElementById('leftnav');
  const orgName = document.getElementById('org-name');
  let renderSeq = 0;
  let showSeq = 0;
  let renderedHref = '';
  // 'plain': main, nav, headings. 'generated' and 'bare': divs with generated class names only, drawn late
  // ('bare' also never shows the user's name or email).
  const skin = document.body.dataset.skin || 'plain';
  const plain = skin === 'plain';
  const STRUCTURAL = new Set(['h1', 'h2', 'h3', 'main', 'nav', 'header', 'section']);
  const DRAW_DELAY_MS = 350;
  // ?redraw=<ms>: like an app that re-renders the same page on its own, the page is drawn again (new nodes,
  // heading included) every <ms> from the first render on, for ?redrawFor=<ms> (30 s unless given).
  const query = new URLSearchParams(location.search);
  const REDRAW_MS = Math.max(50, Number(query.get('redraw')) || 0);
  const REDRAW_FOR_MS = Number(query.get('redrawFor')) || 30_000;

  /** Like a CSS-in-JS class: the same name always gives the same meaningless class. */
  function generated(name) {
    let hash = 7;
    for (const ch of name) hash = (hash * 31 + ch.charCodeAt(0)) >>> 0;
    return `css-${hash.toString(36)}`;
  }

  function el(tag, attrs, ...children) {
    const node = document.createElement(plain || !STRUCTURAL.has(tag) ? tag : 'div');
    for (const [key, value] of Object.entries(attrs || {})) {
      if (value === undefined || value === null || value === false) continue;
      if (key === 'className') node.className = plain ? value : value.split(' ').map(generated).join(' ');
      else if (key === 'spa') node.dataset.spa = '';
      else if (key === 'style') node.setAttribute('style', value);
      else node.setAttribute(key, value === true ? '' : String(value));
    }
    for (const child of children.flat()) {
      if (child === null || child === undefined || child === false) continue;
      node.append(typeof child === 'string' ? document.createTextNode(child) : child);
    }
    return node;
  }

  async function getJson(path) {
    const response = await fetch(path, { headers: { Accept: 'application/json' } });
    if (response.status === 404) return null;
    if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
    return response.json();
  }

  function decode(value) {
    try {
      return decodeURIComponent(value);
    } catch {
      return value;
    }
  }

  function parseRoute() {
    const path = location.pathname.replace(/\/+$/, '');
    const hash = decode(location.hash.replace(/^#/, '')).replace(/\/+$/, '');
    let m = /^\/agent\/([^/]+)\/([^/]+)\/setup$/.exec(path);
    if (m) {
      const base = { portal: m[1], dept: m[2], shape: 'hash' };
      let h = /^setup\/channels\/helpcenter\/(\d+)\/users\/portaluser\/(\d+)$/.exec(hash);
      if (h) return { ...base, kind: 'user', hc: h[1], portalUserId: h[2] };
      h = /^setup\/channels\/helpcenter\/(\d+)\/users\/(\d+)$/.exec(hash);
      if (h) return { ...base, kind: 'user', hc: h[1], userId: h[2] };
      h = /^setup\/channels\/helpcenter\/(\d+)\/users$/.exec(hash);
      if (h) return { ...base, kind: 'users', hc: h[1] };
      return { ...base, kind: 'setup' };
    }
    m = /^\/agent\/([^/]+)\/([^/]+)\/setup\/channels\/helpcenter\/(\d+)\/users(?:\/(\d+))?$/.exec(path);
    if (m) {
      const base = { portal: m[1], dept: m[2], shape: 'path', hc: m[3] };
      return m[4] ? { ...base, kind: 'user', userId: m[4] } : { ...base, kind: 'users' };
    }
    m = /^\/agent\/([^/]+)\/([^/]+)\/contacts\/details\/(\d+)$/.exec(path);
    if (m) return { kind: 'contact', portal: m[1], dept: m[2], contactId: m[3] };
    // URL shapes no built-in pattern knows, for "Recognize this page".
    m = /^\/agent\/([^/]+)\/([^/]+)\/community\/(\d+)\/members(?:\/(\d+))?$/.exec(path);
    if (m) {
      const base = { portal: m[1], dept: m[2], shape: 'community', hc: m[3] };
      return m[4] ? { ...base, kind: 'user', userId: m[4] } : { ...base, kind: 'users' };
    }
    m = /^\/agent\/([^/]+)\/([^/]+)\/crm\/people\/(\d+)$/.exec(path);
    if (m) return { kind: 'contact', portal: m[1], dept: m[2], contactId: m[3] };
    m = /^\/agent\/([^/]+)\/([^/]+)\/busy$/.exec(path);
    if (m) return { kind: 'busy', portal: m[1], dept: m[2] };
    m = /^\/agent\/([^/]+)\/([^/]+)(?:\/([^/]+))?/.exec(path);
    if (m) return { kind: 'module', portal: m[1], dept: m[2], module: m[3] || 'home' };
    m = /^\/support\/([^/]+)\/ShowHomePage\.do$/.exec(path);
    if (m) {
      const base = { portal: m[1], dept: null, shape: 'classic' };
      const h = /^Setup\/helpcenter\/(\d+)\/users(?:\/(\d+))?$/.exec(hash);
      if (h) return h[2] ? { ...base, kind: 'user', hc: h[1], userId: h[2] } : { ...base, kind: 'users', hc: h[1] };
      return { ...base, kind: 'module', module: 'classic home' };
    }
    return { kind: 'home' };
  }

  function usersHref(route, hc) {
    if (route.shape === 'path') return `/agent/${route.portal}/${route.dept}/setup/channels/helpcenter/${hc}/users`;
    if (route.shape === 'community') return `/agent/${route.portal}/${route.dept}/community/${hc}/members`;
    if (route.shape === 'classic') return `/support/${route.portal}/ShowHomePage.do#Setup/helpcenter/${hc}/users`;
    return `/agent/${route.portal}/${route.dept}/setup#setup/channels/helpcenter/${hc}/users`;
  }

  function userHref(route, hc, userId) {
    return `${usersHref(route, hc)}/${userId}`;
  }

  /** Links that must not change only the hash go through pushState. */
  function linkFor(route, href, text, className) {
    return el('a', { href, className, spa: route.shape === 'path' || route.shape === 'community' }, text);
  }

  function contactHref(route, portal, contactId) {
    return `/agent/${route.portal}/${route.dept || portal.org.departments[0].slug}/contacts/details/${contactId}`;
  }

  function show(title, ...nodes) {
    document.title = `${title} - Zoho Desk (sandbox)`;
    if (plain) return content.replaceChildren(...nodes);
    // Drawn late, like an app that renders after its own data and code arrive.
    const token = ++showSeq;
    content.replaceChildren();
    setTimeout(() => {
      if (token === showSeq) content.replaceChildren(...nodes);
    }, DRAW_DELAY_MS);
  }

  function renderNav(route, portal) {
    if (!portal) {
      leftnav.replaceChildren();
      orgName.textContent = '';
      return;
    }
    orgName.textContent = portal.org.companyName;
    const dept = route.dept || portal.org.departments[0].slug;
    const base = `/agent/${portal.org.portalName}/${dept}`;
    const hcItems = portal.helpCenters.map((hc) =>
      el(
        'li',
        {},
        el(
          'a',
          { href: `${base}/setup#setup/channels/helpcenter/${hc.id}/users`, spa: true, className: 'nav-hc' },
          hc.name,
        ),
        ' · ',
        el(
          'a',
          { href: `${base}/setup/channels/helpcenter/${hc.id}/users`, spa: true, className: 'nav-hc-path' },
          'path URL',
        ),
        ' · ',
        el(
          'a',
          {
            href: `/support/${portal.org.portalName}/ShowHomePage.do#Setup/helpcenter/${hc.id}/users`,
            className: 'nav-hc-classic',
          },
          'classic',
        ),
      ),
    );
    leftnav.replaceChildren(
      el('h2', {}, 'Modules'),
      el(
        'ul',
        {},
        el('li', {}, el('a', { href: `${base}/tickets`, spa: true, id: 'nav-tickets' }, 'Tickets')),
        el('li', {}, el('a', { href: `${base}/contacts`, spa: true, id: 'nav-contacts' }, 'Contacts')),
        el('li', {}, el('a', { href: `${base}/busy`, spa: true, id: 'nav-busy' }, 'Busy page')),
      ),
      el('h2', {}, 'Setup · Help Center users'),
      el('ul', {}, hcItems),
    );
  }

  async function renderUsers(route, portal, seq) {
    const data = await getJson(`/__sandbox/web/helpcenters/${route.hc}/users`);
    if (seq !== renderSeq) return;
    if (!data || data.helpCenter.orgId !== portal.org.id) {
      show('Help Center not found', el('h1', {}, 'Help Center not found'));
      return;
    }
    const rows = data.users.map((user) =>
      el(
        'tr',
        {},
        el('td', {}, linkFor(route, userHref(route, route.hc, user.id), user.name, 'user-link')),
        el('td', {}, user.emailAddress),
        el('td', {}, user.status === 'ACTIVE' ? 'Active' : 'Disabled'),
        el('td', { className: 'badge-count' }, String(user.badgeCount)),
      ),
    );
    show(
      `${data.helpCenter.name} users`,
      el('p', { className: 'breadcrumb' }, 'Setup › Channels › Help Center › ', data.helpCenter.name),
      el('h1', { className: 'users-heading' }, `${data.helpCenter.name} · Users`),
      el(
        'table',
        { className: 'users-table' },
        el(
          'thead',
          {},
          el('tr', {}, el('th', {}, 'Name'), el('th', {}, 'Email'), el('th', {}, 'Status'), el('th', {}, 'Badges')),
        ),
        el('tbody', {}, rows),
      ),
    );
  }

  async function renderUser(route, portal, seq) {
    const source = route.userId
      ? `/__sandbox/web/users/${route.userId}`
      : `/__sandbox/web/portal-users/${route.portalUserId}`;
    const [user, list] = await Promise.all([getJson(source), getJson(`/__sandbox/web/helpcenters/${route.hc}/users`)]);
    if (seq !== renderSeq) return;
    const helpCenter = user?.helpCenters.find((hc) => hc.id === route.hc);
    if (!user || !helpCenter || user.orgId !== portal.org.id) {
      show('User not found', el('h1', { className: 'not-found' }, 'User not found in this help center'));
      return;
    }
    // The portal-user URL carries no API user id, and the page does not show one either.
    const showId = Boolean(route.userId);
    const badges = user.badges.length
      ? el(
          'ul',
          { className: 'badge-list' },
          user.badges.map((b) =>
            el(
              'li',
              { className: 'badge' },
              el('img', { className: 'badge-icon', src: b.iconUrl, alt: '' }),
              el('span', { className: 'badge-name' }, b.name),
            ),
          ),
        )
      : el('p', { className: 'empty' }, 'No badges');
    const labels = user.labels.length
      ? el(
          'ul',
          { className: 'label-list' },
          user.labels.map((l) =>
            el(
              'li',
              { className: 'label', style: `background:${l.bgColor};color:${l.textColor}` },
              el('span', { className: 'label-name' }, l.name),
            ),
          ),
        )
      : el('p', { className: 'empty' }, 'No labels');
    const ids = (list ? list.users : []).map((u) => u.id);
    const at = ids.indexOf(user.id);
    const nav = el('p', { className: 'user-nav' });
    if (at > 0) nav.append(linkFor(route, userHref(route, route.hc, ids[at - 1]), '‹ Previous user', 'prev-user'));
    if (at >= 0 && at < ids.length - 1)
      nav.append(linkFor(route, userHref(route, route.hc, ids[at + 1]), 'Next user ›', 'next-user'));
    show(
      user.name,
      el(
        'p',
        { className: 'breadcrumb' },
        'Setup › Help Center › ',
        linkFor(route, usersHref(route, route.hc), `${helpCenter.name} users`, 'back-to-users'),
      ),
      skin === 'generated'
        ? el(
            'div',
            { className: 'profile-top' },
            el('div', { className: 'profile-inner' }, el('div', { className: 'who' }, el('span', {}, user.name))),
          )
        : skin === 'bare'
          ? el('div', { className: 'profile-top' }, 'Community member')
          : el('h1', { className: 'user-name' }, user.name),
      el(
        'dl',
        { className: 'user-details' },
        skin === 'bare' ? null : el('dt', {}, 'Email'),
        skin === 'bare'
          ? null
          : el('dd', {}, el('a', { className: 'user-email', href: `mailto:${user.emailAddress}` }, user.emailAddress)),
        showId ? el('dt', {}, 'User ID') : null,
        showId ? el('dd', { className: 'user-id' }, user.id) : null,
        el('dt', {}, 'Help Center'),
        el('dd', { className: 'help-center-name' }, helpCenter.name),
        el('dt', {}, 'Status'),
        el('dd', { className: 'user-status' }, user.status === 'ACTIVE' ? 'Active' : 'Disabled'),
        el('dt', {}, 'Contact'),
        el(
          'dd',
          {},
          el(
            'a',
            { href: contactHref(route, portal, user.contactId), spa: true, className: 'contact-link' },
            'View contact',
          ),
        ),
      ),
      el('section', { className: 'user-badges' }, el('h2', {}, 'Badges'), badges),
      el('section', { className: 'user-labels' }, el('h2', {}, 'Labels'), labels),
      nav,
    );
  }

  async function renderContact(route, portal, seq) {
    const contact = await getJson(`/__sandbox/web/contacts/${route.contactId}`);
    if (seq !== renderSeq) return;
    if (!contact || contact.orgId !== portal.org.id) {
      show('Contact not found', el('h1', { className: 'not-found' }, 'Contact not found'));
      return;
    }
    const name = `${contact.firstName} ${contact.lastName}`.trim();
    const membership = contact.helpCenters.length
      ? `Help Center: end user in ${contact.helpCenters.map((hc) => hc.name).join(', ')}`
      : 'Help Center: not an end user';
    const userLinks = contact.userId
      ? el(
          'ul',
          { className: 'contact-user-links' },
          contact.helpCenters.map((hc) =>
            el(
              'li',
              {},
              el(
                'a',
                { href: userHref({ ...route, shape: 'hash' }, hc.id, contact.userId), spa: true },
                `Open in ${hc.name}`,
              ),
            ),
          ),
        )
      : null;
    show(
      name,
      el('p', { className: 'breadcrumb' }, 'Contacts › ', name),
      el('h1', { className: 'contact-name' }, name),
      el('p', {}, el('a', { className: 'contact-email', href: `mailto:${contact.email}` }, contact.email)),
      el('p', { className: 'contact-helpcenter' }, membership),
      userLinks,
    );
  }

  async function renderContacts(route, portal, seq) {
    const data = await getJson(`/__sandbox/web/portal/${route.portal}/contacts`);
    if (seq !== renderSeq) return;
    const rows = (data ? data.contacts : []).map((c) =>
      el(
        'li',
        {},
        el(
          'a',
          { href: contactHref(route, portal, c.id), spa: true, className: 'contact-row' },
          `${c.firstName} ${c.lastName}`,
        ),
      ),
    );
    show('Contacts', el('h1', {}, 'Contacts'), el('ul', { className: 'contacts-list' }, rows));
  }

  function renderBusy() {
    const params = new URLSearchParams(location.search);
    const nodes = Math.min(Number(params.get('nodes')) || 2000, 50000);
    const mutations = Math.min(Number(params.get('mutations')) || 500, 100000);
    const grid = el('div', { className: 'busy-grid', id: 'busy-grid' });
    for (let i = 0; i < nodes; i++) grid.append(el('span', {}, `cell ${i}`));
    const count = el('output', { id: 'mutation-count' }, '0');
    const button = el('button', { id: 'mutate', type: 'button' }, `Make ${mutations} changes`);
    button.addEventListener('click', () => {
      // Spread over several tasks so observers see many separate batches, like a busy app.
      let done = 0;
      const batch = Math.max(1, Math.ceil(mutations / 20));
      const step = () => {
        for (let i = 0; i < batch && done < mutations; i++, done++) {
          const cell = grid.children[done % grid.children.length];
          if (done % 3 === 0) cell.textContent = `changed ${done}`;
          else if (done % 3 === 1) cell.setAttribute('data-n', String(done));
          else grid.append(el('span', {}, `added ${done}`));
        }
        count.textContent = String(done);
        if (done < mutations) setTimeout(step, 0);
        else document.body.dataset.busyDone = 'true';
      };
      document.body.dataset.busyDone = 'false';
      step();
    });
    show('Busy page', el('h1', {}, 'Busy page'), el('p', {}, button, ' Changes made: ', count), grid);
  }

  /** `again`: the same page drawn anew, without the loading state in between. */
  async function render(again = false) {
    const seq = ++renderSeq;
    renderedHref = location.href;
    const route = parseRoute();
    if (route.kind === 'home') {
      renderNav(route, null);
      show(
        'Home',
        el('h1', {}, 'Zoho Desk (sandbox)'),
        el(
          'p',
          {},
          el(
            'a',
            { href: '/agent/zylker/zylker/setup#setup/channels/helpcenter/7000000012001/users' },
            'Zylker Community users',
          ),
        ),
      );
      return;
    }
    if (!again) content.replaceChildren(el('p', { className: 'loading' }, 'Loading…'));
    const portal = await getJson(`/__sandbox/web/portal/${encodeURIComponent(route.portal)}`);
    if (seq !== renderSeq) return;
    renderNav(route, portal);
    if (!portal) {
      show('Portal not found', el('h1', { className: 'not-found' }, 'This portal does not exist'));
      return;
    }
    if (route.kind === 'users') return renderUsers(route, portal, seq);
    if (route.kind === 'user') return renderUser(route, portal, seq);
    if (route.kind === 'contact') return renderContact(route, portal, seq);
    if (route.kind === 'busy') return renderBusy();
    if (route.kind === 'module' && route.module === 'contacts') return renderContacts(route, portal, seq);
    const title = route.kind === 'setup' ? 'Setup' : route.module.charAt(0).toUpperCase() + route.module.slice(1);
    show(
      title,
      el('h1', { className: 'module-title' }, title),
      el('p', {}, 'This page is not a Help Center user page.'),
    );
  }

  document.addEventListener('click', (event) => {
    const link = event.target instanceof Element ? event.target.closest('a[data-spa]') : null;
    if (!link || event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey)
      return;
    event.preventDefault();
    history.pushState(null, '', link.getAttribute('href'));
    render();
  });
  // A hash navigation fires both popstate and hashchange: render once per URL.
  const onNavigate = () => {
    if (location.href !== renderedHref) render();
  };
  window.addEventListener('hashchange', onNavigate);
  window.addEventListener('popstate', onNavigate);
  render().catch((error) => show('Error', el('h1', {}, 'Something went wrong'), el('pre', {}, String(error))));
  if (query.has('redraw')) {
    // How often the page was drawn again, for tests.
    let redraws = 0;
    const timer = setInterval(() => {
      document.body.dataset.redraws = String(++redraws);
      render(true).catch(() => {});
    }, REDRAW_MS);
    setTimeout(() => clearInterval(timer), REDRAW_FOR_MS);
  }
})();
