import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { keepUsedTokens } from '../../../scripts/used-tokens';

describe('keepUsedTokens', () => {
  it('drops the tokens nothing reads, keeps those read directly or through another token, in every scheme', () => {
    const css =
      ':host{--br-a:#fff;--br-b:var(--br-a);--br-c:1px;--br-unused:red;--br-chain:var(--br-unused)}' +
      '@media (prefers-color-scheme:dark){:host{--br-a:#000;--br-unused:blue}}' +
      'button{color:var(--br-b);margin:var( --br-c)}';
    expect(keepUsedTokens(css)).toBe(
      ':host{--br-a:#fff;--br-b:var(--br-a);--br-c:1px;}' +
        '@media (prefers-color-scheme:dark){:host{--br-a:#000;}}' +
        'button{color:var(--br-b);margin:var( --br-c)}',
    );
  });

  it.each(['control-button.css', 'control-panel.css'])(
    "keeps every token %s (inlined on Desk pages) reads from the theme, and drops the pages' own",
    (file) => {
      const root = resolve(import.meta.dirname, '../../..');
      const theme = readFileSync(resolve(root, 'components/theme.css'), 'utf8');
      // As Vite inlines it: its imports in place, the theme apart.
      const read = (name: string): string =>
        readFileSync(resolve(root, 'components', name), 'utf8').replace(
          /@import "\.\/([\w-]+\.css)";/g,
          (_, imported) => (imported === 'theme.css' ? '' : read(imported)),
        );
      const inlined = read(file);
      const kept = keepUsedTokens(theme + inlined);
      const tokens = new Set([...inlined.matchAll(/var\((--br-[\w-]+)/g)].map((m) => m[1]));
      expect(tokens.size).toBeGreaterThan(5);
      for (const name of tokens) expect(kept).toContain(`${name}:`);
      expect(kept).not.toContain('--br-tag-custom-bg:');
    },
  );
});
