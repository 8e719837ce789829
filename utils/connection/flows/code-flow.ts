/**
 * Mobile-based and Server-based clients: the authorization code with PKCE (S256) through Zoho's consent, exchanged
 * (with the secret, for Server-based) for an access token and a refresh token that lasts.
 */

import { t } from '../../platform/i18n';
import { DEFAULT_DATA_CENTER, dataCenterByLocation } from '../../platform/zoho/datacenters';
import { createPkce } from '../pkce';
import { DESK_SCOPES } from '../scopes';
import { type Connection, connectionItem } from '../stored';
import { authError, postToken, readTokenReply } from '../token-endpoint';
import type { FlowContext } from './context';
import type { ConnectSettings } from './settings';
import { signIn } from './sign-in';

export async function connectWithCode(
  ctx: FlowContext,
  settings: ConnectSettings & { clientType: 'mobile' | 'server' },
): Promise<Connection> {
  const { clientType, clientId, clientSecret } = settings;
  if (clientType === 'server' && !clientSecret) {
    throw authError(t('worker_auth_server_needs_secret'), t('worker_auth_server_needs_secret_action'));
  }
  const fixed = settings.dataCenter === 'auto' ? undefined : dataCenterByLocation(settings.dataCenter);
  const existing = await connectionItem.getValue();
  const pkce = await createPkce(ctx.random);
  const { callback, dc, redirectUri, verifier } = await signIn(ctx, {
    clientType,
    start: fixed ?? DEFAULT_DATA_CENTER,
    ...(fixed ? { fixed } : {}),
    verifier: pkce.verifier,
    params: {
      client_id: clientId,
      response_type: 'code',
      scope: DESK_SCOPES.join(','),
      access_type: 'offline',
      code_challenge: pkce.challenge,
      code_challenge_method: pkce.method,
      // Zoho issues a refresh token only on the first grant, or when consent is asked again.
      ...(existing?.state === 'connected' && existing.clientType !== 'client' ? {} : { prompt: 'consent' }),
    },
  });
  const code = callback.get('code');
  if (!code) throw authError(t('worker_auth_no_code'));
  const res = await postToken(ctx.deps.fetch, dc, {
    grant_type: 'authorization_code',
    client_id: clientId,
    code,
    redirect_uri: redirectUri,
    code_verifier: verifier,
    ...(clientSecret ? { client_secret: clientSecret } : {}),
  });
  const reply = await readTokenReply(res, 'exchange', clientType, Boolean(clientSecret));
  if (!reply.refresh_token) {
    throw authError(t('worker_auth_no_refresh_token'), t('worker_auth_no_refresh_token_action'));
  }
  await ctx.tokens.replaceRefreshToken(existing, reply.refresh_token);
  return ctx.tokens.connected(
    {
      state: 'connected',
      location: dc.location as Connection['location'],
      clientType,
      clientId,
      scopes: grantedScopes(reply.scope),
      connectedAt: ctx.deps.now(),
    },
    { token: reply.access_token, expiresInSeconds: reply.expires_in },
  );
}

/** The scopes Zoho says it granted (space- or comma-separated), else the ones asked for. */
export function grantedScopes(scope: string | undefined): string[] {
  return scope ? scope.split(/[ ,]+/).filter(Boolean) : [...DESK_SCOPES];
}
