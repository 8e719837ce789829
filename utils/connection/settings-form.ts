/**
 * The options page's settings forms, as plain rules: what blocks connecting or saving, what each
 * field says, and the exact `saveSettings` input of the connection's fields. The pages only render and wire these.
 */
import type { SerializedError } from '../platform/errors';
import { t } from '../platform/i18n';
import { clientIdProblem, selfClientCodeProblem } from '../platform/zoho/client-id';
import { CLIENT_TYPE_INFO, type ClientType } from '../platform/zoho/client-types';
import type { OrganizationView } from './organizations';
import type { FirefoxRedirect } from './redirect-uri';
import type { ConnectionSettingsInput } from './requests';

export interface ConnectFields {
  clientType: ClientType;
  clientId: string;
  /** As typed; empty keeps the saved one. */
  secret: string;
  dataCenter: string;
  /** A Self Client's code, as pasted; the other types have none. */
  code?: string;
  /** In Firefox: the redirect URI the admin registered. */
  firefoxRedirect?: FirefoxRedirect;
}

/** Each field's problem (null when fine), what to save and what to connect with when there is none. */
export interface ConnectPlan {
  idProblem: string | null;
  secretProblem: string | null;
  codeProblem: string | null;
  input: ConnectionSettingsInput | null;
  /** The `connect` request's input: a Self Client's code goes with it, used once and never saved. */
  connect: { code?: string };
}

/** `hasClientSecret`: one is saved already, so a client type that needs one can do without typing it again. */
export function planConnect(fields: ConnectFields, hasClientSecret: boolean): ConnectPlan {
  const info = CLIENT_TYPE_INFO[fields.clientType];
  const idProblem = clientIdProblem(fields.clientId);
  const secretProblem =
    info.secret === 'required' && !fields.secret.trim() && !hasClientSecret
      ? t('options_secret_problem', [t(`options_client_type_${fields.clientType}`)])
      : null;
  const code = fields.code?.trim() ?? '';
  const codeProblem = info.redirect ? null : selfClientCodeProblem(code);
  const connect = info.redirect ? {} : { code };
  if (idProblem || secretProblem || codeProblem) return { idProblem, secretProblem, codeProblem, input: null, connect };
  return {
    idProblem,
    secretProblem,
    codeProblem,
    input: {
      clientType: fields.clientType,
      clientId: fields.clientId,
      dataCenter: fields.dataCenter,
      // An empty field leaves the saved secret alone.
      ...(fields.secret.trim() ? { clientSecret: fields.secret } : {}),
      ...(fields.firefoxRedirect ? { firefoxRedirect: fields.firefoxRedirect } : {}),
    },
    connect,
  };
}

/**
 * Whether a Reconnect may start at once: only a type whose consent window does the work. A Self Client waits for a
 * new code.
 */
export const reconnectsAtOnce = (clientType: ClientType): boolean => CLIENT_TYPE_INFO[clientType].redirect;

/** What "Detect" does, said for the client type: at sign-in, or by trying each data center with the code. */
export const detectLabel = (clientType: ClientType): string =>
  t(CLIENT_TYPE_INFO[clientType].redirect ? 'options_detect_at_sign_in' : 'options_detect_each_data_center');

/**
 * A Self Client, step by step in Zoho's API console, in the console's own words
 * (zoho.com/accounts/protocol/oauth/self-client/authorization-code-flow.html).
 */
export const selfClientSteps = (): string[] =>
  ([1, 2, 3, 4, 5, 6, 7] as const).map((step) => t(`options_self_client_step_${step}`));

export interface SecretFieldText {
  label: string;
  placeholder: string;
  /** Warn that an extension cannot keep a secret, rather than hint that none is needed. */
  warn: boolean;
}

/** What the client secret field says, or null when the client type takes no secret. */
export function secretFieldText(
  clientType: ClientType,
  typed: string,
  hasClientSecret: boolean,
): SecretFieldText | null {
  const { secret } = CLIENT_TYPE_INFO[clientType];
  if (secret === 'none') return null;
  return {
    label: t(secret === 'required' ? 'options_client_secret' : 'options_client_secret_optional'),
    placeholder: t(
      hasClientSecret
        ? 'options_secret_placeholder_saved'
        : secret === 'required'
          ? 'options_secret_placeholder_required'
          : 'options_secret_placeholder_optional',
    ),
    warn: !!typed.trim() || hasClientSecret || secret === 'required',
  };
}

/** The origin a Client-based (JavaScript) client registers: the redirect URI's. */
export const javascriptDomain = (redirectUri: string): string => new URL(redirectUri).origin;

/** The client type a failed connect points to, when it is not the one chosen already. */
export function suggestedClientType(error: SerializedError | null, current: ClientType): ClientType | null {
  return error?.suggestClientType && error.suggestClientType !== current ? error.suggestClientType : null;
}

/** The organization to preselect when none is chosen yet: the account's default, else the first. */
export function firstOrgChoice(orgs: readonly OrganizationView[]): string {
  return orgs.find((o) => o.isDefault)?.id ?? orgs[0]?.id ?? '';
}
