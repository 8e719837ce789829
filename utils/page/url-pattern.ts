/**
 * The URL pattern language for Desk pages, shared by the built-in shapes and the ones an admin adds
 * in the options page. A pattern is a path with an optional #hash part, with placeholders for one
 * segment each: `/agent/{portal}/{department}/setup#setup/channels/helpcenter/{helpCenterId}/users/{userId}`.
 * Admin text never becomes a RegExp unescaped.
 */
import { formatList, t } from '../platform/i18n';
import { ZOHO_ID_GROUP } from '../platform/ids';
import { PAGE_KIND_CATALOG, type PageKindName, pageKindNames, type TargetPlaceholder } from './kind-catalog';

/** The placeholders that name a page's target, each with the kind of page it leads to. */
const TARGETS = new Map<string, PageKindName>(
  pageKindNames.flatMap((kind) => PAGE_KIND_CATALOG[kind].targets.map((name) => [name, kind] as const)),
);
const ID_PLACEHOLDERS: readonly string[] = ['helpCenterId', ...TARGETS.keys()];
const NAME_PLACEHOLDERS = ['portal', 'department'] as const;
/** Every named placeholder, as the options page lists them; `{*}` matches any one segment besides. */
export const PLACEHOLDERS: readonly string[] = [...NAME_PLACEHOLDERS, ...ID_PLACEHOLDERS];

export type PlaceholderName = 'helpCenterId' | TargetPlaceholder | (typeof NAME_PLACEHOLDERS)[number];
export type PatternCaptures = Partial<Record<PlaceholderName, string>>;

export interface CompiledPattern {
  source: string;
  /** What the pattern leads to: the kind of page whose target placeholder it names (./kind-catalog.ts). */
  kind: PageKindName;
  match(target: string): PatternCaptures | null;
}

export type CompileResult = { ok: true; pattern: CompiledPattern } | { ok: false; error: string };

const MAX_LENGTH = 500;
const isIdName = (name: string): boolean => ID_PLACEHOLDERS.includes(name);
const isKnownName = (name: string): name is PlaceholderName =>
  isIdName(name) || (NAME_PLACEHOLDERS as readonly string[]).includes(name);
const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Why a pattern is refused, as a code plus the offending text. The sentences live in PROBLEM_TEXT,
 * which only the pages where patterns are typed bundle; the content script only needs valid or not.
 */
type Problem =
  | 'empty'
  | 'too-long'
  | 'not-a-path'
  | 'space'
  | 'query'
  | 'hashes'
  | 'stray'
  | 'unknown'
  | 'twice'
  | 'no-target'
  | 'both';

type ParseResult = { ok: true; pattern: CompiledPattern } | { ok: false; problem: Problem; detail?: string };

const braced = (name: string) => `{${name}}`;
const PROBLEM_TEXT: Record<Problem, (detail: string) => string> = {
  empty: () => t('options_pattern_empty'),
  'too-long': () => t('options_pattern_too_long', [MAX_LENGTH]),
  'not-a-path': () => t('options_pattern_not_a_path'),
  space: () => t('options_pattern_space'),
  query: () => t('options_pattern_query'),
  hashes: () => t('options_pattern_hashes'),
  stray: (brace) => t('options_pattern_stray', [brace]),
  unknown: (name) =>
    t('options_pattern_unknown', [name, formatList([...PLACEHOLDERS.map(braced), '{*}'], 'disjunction')]),
  twice: (name) => t('options_pattern_twice', [name]),
  'no-target': () => {
    const [first, ...others] = [...TARGETS.keys()].map(braced);
    return t('options_pattern_no_target', [first!, formatList(others, 'disjunction')]);
  },
  both: () =>
    t('options_pattern_both', [
      formatList(
        pageKindNames.map((kind) => t(PAGE_KIND_CATALOG[kind].label)),
        'disjunction',
      ),
    ]),
};

export function compilePattern(text: string): CompileResult {
  const result = parsePattern(text);
  return result.ok ? result : { ok: false, error: PROBLEM_TEXT[result.problem](result.detail ?? '') };
}

function parsePattern(text: string): ParseResult {
  const refuse = (problem: Problem, detail?: string): ParseResult => ({ ok: false, problem, detail });
  const source = text.trim();
  if (!source) return refuse('empty');
  if (source.length > MAX_LENGTH) return refuse('too-long');
  if (!source.startsWith('/')) return refuse('not-a-path');
  if (/\s/.test(source)) return refuse('space');
  if (source.includes('?')) return refuse('query');
  if ((source.match(/#/g) ?? []).length > 1) return refuse('hashes');

  const names: PlaceholderName[] = [];
  let regex = '^';
  const tokenizer = /\{([^{}]*)\}|([^{}]+)|([{}])/g;
  for (const [, placeholder, literal, stray] of source.matchAll(tokenizer)) {
    if (stray) return refuse('stray', stray);
    if (literal !== undefined) {
      regex += escapeRegExp(literal);
      continue;
    }
    const name = placeholder ?? '';
    if (name === '*') {
      regex += '[^/#]+';
      continue;
    }
    if (!isKnownName(name)) return refuse('unknown', name);
    if (names.includes(name)) return refuse('twice', name);
    names.push(name);
    regex += isIdName(name) ? ZOHO_ID_GROUP : '([^/#]+)';
  }
  const kinds = new Set(names.flatMap((n) => TARGETS.get(n) ?? []));
  const [kind] = kinds;
  if (!kind) return refuse('no-target');
  if (kinds.size > 1) return refuse('both', [...kinds].join(','));
  const compiled = new RegExp(`${regex.replace(/\/$/, '')}/?$`);
  return {
    ok: true,
    pattern: {
      source,
      kind,
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
  const result = parsePattern(source);
  if (!result.ok) throw new Error(`Built-in pattern ${source}: ${result.problem}`);
  return result.pattern;
}

/** Compiles admin patterns, dropping invalid ones (they are refused when saved). */
export function compileCustom(sources: readonly string[]): CompiledPattern[] {
  return sources.flatMap((source) => {
    const result = parsePattern(source);
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
