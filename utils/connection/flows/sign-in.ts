/**
 * The sign-in window every redirect flow opens: Zoho's authorization page through `identity.launchWebAuthFlow`,
 * with a `state` kept in storage.session (the worker may stop while the window is open), the answer read back
 * from the redirect URI, and the account's data center checked against the allowlist.
 */
import { ZohoError } from '../../platform/errors';
import { t } from '../../platform/i18n';
import type { ClientType } from '../../platform/zoho/client-types';
import type { DataCenter } from '../../platform/zoho/datacenters';
import { base64url } from '../pkce';
import { pendingAuthItem } from '../stored';
import { authError } from '../token-endpoint';
import { authorizeError, callbackDataCenter, diagnoseAuthorize, parseCallback } from './callback';
import type { FlowContext } from './context';

export interface SignedIn {
  callback: URLSearchParams;
  dc: DataCenter;
  redirectUri: string;
  /** The PKCE verifier kept with the attempt ('' for the implicit flow). */
  verifier: string;
}

/** Opens Zoho's consent for `params` (plus redirect URI and state) and reads what came back. */
export async function signIn(
  ctx: FlowContext,
  request: {
    clientType: ClientType;
    start: DataCenter;
    /** A data center the settings fix; a callback from another is refused. */
    fixed?: DataCenter;
    params: Record<string, string>;
    verifier: string;
  },
): Promise<SignedIn> {
  const state = base64url(ctx.random(16));
  const redirectUri = await ctx.redirectUri();
  await pendingAuthItem.setValue({ state, verifier: request.verifier, redirectUri, startedAt: ctx.deps.now() });
  const authorize = new URL(`${request.start.accountsServer}/oauth/v2/auth`);
  authorize.search = new URLSearchParams({ ...request.params, redirect_uri: redirectUri, state }).toString();

  let redirect: string | undefined;
  try {
    redirect = await ctx.deps.identity.launchWebAuthFlow({ url: authorize.toString(), interactive: true });
  } catch (cause) {
    await pendingAuthItem.removeValue();
    // Zoho shows its refusals (unknown client, unregistered redirect URI) as a page the admin closes:
    // ask Zoho again, without the admin, what that page said.
    const diagnosed = await diagnoseAuthorize(ctx.deps.fetch, authorize, request.clientType, redirectUri);
    if (diagnosed) throw diagnosed;
    const text = cause instanceof Error ? cause.message : String(cause);
    if (/did not approve|closed|cancel/i.test(text)) {
      throw new ZohoError({ kind: 'cancelled', message: t('worker_auth_window_closed') }, { cause });
    }
    throw authError(t('worker_auth_incomplete', [text]), t('worker_auth_incomplete_action'));
  }
  const pending = await pendingAuthItem.getValue();
  await pendingAuthItem.removeValue();
  if (!redirect || !pending || pending.state !== state) throw authError(t('worker_auth_attempt_lost'));

  const callback = parseCallback(redirect, pending.redirectUri);
  if (callback.get('state') !== pending.state) {
    throw authError(t('worker_auth_state_mismatch'), t('worker_auth_connect_again'));
  }
  const error = callback.get('error');
  if (error) throw authorizeError(error, request.clientType);
  const dc = callbackDataCenter(callback, request.start);
  if (request.fixed && dc.location !== request.fixed.location) {
    throw authError(t('worker_auth_wrong_dc', [dc.label, request.fixed.label]), t('worker_auth_wrong_dc_action'));
  }
  return { callback, dc, redirectUri: pending.redirectUri, verifier: pending.verifier };
}
