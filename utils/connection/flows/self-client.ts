/**
 * Zoho's Self Client: no redirect URI at all. The admin generates a code in Zoho's API console for the scope string
 * the options page shows, and pastes it; the code is exchanged with the client secret at the token endpoint,
 * without PKCE. It works whatever the console accepts as a redirect URI. "Detect" tries each data center's accounts
 * server in turn (a code another data center refused is not spent there) and stops at the first that accepts; the
 * secret only ever goes to the data-center table's accounts servers.
 */
import { ZohoError } from '../../platform/errors';
import { t } from '../../platform/i18n';
import { selfClientCodeProblem } from '../../platform/zoho/client-id';
import { DATA_CENTERS, type DataCenter, dataCenterByLocation } from '../../platform/zoho/datacenters';
import type { TokenSuccess } from '../../platform/zoho/schemas';
import { DESK_SCOPE_STRING, missingScopes } from '../scopes';
import { type Connection, connectionItem } from '../stored';
import { authError, postToken, readTokenBody } from '../token-endpoint';
import { grantedScopes } from './code-flow';
import type { FlowContext } from './context';
import type { ConnectSettings } from './settings';

export async function connectSelfClient(ctx: FlowContext, settings: ConnectSettings): Promise<Connection> {
  const { clientId, clientSecret } = settings;
  const code = settings.code?.trim() ?? '';
  if (!clientSecret) {
    throw authError(t('worker_auth_self_needs_secret'), t('worker_auth_self_needs_secret_action'));
  }
  const codeProblem = selfClientCodeProblem(code);
  if (codeProblem) throw authError(codeProblem, t('worker_auth_self_new_code'));
  const fixed = settings.dataCenter === 'auto' ? undefined : dataCenterByLocation(settings.dataCenter);
  const refusals: { dc: DataCenter; error: string }[] = [];
  for (const dc of fixed ? [fixed] : DATA_CENTERS) {
    let res: Response;
    try {
      res = await postToken(ctx.deps.fetch, dc, {
        grant_type: 'authorization_code',
        client_id: clientId,
        client_secret: clientSecret,
        code,
      });
    } catch (error) {
      // One accounts server out of reach: the code may belong to another.
      if (error instanceof ZohoError && error.kind === 'network' && !fixed) {
        refusals.push({ dc, error: 'network' });
        continue;
      }
      throw error;
    }
    const reply = await readTokenBody(res);
    if (reply.ok) return connected(ctx, dc, clientId, reply.token);
    if (reply.error === 'invalid_client_secret') {
      // This data center knows the client: the secret is what is wrong.
      throw new ZohoError({
        kind: 'auth',
        status: res.status,
        errorCode: reply.error,
        message: t('worker_auth_self_secret_rejected', [dc.label]),
        action: t('worker_auth_self_secret_rejected_action'),
      });
    }
    refusals.push({ dc, error: reply.error });
  }
  throw notAccepted(refusals, fixed);
}

async function connected(ctx: FlowContext, dc: DataCenter, clientId: string, reply: TokenSuccess) {
  const scopes = grantedScopes(reply.scope);
  const missing = missingScopes(scopes);
  if (missing.length || !reply.refresh_token) {
    // A connection that cannot do the work, or cannot last, is not kept: what Zoho issued is revoked at once.
    await ctx.tokens.revoke(dc, reply.refresh_token ?? reply.access_token);
    if (!reply.refresh_token) {
      throw authError(t('worker_auth_self_no_refresh_token'), t('worker_auth_self_new_code'));
    }
    throw new ZohoError({
      kind: 'auth',
      errorCode: 'missing_scopes',
      message: t('worker_auth_self_missing_scopes', [missing.join(', ')]),
      action: t('worker_auth_self_generate_with', [DESK_SCOPE_STRING]),
    });
  }
  const existing = await connectionItem.getValue();
  await ctx.tokens.replaceRefreshToken(existing, reply.refresh_token);
  return ctx.tokens.connected(
    {
      state: 'connected',
      location: dc.location as Connection['location'],
      clientType: 'self',
      clientId,
      scopes,
      connectedAt: ctx.deps.now(),
    },
    { token: reply.access_token, expiresInSeconds: reply.expires_in },
  );
}

/** Why no data center took the code, and what to do. */
function notAccepted(refusals: { dc: DataCenter; error: string }[], fixed: DataCenter | undefined): ZohoError {
  const codeRefused = refusals.some((r) => r.error === 'invalid_code');
  if (fixed) {
    return refusals[0]?.error === 'invalid_client'
      ? new ZohoError({
          kind: 'auth',
          errorCode: 'invalid_client',
          message: t('worker_auth_self_dc_unknown_client', [fixed.label]),
          action: t('worker_auth_self_dc_unknown_client_action'),
        })
      : new ZohoError({
          kind: 'auth',
          errorCode: refusals[0]?.error ?? 'invalid_code',
          message: t('worker_auth_self_dc_code_refused', [fixed.label]),
          action: t('worker_auth_self_dc_code_refused_action'),
        });
  }
  return new ZohoError({
    kind: 'auth',
    errorCode: codeRefused ? 'invalid_code' : 'invalid_client',
    message: t('worker_auth_self_no_dc_accepted', [refusals.map((r) => r.dc.label).join(', ')]),
    action: codeRefused ? t('worker_auth_self_code_refused_action') : t('worker_auth_self_client_refused_action'),
  });
}
