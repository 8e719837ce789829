/**
 * Client-based (JavaScript) clients: Zoho's implicit flow. The token comes back in the fragment, with no refresh
 * token; it is renewed without a window through the admin's Zoho session (`/oauth/v2/auth/refresh`) while that
 * lasts.
 */
import { ZohoError } from '../../platform/errors';
import { t } from '../../platform/i18n';
import { type DataCenter, DEFAULT_DATA_CENTER, dataCenterByLocation } from '../../platform/zoho/datacenters';
import { base64url } from '../pkce';
import { DESK_SCOPES } from '../scopes';
import { type Connection, connectionItem } from '../stored';
import { callbackDataCenter, implicitToken, parseCallback } from './callback';
import type { FlowContext } from './context';
import type { ConnectSettings } from './settings';
import { signIn } from './sign-in';

/** How long a silent renewal through the Zoho session may take before it counts as "needs the admin". */
export const SESSION_RENEWAL_TIMEOUT_MS = 15_000;

/** A Client-based connection's Zoho session is over: nothing renews until the admin connects again. */
export const sessionEndedMessage = () => t('worker_auth_session_ended');

export async function connectImplicit(ctx: FlowContext, settings: ConnectSettings): Promise<Connection> {
  const fixed = settings.dataCenter === 'auto' ? undefined : dataCenterByLocation(settings.dataCenter);
  const existing = await connectionItem.getValue();
  const { callback, dc } = await signIn(ctx, {
    clientType: 'client',
    start: fixed ?? DEFAULT_DATA_CENTER,
    ...(fixed ? { fixed } : {}),
    verifier: '',
    params: { response_type: 'token', client_id: settings.clientId, scope: DESK_SCOPES.join(',') },
  });
  const issued = implicitToken(callback);
  await ctx.tokens.replaceRefreshToken(existing, undefined);
  return ctx.tokens.connected(
    {
      state: 'connected',
      location: dc.location as Connection['location'],
      clientType: 'client',
      clientId: settings.clientId,
      scopes: [...DESK_SCOPES],
      connectedAt: ctx.deps.now(),
    },
    issued,
  );
}

/** The connection can no longer renew by itself: the admin must connect again. */
export async function needsReconnect(ctx: FlowContext, connection: Connection, error: ZohoError): Promise<never> {
  await connectionItem.setValue({ ...connection, state: 'reconnect' });
  await ctx.tokens.forget();
  throw error;
}

/** A new token from the Zoho session, without a prompt, or `needsReconnect`. */
export async function renewFromSession(ctx: FlowContext, connection: Connection, dc: DataCenter): Promise<string> {
  const state = base64url(ctx.random(16));
  const redirectUri = await ctx.redirectUri();
  const url = new URL(`${dc.accountsServer}/oauth/v2/auth/refresh`);
  url.search = new URLSearchParams({
    response_type: 'token',
    client_id: connection.clientId,
    scope: DESK_SCOPES.join(','),
    redirect_uri: redirectUri,
    state,
  }).toString();
  const sessionEnded = (cause?: unknown) =>
    new ZohoError(
      {
        kind: 'reconnect',
        errorCode: 'client_not_granted',
        message: sessionEndedMessage(),
        action: t('worker_auth_session_ended_action'),
      },
      { cause },
    );
  let redirect: string | undefined;
  try {
    // Never a window: if Zoho wants the admin (signed out), this fails and the admin is asked instead.
    redirect = await ctx.deps.identity.launchWebAuthFlow({
      url: url.toString(),
      interactive: false,
      abortOnLoadForNonInteractive: true,
      timeoutMsForNonInteractive: SESSION_RENEWAL_TIMEOUT_MS,
    });
  } catch (cause) {
    return needsReconnect(ctx, connection, sessionEnded(cause));
  }
  if (!redirect) return needsReconnect(ctx, connection, sessionEnded());
  const callback = parseCallback(redirect, redirectUri);
  if (callback.get('state') !== state) return needsReconnect(ctx, connection, sessionEnded());
  const error = callback.get('error');
  if (error === 'prompt_required') {
    return needsReconnect(
      ctx,
      connection,
      new ZohoError({
        kind: 'reconnect',
        errorCode: error,
        message: t('worker_auth_approve_again'),
        action: t('worker_auth_approve_again_action'),
      }),
    );
  }
  if (error) return needsReconnect(ctx, connection, sessionEnded());
  if (callbackDataCenter(callback, dc).location !== dc.location) {
    return needsReconnect(
      ctx,
      connection,
      new ZohoError({
        kind: 'reconnect',
        message: t('worker_auth_renewed_elsewhere'),
        action: t('worker_action_reconnect'),
      }),
    );
  }
  return ctx.tokens.store(implicitToken(callback));
}
