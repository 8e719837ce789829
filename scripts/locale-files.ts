/**
 * The messages in public/_locales, read as the browser reads them: for the fake browser's `i18n` (tests see real
 * English), the test that compares the locales, the walk-through, the shipped files and the privacy page's languages.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

export const LOCALES = ['en', 'de', 'fr', 'es', 'ja', 'ar'] as const;
export type Locale = (typeof LOCALES)[number];

export interface MessageEntry {
  message: string;
  description?: string;
  placeholders?: Record<string, { content: string; example?: string }>;
}
export type MessagesFile = Record<string, MessageEntry>;

const localesDir = resolve(import.meta.dirname, '../public/_locales');

const read = new Map<string, MessagesFile>();
export function readMessages(locale: string): MessagesFile {
  let messages = read.get(locale);
  if (!messages) {
    messages = JSON.parse(readFileSync(resolve(localesDir, locale, 'messages.json'), 'utf8')) as MessagesFile;
    read.set(locale, messages);
  }
  return messages;
}

/**
 * `browser.i18n.getMessage` over one locale's file, falling back to English as the browser does: named
 * placeholders (`$count$`, case-insensitive) become their content, then `$1`…`$9` the substitutions and `$$` a `$`.
 * An unknown key gives ''.
 */
export function getMessageIn(locale: string): (key: string, substitutions?: string | string[]) => string {
  const own = readMessages(locale);
  const english = locale === 'en' ? own : readMessages('en');
  return (key, substitutions = []) => {
    const entry = own[key] ?? english[key];
    if (!entry) return '';
    const values = typeof substitutions === 'string' ? [substitutions] : substitutions;
    const placeholders = Object.fromEntries(
      Object.entries(entry.placeholders ?? {}).map(([name, { content }]) => [name.toLowerCase(), content]),
    );
    const expanded = entry.message.replace(/\$([a-z0-9_@]+)\$/gi, (whole, name: string) => {
      return placeholders[name.toLowerCase()] ?? whole;
    });
    return expanded.replace(/\$(\$|[1-9])/g, (_whole, what: string) =>
      what === '$' ? '$' : (values[Number(what) - 1] ?? ''),
    );
  };
}

/** The fake browser speaks `locale` (the setup file starts each test file in English). */
export function speak(
  i18n: { getMessage: unknown; getUILanguage: unknown },
  locale: string,
  uiLanguage: string = locale === 'en' ? 'en-US' : locale,
): void {
  i18n.getMessage = getMessageIn(locale);
  i18n.getUILanguage = () => uiLanguage;
}
