/**
 * The options page's settings forms, as plain rules: what blocks connecting or saving, what each
 * field says, and the exact `saveSettings` input. The pages only render and wire these.
 */
import type * as z from 'zod/mini';
import { anchorSelectorProblem } from '../page/anchor';
import { patternLineProblems, patternLines } from '../page/pattern-list';
import type { SerializedError } from '../platform/errors';
import { CLIENT_TYPE_INFO, type ClientType } from '../platform/zoho/client-types';
import type { RouteSetting } from '../platform/zoho/removal-routes';
import { clientIdProblem } from './client-id';
import type { OrganizationView } from './organizations';
import type { connectionRequests } from './requests';
import { BULK_CONCURRENCY } from './stored';

export type SettingsInput = z.infer<typeof connectionRequests.saveSettings.input>;

export interface ConnectFields {
  clientType: ClientType;
  clientId: string;
  /** As typed; empty keeps the saved one. */
  secret: string;
  dataCenter: string;
}

/** Each field's problem (null when fine), and what to save when there is none. */
export interface ConnectPlan {
  idProblem: string | null;
  secretProblem: string | null;
  input: SettingsInput | null;
}

/** `hasClientSecret`: one is saved already, so a client type that needs one can do without typing it again. */
export function planConnect(fields: ConnectFields, hasClientSecret: boolean): ConnectPlan {
  const info = CLIENT_TYPE_INFO[fields.clientType];
  const idProblem = clientIdProblem(fields.clientId);
  const secretProblem =
    info.secret === 'required' && !fields.secret.trim() && !hasClientSecret
      ? `A ${info.label} client needs its client secret.`
      : null;
  if (idProblem || secretProblem) return { idProblem, secretProblem, input: null };
  return {
    idProblem,
    secretProblem,
    input: {
      clientType: fields.clientType,
      clientId: fields.clientId,
      dataCenter: fields.dataCenter,
      // An empty field leaves the saved secret alone.
      ...(fields.secret.trim() ? { clientSecret: fields.secret } : {}),
    },
  };
}

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
    label: secret === 'required' ? 'Client secret' : 'Client secret (optional)',
    placeholder: hasClientSecret
      ? 'Saved (hidden); type to replace'
      : secret === 'required'
        ? "From Zoho's API console"
        : 'Only if your client needs one',
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
  if (selectorProblem) problems.push(`Anchor: ${selectorProblem}`);
  const bulkConcurrency = Number(fields.concurrency);
  if (
    !Number.isInteger(bulkConcurrency) ||
    bulkConcurrency < BULK_CONCURRENCY.min ||
    bulkConcurrency > BULK_CONCURRENCY.max
  ) {
    problems.push(`Calls at once: a whole number from ${BULK_CONCURRENCY.min} to ${BULK_CONCURRENCY.max}.`);
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
