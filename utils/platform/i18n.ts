/**
 * The extension's words: `browser.i18n` over `public/_locales/<lang>/messages.json`, typed from the English file.
 * Small and free of zod and Preact, because the content script uses it too. The browser picks the messages
 * (its UI language, else English); plurals and lists follow the language of those messages, numbers and dates the
 * browser's own locale.
 */
import { browser } from 'wxt/browser';
import type english from '../../public/_locales/en/messages.json';

type Messages = typeof english;
export type MessageKey = keyof Messages;

/** A number is formatted in the browser's locale before it is put in. */
export type Substitution = string | number;

type KeyWithPlaceholders = {
  [K in MessageKey]: Messages[K] extends { placeholders: object } ? K : never;
}[MessageKey];

/** Substitutions are required where the message has placeholders, and refused where it has none. */
export type SubstitutionsOf<K extends MessageKey> = K extends KeyWithPlaceholders
  ? [substitutions: readonly Substitution[]]
  : [];

/** `foo` where `foo_other` is a key (with `foo_one` and the rest in the locales that need them). */
export type PluralKey = { [K in MessageKey]: K extends `${infer Base}_other` ? Base : never }[MessageKey];

// Any key: the plural forms English does without (Arabic's `_few`…) are in no type.
const getMessage = (key: string, substitutions?: string[]): string =>
  (browser.i18n.getMessage as (key: string, substitutions?: string[]) => string)(key, substitutions);

function message(key: string, substitutions: readonly Substitution[] = []): string {
  return getMessage(
    key,
    substitutions.map((value) => (typeof value === 'number' ? formatNumber(value) : value)),
  );
}

/** The message `key` in the browser's language, with `$1`… filled from `substitutions`. */
export function t<K extends MessageKey>(key: K, ...rest: SubstitutionsOf<K>): string {
  const [substitutions] = rest as unknown as [readonly Substitution[] | undefined];
  return message(key, substitutions);
}

const MARK = '\u{E000}';

/**
 * The message `key` with `parts` (say, a `<code>` element) where its `$1`… go: the text between them as strings,
 * so a page can put markup inside a translated sentence.
 */
export function tParts<T>(key: KeyWithPlaceholders, parts: readonly T[]): (string | T)[] {
  const marked = message(
    key,
    parts.map((_, index) => `${MARK}${index}${MARK}`),
  );
  return marked
    .split(new RegExp(`${MARK}(\\d)${MARK}`))
    .map((piece, index) => (index % 2 ? parts[Number(piece)]! : piece))
    .filter((piece) => piece !== '');
}

/**
 * The plural form of `key` for `count` in the messages' language, by `Intl.PluralRules`: `key_one`, `key_other`,
 * and in Arabic also `key_zero`, `key_two`, `key_few`, `key_many` (Japanese has `key_other` only). `$1` is the
 * count unless `substitutions` are given.
 */
export function plural(key: PluralKey, count: number, substitutions: readonly Substitution[] = [count]): string {
  const form = pluralRules().select(count);
  return message(`${key}_${form}`, substitutions) || message(`${key}_other`, substitutions);
}

/** The language of the messages the browser picked (`locale` in each messages.json), e.g. `de`. */
export function messagesLocale(): string {
  return getMessage('locale') || 'en';
}

/** The browser's UI locale, e.g. `de-AT`: numbers and dates follow it. */
export function uiLocale(): string {
  return browser.i18n.getUILanguage() || messagesLocale();
}

const RIGHT_TO_LEFT = new Set(['ar', 'fa', 'he', 'ur']);

/** The writing direction of the messages' language. */
export function dir(): 'ltr' | 'rtl' {
  return RIGHT_TO_LEFT.has(messagesLocale().split(/[-_]/)[0]!) ? 'rtl' : 'ltr';
}

/** Intl's formatters cost far more to make than to use: one per kind, locale and options, kept for the page's life. */
const formatters = new Map<string, unknown>();
function formatter<F>(kind: string, locale: string, options: object, make: () => F): F {
  const key = `${kind} ${locale} ${JSON.stringify(options)}`;
  if (!formatters.has(key)) formatters.set(key, make());
  return formatters.get(key) as F;
}

export function formatNumber(value: number, options: Intl.NumberFormatOptions = {}): string {
  return formatNumberIn(uiLocale(), value, options);
}

/** A date and time, by default as "Dec 6, 2026, 2:05 PM" would read in the browser's locale. */
export function formatDate(
  date: Date | number,
  options: Intl.DateTimeFormatOptions = { dateStyle: 'medium', timeStyle: 'short' },
): string {
  const locale = uiLocale();
  return formatter('date', locale, options, () => new Intl.DateTimeFormat(locale, options)).format(date);
}

/** "3 hours" in the messages' language: the unit's word agrees with the number (Arabic has six forms), as a bare
 * placeholder in a message cannot. */
export function formatHours(hours: number): string {
  return formatNumberIn(messagesLocale(), hours, { style: 'unit', unit: 'hour', unitDisplay: 'long' });
}

function formatNumberIn(locale: string, value: number, options: Intl.NumberFormatOptions): string {
  return formatter('number', locale, options, () => new Intl.NumberFormat(locale, options)).format(value);
}

/**
 * "a, b and c" (or "a, b or c") in the messages' language, so the joining word matches the sentence around it;
 * `narrow` where the items are counts ("2 removed, 1 failed").
 */
export function formatList(
  items: readonly string[],
  type: 'conjunction' | 'disjunction' = 'conjunction',
  style: 'long' | 'narrow' = 'long',
): string {
  const locale = messagesLocale();
  const options = { type, style };
  return formatter('list', locale, options, () => new Intl.ListFormat(locale, options)).format(items);
}

function pluralRules(): Intl.PluralRules {
  const locale = messagesLocale();
  return formatter('plural', locale, {}, () => new Intl.PluralRules(locale));
}

/** An extension page's `<html>` in the messages' language and direction, and its title. */
export function localizeDocument(doc: Document, titleKey?: MessageKey): void {
  doc.documentElement.lang = messagesLocale();
  doc.documentElement.dir = dir();
  if (titleKey) doc.title = message(titleKey);
}
