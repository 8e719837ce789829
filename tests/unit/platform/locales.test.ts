// @vitest-environment happy-dom
/**
 * The six locales say the same things: every English key in each, with the same placeholders, the plural forms
 * each language's `Intl.PluralRules` asks for, and the words the stores limit within their limits.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { LOCALES, type MessageEntry, readMessages, speak } from '../../../scripts/locale-files';
import {
  dir,
  formatHours,
  formatList,
  localizeDocument,
  messagesLocale,
  plural,
  t,
  tParts,
} from '../../../utils/platform/i18n';

const english = readMessages('en');
const PLURAL = /^(.+)_(zero|one|two|few|many|other)$/;
const pluralBases = new Set(
  Object.keys(english).flatMap((key) => {
    const match = PLURAL.exec(key);
    return match?.[2] === 'other' ? [match[1]!] : [];
  }),
);
const isPluralForm = (key: string) => pluralBases.has(PLURAL.exec(key)?.[1] ?? '');

/**
 * What a translation must keep: its named placeholders (name and content) and the `$n` substitutions it uses
 * directly; whether each named one is used is the test above's.
 */
function placeholdersOf(entry: MessageEntry): string[] {
  const named = Object.entries(entry.placeholders ?? {}).map(
    ([name, { content }]) => `$${name.toLowerCase()}$=${content}`,
  );
  const direct = [...entry.message.matchAll(/\$\$|\$([1-9])/g)].flatMap((m) => (m[1] ? [`$${m[1]}`] : []));
  return [...new Set([...named, ...direct])].sort();
}

describe('the locales', () => {
  it('have an English description for every key', () => {
    for (const [key, entry] of Object.entries(english)) expect(entry.description, key).toBeTruthy();
  });

  it('list the English keys in order, so each surface adds its keys in a place of its own', () => {
    const keys = Object.keys(english);
    expect(keys).toEqual([...keys].sort());
  });

  it('use every named placeholder they declare, and declare every one they use', () => {
    for (const locale of LOCALES) {
      for (const [key, entry] of Object.entries(readMessages(locale))) {
        const declared = new Set(Object.keys(entry.placeholders ?? {}).map((name) => name.toLowerCase()));
        const used = new Set([...entry.message.matchAll(/\$([a-z0-9_]+)\$/gi)].map((m) => m[1]!.toLowerCase()));
        for (const name of used) expect(declared, `${locale} ${key} uses $${name}$`).toContain(name);
        // A plural form may say its count in words ("شارتان", two badges) and leave the number out.
        if (!isPluralForm(key)) expect(used, `${locale} ${key}`).toEqual(declared);
      }
    }
  });

  it.each(LOCALES.filter((locale) => locale !== 'en'))('%s has every key, with the same placeholders', (locale) => {
    const messages = readMessages(locale);
    expect(messages.locale?.message).toBe(locale);
    for (const [key, entry] of Object.entries(english)) {
      const own = messages[key];
      // A plural form English has and this language does not use (Japanese has `_other` only) may be left out.
      if (!own && isPluralForm(key) && !key.endsWith('_other')) continue;
      expect(own, `${locale} lacks ${key}`).toBeDefined();
      expect(own!.message.trim(), `${locale} ${key} is empty`).not.toBe('');
      expect(placeholdersOf(own!), `${locale} ${key}`).toEqual(placeholdersOf(entry));
    }
    for (const [key, entry] of Object.entries(messages)) {
      if (english[key]) continue;
      // Only the plural forms English does without (Arabic's `_zero`, `_two`, `_few`, `_many`).
      expect(isPluralForm(key), `${locale} has ${key}, which English has not`).toBe(true);
      const other = english[`${PLURAL.exec(key)![1]}_other`]!;
      expect(placeholdersOf(entry), `${locale} ${key}`).toEqual(placeholdersOf(other));
    }
  });

  it.each(LOCALES)('%s has each plural form its Intl.PluralRules can pick', (locale) => {
    const messages = readMessages(locale);
    const categories = new Intl.PluralRules(locale).resolvedOptions().pluralCategories;
    for (const base of pluralBases) {
      for (const category of categories)
        expect(messages[`${base}_${category}`], `${locale} ${base}_${category}`).toBeDefined();
    }
  });

  it.each(LOCALES)("%s keeps the manifest's name and description within the stores' limits", (locale) => {
    const messages = readMessages(locale);
    expect(messages.app_name!.message.length).toBeLessThanOrEqual(45);
    expect(messages.app_description!.message.length).toBeLessThanOrEqual(132);
  });
});

/** The source the extension is built from, where a key is read. */
function sourceText(): string {
  const root = resolve(import.meta.dirname, '../../..');
  const walk = (dir: string): string[] =>
    readdirSync(join(root, dir)).flatMap((name) => {
      const path = join(dir, name);
      return statSync(join(root, path)).isDirectory() ? walk(path) : /\.(tsx?|html)$/.test(name) ? [path] : [];
    });
  return ['utils', 'components', 'entrypoints']
    .flatMap(walk)
    .concat('wxt.config.ts')
    .map((file) => readFileSync(join(root, file), 'utf8'))
    .join('\n');
}

describe('the messages', () => {
  it('are each read somewhere: by name, as a plural base, or under a prefix the code completes', () => {
    const code = sourceText();
    const read = (key: string) => {
      const base = PLURAL.exec(key)?.[1];
      if (code.includes(`'${key}'`) || code.includes(`__MSG_${key}__`) || (base && code.includes(`'${base}'`)))
        return true;
      // `worker_kind_${kind}`: a key some part of whose name the code fills in.
      const parts = key.split('_');
      return parts.some((_, i) => i > 1 && code.includes(`\`${parts.slice(0, i).join('_')}_\${`));
    };
    expect(Object.keys(english).length).toBeGreaterThan(300);
    expect(Object.keys(english).filter((key) => key !== 'locale' && !read(key))).toEqual([]);
  });
});

describe('the i18n wrapper', () => {
  it('reads the English messages in tests', () => {
    expect(t('panel_page_title')).toBe('Remove badges');
    expect(messagesLocale()).toBe('en');
    expect(dir()).toBe('ltr');
    expect(formatList(['a', 'b', 'c'])).toBe('a, b, and c');
  });

  it("follows the browser's language: right to left in Arabic, its own list words", () => {
    speak(fakeBrowser.i18n, 'ar');
    expect(t('panel_page_title')).toBe(readMessages('ar').panel_page_title!.message);
    expect(dir()).toBe('rtl');
    expect(formatList(['أ', 'ب'])).toBe('أ وب');
    localizeDocument(document, 'panel_page_title');
    expect(document.documentElement.lang).toBe('ar');
    expect(document.documentElement.dir).toBe('rtl');
    expect(document.title).toBe(readMessages('ar').panel_page_title!.message);
  });

  it('keeps its Intl formatters per language: after a switch, each speaks the new one', () => {
    expect(formatList(['a', 'b'], 'disjunction', 'narrow')).toBe('a or b');
    expect(formatHours(5)).toBe('5 hours');
    speak(fakeBrowser.i18n, 'de');
    expect(formatList(['a', 'b'], 'disjunction', 'narrow')).toBe('a oder b');
    expect(formatHours(5)).toBe('5 Stunden');
    speak(fakeBrowser.i18n, 'en');
    expect(formatList(['a', 'b'], 'disjunction', 'narrow')).toBe('a or b');
  });

  it('puts markup where the placeholders go, in the order the language puts them', () => {
    const code = { element: 'code' };
    expect(tParts('popup_pattern_saved', [code])).toEqual([
      'Saved the pattern ',
      code,
      '. The control is on this page now.',
    ]);
    speak(fakeBrowser.i18n, 'ja');
    expect(tParts('popup_pattern_saved', [code])[1]).toBe(code);
  });

  it('says Arabic counts in all six forms, and Japanese in one', () => {
    const badges = (count: number) => plural('popup_badge_count', count);
    expect([badges(1), badges(2), badges(1200)]).toEqual(['1 badge', '2 badges', '1,200 badges']);
    speak(fakeBrowser.i18n, 'ar');
    const arabic = readMessages('ar');
    expect(badges(0)).toBe(arabic.popup_badge_count_zero!.message);
    expect(badges(2)).toBe(arabic.popup_badge_count_two!.message);
    expect(badges(3)).toBe(
      arabic.popup_badge_count_few!.message.replace('$count$', new Intl.NumberFormat('ar').format(3)),
    );
    speak(fakeBrowser.i18n, 'ja');
    expect(badges(1)).toBe('バッジ 1 個');
  });

  it('picks the plural form by the count, and falls back to `_other`', () => {
    const forms: Record<string, string> = {
      test_users_one: '$1 user',
      test_users_other: '$1 users',
      test_users_two: 'two: $1',
    };
    fakeBrowser.i18n.getMessage = ((key: string, subs: string[] = []) =>
      (forms[key] ?? '').replace('$1', subs[0] ?? '')) as typeof fakeBrowser.i18n.getMessage;
    const choose = plural as (key: string, count: number) => string;
    expect(choose('test_users', 1)).toBe('1 user');
    expect(choose('test_users', 1200)).toBe('1,200 users');
    expect(choose('test_users', 2)).toBe('2 users');
  });
});
