/**
 * Zoho's API console (host api-console.zoho.com), as far as a Self Client goes: the Self Clients with their Client
 * ID and Client Secret, and Generate Code (scopes, time duration, description, the data center, Zoho Desk's
 * organization, CREATE) showing the code to copy. The organization is asked, as the console asks, but not kept:
 * the sandbox's tokens reach the organizations of the account (`orgs` in the config).
 */
import { generateSelfClientCode, parseScopes, SELF_CLIENT_MINUTES } from './accounts';
import { SANDBOX_DATA_CENTERS } from './datacenters';
import { favicon } from './desk-web';
import { escapeHtml, formParams, html, type Reply, type RequestContext } from './http';
import type { ClientConfig, CodeRecord, SandboxState } from './state';

/** Inline script for the Copy button; the page loads nothing else. */
const CONSOLE_CSP = "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; form-action 'self'";

const selfClients = (state: SandboxState) => state.config.clients.filter((c) => c.type === 'self');

function options(values: readonly (readonly [string, string])[], selected: string): string {
  return values
    .map(
      ([value, label]) =>
        `<option value="${escapeHtml(value)}"${value === selected ? ' selected' : ''}>${escapeHtml(label)}</option>`,
    )
    .join('');
}

function clientRows(clients: ClientConfig[]): string {
  return clients
    .map(
      (c) =>
        `<tr><td><code>${escapeHtml(c.clientId)}</code></td><td><code>${escapeHtml(c.clientSecret ?? '')}</code></td><td>${escapeHtml((c.locations ?? SANDBOX_DATA_CENTERS.map((dc) => dc.location)).join(', '))}</td></tr>`,
    )
    .join('');
}

function generated(code: CodeRecord): string {
  const minutes = code.lifetimeMs / 60_000;
  return `<section id="generated" aria-labelledby="generated-title">
  <h2 id="generated-title">Generated Code</h2>
  <p><code id="generated-code">${escapeHtml(code.code)}</code> <button type="button" id="copy-code">Copy</button></p>
  <p>For <span id="generated-scopes">${escapeHtml(code.scopes.join(','))}</span>, in the data center
  <strong>${escapeHtml(code.location)}</strong>. It lasts ${minutes} minutes and works once.</p>
</section>
<script>
document.getElementById('copy-code').addEventListener('click', (event) => {
  navigator.clipboard.writeText(document.getElementById('generated-code').textContent).then(
    () => { event.target.textContent = 'Copied'; },
    () => { event.target.textContent = 'Copy failed'; },
  );
});
</script>`;
}

function page(
  state: SandboxState,
  status: number,
  shown: { code?: CodeRecord; error?: string; form?: URLSearchParams } = {},
): Reply {
  const clients = selfClients(state);
  const form = shown.form ?? new URLSearchParams();
  const clientChoices = clients.map((c) => [c.clientId, c.name ?? c.clientId] as const);
  const minutes = SELF_CLIENT_MINUTES.map((m) => [String(m), `${m} minutes`] as const);
  const locations = SANDBOX_DATA_CENTERS.map((dc) => [dc.location, `${dc.location} (${dc.accountsHost})`] as const);
  const orgs = state.visibleOrgs().map((o) => [o.id, o.companyName] as const);
  return html(
    status,
    `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Zoho API Console (sandbox)</title>
<style>body{font-family:system-ui,sans-serif;max-width:48rem;margin:2rem auto;color:#222}
label{display:block;margin:.8rem 0 .2rem;font-weight:600}input,select,textarea{font:inherit;width:100%}
td,th{padding:.2rem .6rem;text-align:left}#create{margin-top:1rem;font-size:1rem;padding:.5rem 1.2rem;background:#0b6bcb;color:#fff;border:0}
#generated{margin-top:1.5rem;padding:1rem;border:1px solid #0b6bcb}#console-error{color:#a30000}</style></head>
<body><main>
<h1>Zoho API Console (sandbox)</h1>
<section aria-labelledby="clients-title">
  <h2 id="clients-title">Self Client</h2>
  ${
    clients.length
      ? `<table><thead><tr><th>Client ID</th><th>Client Secret</th><th>Data centers</th></tr></thead><tbody>${clientRows(clients)}</tbody></table>`
      : '<p>No Self Client yet.</p>'
  }
</section>
<section aria-labelledby="generate-title">
  <h2 id="generate-title">Generate Code</h2>
  ${shown.error ? `<p id="console-error" role="alert">${escapeHtml(shown.error)}</p>` : ''}
  <form method="post" action="/generate-code">
    <label for="client">Self Client</label>
    <select id="client" name="client_id">${options(clientChoices, form.get('client_id') ?? '')}</select>
    <label for="scope">Scope</label>
    <textarea id="scope" name="scope" rows="3">${escapeHtml(form.get('scope') ?? '')}</textarea>
    <label for="duration">Time Duration</label>
    <select id="duration" name="minutes">${options(minutes, form.get('minutes') ?? '3')}</select>
    <label for="description">Scope Description</label>
    <input id="description" name="description" value="${escapeHtml(form.get('description') ?? '')}">
    <label for="location">Data center</label>
    <select id="location" name="location">${options(locations, form.get('location') ?? 'us')}</select>
    <label for="portal">Select Portal</label>
    <select id="portal" name="portal">${options([['desk', 'Zoho Desk']], 'desk')}</select>
    <label for="org">Organization</label>
    <select id="org" name="org">${options(orgs, form.get('org') ?? '')}</select>
    <button id="create" type="submit">CREATE</button>
  </form>
  ${shown.code ? generated(shown.code) : ''}
</section>
</main></body></html>`,
    { 'Cache-Control': 'no-store', 'Content-Security-Policy': CONSOLE_CSP },
  );
}

export function handleConsole(ctx: RequestContext): Reply {
  const path = ctx.url.pathname.replace(/\/+$/, '') || '/';
  if (path === '/favicon.ico') return favicon();
  if (path === '/' && ctx.method === 'GET') return page(ctx.state, 200);
  if (path === '/generate-code' && ctx.method === 'POST') {
    const form = formParams(ctx);
    const made = generateSelfClientCode(ctx.state, {
      clientId: form.get('client_id') ?? '',
      scopes: parseScopes(form.get('scope') ?? ''),
      minutes: Number(form.get('minutes')),
      location: form.get('location') ?? '',
    });
    return typeof made === 'string'
      ? page(ctx.state, 400, { error: made, form })
      : page(ctx.state, 200, { code: made, form });
  }
  return html(404, '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Not found</title></head></html>');
}
