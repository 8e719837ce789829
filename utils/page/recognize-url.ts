/**
 * Teaching the extension a Desk page it does not know: which numeric IDs its URL holds, and, once Zoho
 * has said what each one is, the URL pattern that finds every page of the same shape. Pure functions of
 * the URL's match target (path + #hash, see `matchTarget`).
 */

import { ZOHO_ID } from '../platform/ids';
import { compilePattern } from './url-pattern';

export type IdRole = 'user' | 'helpCenter' | 'contact';

/** More numbers than this in one URL is not a record page; ask Zoho about the first few only. */
export const MAX_IDS = 6;

const SEGMENT = /[/#]/;

/** The distinct numeric segments of the target, in order (at most MAX_IDS). */
export function idsInTarget(target: string): string[] {
  const ids = target.split(SEGMENT).filter((s) => ZOHO_ID.test(s));
  return [...new Set(ids)].slice(0, MAX_IDS);
}

const PLACEHOLDER: Record<IdRole, string> = { user: '{userId}', helpCenter: '{helpCenterId}', contact: '{contactId}' };

/**
 * The pattern for pages of this shape: known IDs become their placeholders, other numbers `{*}`, and the
 * agent app's portal and department segments `{portal}` / `{department}` so it holds across departments.
 * A user page wins over a contact page when the URL names both. Undefined when no ID was recognized.
 */
export function proposePattern(target: string, roles: ReadonlyMap<string, IdRole>): string | undefined {
  const kind: IdRole | undefined = [...roles.values()].includes('user')
    ? 'user'
    : [...roles.values()].includes('contact')
      ? 'contact'
      : undefined;
  if (!kind) return undefined;
  const [path = '', hash] = splitOnce(target, '#');
  const used = new Set<string>();
  const rewrite = (segment: string): string => {
    if (!ZOHO_ID.test(segment)) return segment;
    const role = roles.get(segment);
    const placeholder = role && (role === kind || role === 'helpCenter') ? PLACEHOLDER[role] : undefined;
    if (!placeholder || used.has(placeholder)) return '{*}';
    used.add(placeholder);
    return placeholder;
  };
  const raw = path.split('/');
  // ['', 'agent', portal, department, ...] and ['', 'support', portal, ...]
  const names: Record<number, string> =
    raw[1] === 'agent' && raw.length > 4
      ? { 2: '{portal}', 3: '{department}' }
      : raw[1] === 'support' && raw.length > 3
        ? { 2: '{portal}' }
        : {};
  let pattern = raw.map((segment, i) => names[i] ?? rewrite(segment)).join('/');
  if (hash !== undefined) pattern += `#${hash.split('/').map(rewrite).join('/')}`;
  const compiled = compilePattern(pattern);
  return compiled.ok && compiled.pattern.match(target) ? pattern : undefined;
}

function splitOnce(text: string, separator: string): [string, string | undefined] {
  const at = text.indexOf(separator);
  return at < 0 ? [text, undefined] : [text.slice(0, at), text.slice(at + 1)];
}
