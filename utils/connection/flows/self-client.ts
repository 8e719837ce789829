/**
 * Zoho's Self Client: no redirect URI at all. The admin generates a code in Zoho's API console for the scope string
 * the options page shows, and pastes it; the code is exchanged with the client secret at the token endpoint,
 * without PKCE. It works whatever the console accepts as a redirect URI. "Detect" tries each data center's accounts
 * server in turn (a code another data center refused is not spent there) and stops at the first that accepts; the
 * secret only ever goes to the data-center table's accounts servers.
 */
import { ZohoError } from '../../platform/errors';
import { selfClientCodeProblem } from '../../platform/zoho/client-id';
import { DATA_CENTERS, type DataCenter, dataCenterByLocation } from '../../platform/zoho/datacenters';
import type { TokenSuccess } from '../../platform/zoho/schemas';
import { DESK_SCOPE_STRING, missingScopes } from '../scopes';
import { type Connection, connectionItem } from '../stored';
import { authError, postToken, readTokenBody } from '../token-endpoint';
import { grantedScopes } from './code-flow';
import type { FlowContext } from './context';
import type { ConnectSettings } from './settings';

const NEW_CODE = `In Zoho's API console, open the Self Client, generate a new code for the scope string shown here, and paste it within its time.`;

export async function connectSelfClient(ctx: FlowContext, settings: ConnectSettings): Promise<Connection> {
  const { clientId, clientSecret } = settings;
  const code = settings.code?.trim() ?? '';
  if (!clientSecret) {
    throw authError(
      'A Self Client needs its client secret.',
      "Copy it from the Self Client's Client Secret tab in Zoho's API console.",
    );
  }
  const codeProblem = selfClientCodeProblem(code);
  if (codeProblem) throw authError(codeProblem, NEW_CODE);
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
        message: `Zoho (${dc.label}) rejected the client secret.`,
        action: "Copy the secret again from the Self Client's Client Secret tab in Zoho's API console.",
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
      throw authError('Zoho exchanged the code but sent no refresh token, so the connection could not last.', NEW_CODE);
    }
    throw new ZohoError({
      kind: 'auth',
      errorCode: 'missing_scopes',
      message: `The code was generated without ${missing.join(', ')}, which the extension needs.`,
      action: `Generate a new code with this scope string: ${DESK_SCOPE_STRING}`,
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
          message: `Zoho's ${fixed.label} data center does not know this Client ID.`,
          action:
            'Copy the Client ID again from the Self Client, or choose "Detect" or the data center where you created it.',
        })
      : new ZohoError({
          kind: 'auth',
          errorCode: refusals[0]?.error ?? 'invalid_code',
          message: `Zoho's ${fixed.label} data center did not accept the code. Codes last 3 to 10 minutes and work once: generate a new one.`,
          action: `${NEW_CODE} If it is fresh, it may come from another data center's console: choose "Detect" (or that data center) and paste it again.`,
        });
  }
  return new ZohoError({
    kind: 'auth',
    errorCode: codeRefused ? 'invalid_code' : 'invalid_client',
    message: `No Zoho data center accepted the code (${refusals.map((r) => r.dc.label).join(', ')} tried).`,
    action: codeRefused
      ? `Codes last 3 to 10 minutes and work once: generate a new one. ${NEW_CODE} If it is fresh, check the Client ID.`
      : 'Check the Client ID: copy it again from the Self Client in the API console of your data center.',
  });
}
