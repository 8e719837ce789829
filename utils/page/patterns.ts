/**
 * The URL pattern language for Desk pages, shared by the built-in shapes and the ones an admin adds
 * in the options page. A pattern is a path with an optional #hash part, with placeholders for one
 * segment each: `/agent/{portal}/{department}/setup#setup/channels/helpcenter/{helpCenterId}/users/{userId}`.
 * Admin text never becomes a RegExp unescaped.
 */

const ID_PLACEHOLDERS = ['helpCenterId', 'userId', 'portalUserId', 'contactId'] as const;
const NAME_PLACEHOLDERS = ['portal', 'department'] as const;
const TARGETS = ['userId', 'portalUserId', 'contactId'] as const;

export type PlaceholderName = (typeof ID_PLACEHOLDERS)[number] | (typeof NAME_PLACEHOLDERS)[number];
export type PatternCaptures = Partial<Record<PlaceholderName, string>>;

export interface CompiledPattern {
  source: string;
  /** What the pattern leads to: a contact page when it names {contactId}, else a Help Center user page. */
  kind: 'helpcenter-user' | 'contact';
  match(target: string): PatternCaptures | null;
}

export type CompileResult = { ok: true; pattern: CompiledPattern } | { ok: false; error: string };

const MAX_LENGTH = 500;
const isIdName = (name: string): boolean => (ID_PLACEHOLDERS as readonly string[]).includes(name);
const isKnownName = (name: string): name is PlaceholderName =>
  isIdName(name) || (NAME_PLACEHOLDERS as readonly string[]).includes(name);
const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export function compilePattern(text: string): CompileResult {
  const source = text.trim();
  if (!source) return { ok: false, error: 'The pattern is empty.' };
  if (source.length > MAX_LENGTH) return { ok: false, error: `Keep patterns under ${MAX_LENGTH} characters.` };
  if (!source.startsWith('/')) {
    return { ok: false, error: 'Start with the path after the host, e.g. /agent/{portal}/… (no https:// or host).' };
  }
  if (/\s/.test(source)) return { ok: false, error: 'Patterns cannot contain spaces.' };
  if (source.includes('?')) return { ok: false, error: 'Leave out the query string (the part after "?").' };
  if ((source.match(/#/g) ?? []).length > 1) return { ok: false, error: 'Use at most one "#".' };

  const names: PlaceholderName[] = [];
  let regex = '^';
  const tokenizer = /\{([^{}]*)\}|([^{}]+)|([{}])/g;
  for (const [, placeholder, literal, stray] of source.matchAll(tokenizer)) {
    if (stray) return { ok: false, error: `A "${stray}" is not closed or opened; placeholders look like {userId}.` };
    if (literal !== undefined) {
      regex += escapeRegExp(literal);
      continue;
    }
    const name = placeholder ?? '';
    if (name === '*') {
      regex += '[^/#]+';
      continue;
    }
    if (!isKnownName(name)) {
      return {
        ok: false,
        error: `Unknown placeholder {${name}}. Use {portal}, {department}, {helpCenterId}, {userId}, {portalUserId}, {contactId} or {*}.`,
      };
    }
    if (names.includes(name)) return { ok: false, error: `{${name}} appears twice.` };
    names.push(name);
    regex += isIdName(name) ? '(\\d{1,30})' : '([^/#]+)';
  }
  if (!names.some((n) => (TARGETS as readonly string[]).includes(n))) {
    return { ok: false, error: 'Include {userId} (or {portalUserId} or {contactId}) so the page can be identified.' };
  }
  if (names.includes('contactId') && (names.includes('userId') || names.includes('portalUserId'))) {
    return { ok: false, error: 'A pattern is for a user page or a contact page, not both.' };
  }
  const compiled = new RegExp(`${regex.replace(/\/$/, '')}/?$`);
  return {
    ok: true,
    pattern: {
      source,
      kind: names.includes('contactId') ? 'contact' : 'helpcenter-user',
      match(target) {
        const m = compiled.exec(target);
        if (!m) return null;
        const captures: PatternCaptures = {};
        names.forEach((name, i) => {
          captures[name] = m[i + 1];
        });
        return captures;
      },
    },
  };
}

/** Compiles patterns known to be valid (built-ins); a broken one is a programming error. */
export function compileBuiltIn(source: string): CompiledPattern {
  const result = compilePattern(source);
  if (!result.ok) throw new Error(`Built-in pattern ${source}: ${result.error}`);
  return result.pattern;
}

/** Compiles admin patterns, dropping invalid ones (they are refused when saved). */
export function compileCustom(sources: readonly string[]): CompiledPattern[] {
  return sources.flatMap((source) => {
    const result = compilePattern(source);
    return result.ok ? [result.pattern] : [];
  });
}

/**
 * What patterns are matched against: the decoded path plus `#hash`, without any query in either.
 * Only https pages on a Desk host ever match, so `null` for anything else.
 */
export function matchTarget(url: string, isDeskOrigin: (origin: string) => boolean): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'https:' || !isDeskOrigin(parsed.origin)) return null;
  let path: string;
  try {
    path = decodeURIComponent(parsed.pathname);
  } catch {
    return null;
  }
  const hash = parsed.hash.split('?')[0] ?? '';
  return path + (hash.length > 1 ? hash : '');
}
