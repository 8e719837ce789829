/**
 * The messages.json the package ships: what the browser reads (each message and its placeholders' contents),
 * without the descriptions and examples written for translators, which are most of each file.
 */
import { readFileSync } from 'node:fs';
import type { ResolvedPublicFile } from 'wxt';
import type { MessageEntry as Entry } from './locale-files';

export function shippedMessages(messages: Record<string, Entry>): Record<string, Entry> {
  return Object.fromEntries(
    Object.entries(messages).map(([key, { message, placeholders }]) => [
      key,
      placeholders
        ? {
            message,
            placeholders: Object.fromEntries(
              Object.entries(placeholders).map(([name, { content }]) => [name, { content }]),
            ),
          }
        : { message },
    ]),
  );
}

/** For WXT's `build:publicAssets` hook: each locale's messages.json, as shipped. */
export function shipLocales(files: ResolvedPublicFile[]): void {
  for (const [index, file] of files.entries()) {
    if (!/^_locales\/[^/]+\/messages\.json$/.test(file.relativeDest) || !('absoluteSrc' in file)) continue;
    const messages = JSON.parse(readFileSync(file.absoluteSrc, 'utf8')) as Record<string, Entry>;
    files[index] = { relativeDest: file.relativeDest, contents: JSON.stringify(shippedMessages(messages)) };
  }
}
