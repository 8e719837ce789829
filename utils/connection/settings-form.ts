/**
 * The options page's settings forms, as plain rules: what blocks connecting or saving, what each
 * field says, and the exact `saveSettings` input. The pages only render and wire these.
 */
import type * as z from 'zod/mini';
import { anchorSelectorProblem } from '../page/anchor';
import { patternLineProblems, patternLines } from '../page/pattern-list';
import type { SerializedError } from '../platform/errors';
import { t } from '../platform/i18n';
import { clientIdProblem, selfClientCodeProblem } from '../platform/zoho/client-id';
import { CLIENT_TYPE_INFO, type ClientType } from '../platform/zoho/client-types';
import type { RouteSetting } from '../platform/zoho/removal-routes';
import type { OrganizationView } from './organizations';
import type { FirefoxRedirect } from './redirect-uri';
import type { connectionRequests } from './requests';
import { BULK_CONCURRENCY } from './stored';

export type SettingsInput = z.infer<typeof connectionRequests.saveSettings.input>;

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
  input: SettingsInput | null;
  /** The `connect` request's input: a Self Client's code goes with it, used once and never saved. */
  connect: { code?: string };
}

/** `hasClientSecret`: one is saved already, so a client type that needs one can do without typing it again. */
export function planConnect(fields: ConnectFields, hasClientSecret: boolean): ConnectPlan {
  const info = CLIENT_TYPE_INFO[fields.clientType];
  const idProblem = clientIdProblem(fields.clientId);
  const secretProblem =
    info.secret === 'required' && !fields.secret.trim() && !hasClientSecret
      ? t('worker_settings_secret_needed', [info.label])
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
  t(CLIENT_TYPE_INFO[clientType].redirect ? 'worker_settings_dc_detect_sign_in' : 'worker_settings_dc_detect_each');

/**
 * A Self Client, step by step in Zoho's API console, in the console's own words
 * (zoho.com/accounts/protocol/oauth/self-client/authorization-code-flow.html).
 */
export const selfClientSteps = (): string[] =>
  (
    [
      'worker_self_client_step_1',
      'worker_self_client_step_2',
      'worker_self_client_step_3',
      'worker_self_client_step_4',
      'worker_self_client_step_5',
      'worker_self_client_step_6',
      'worker_self_client_step_7',
    ] as const
  ).map((key) => t(key));

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
    label: t(secret === 'required' ? 'worker_settings_secret_label' : 'worker_settings_secret_label_optional'),
    placeholder: t(
      hasClientSecret
        ? 'worker_settings_secret_saved'
        : secret === 'required'
          ? 'worker_settings_secret_from_console'
          : 'worker_settings_secret_if_needed',
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

export interface AdvancedFields {
  route: RouteSetting;
  /** As typed in the number field. */
  concurrency: string;
  /** The pattern editor's text, one pattern a line. */
  patterns: string;
  anchorSelector: string;
  /** The panel in a window of its own where the browser cannot tell whether a page covers it. */
  panelWindowWhereUnchecked: boolean;
}

export interface AdvancedPlan {
  /** Every problem at once, patterns first; empty when the input can be saved. */
  problems: string[];
  input: SettingsInput | null;
}

/** `parseSelector` throws on a selector the browser cannot parse (the page passes its DOM's). */
export function planAdvancedSave(fields: AdvancedFields, parseSelector: (selector: string) => void): AdvancedPlan {
  const lines = patternLines(fields.patterns);
  const problems = patternLineProblems(lines);
  const selectorProblem = anchorSelectorProblem(fields.anchorSelector, parseSelector);
  if (selectorProblem) problems.push(t('worker_settings_anchor_problem', [selectorProblem]));
  const bulkConcurrency = Number(fields.concurrency);
  if (
    !Number.isInteger(bulkConcurrency) ||
    bulkConcurrency < BULK_CONCURRENCY.min ||
    bulkConcurrency > BULK_CONCURRENCY.max
  ) {
    problems.push(t('worker_settings_concurrency', [BULK_CONCURRENCY.min, BULK_CONCURRENCY.max]));
  }
  if (problems.length) return { problems, input: null };
  return {
    problems,
    input: {
      removalRoute: fields.route,
      customPagePatterns: lines,
      bulkConcurrency,
      anchorSelector: fields.anchorSelector.trim(),
      panelWindowWhereUnchecked: fields.panelWindowWhereUnchecked,
    },
  };
}
