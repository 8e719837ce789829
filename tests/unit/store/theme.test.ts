/**
 * Colours live once, in components/theme.css, as tokens with a light and a dark value; every other stylesheet of the
 * pages, the panel and the control reads the tokens. axe (tests/e2e/accessibility.spec.ts) checks the contrast.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../../..');
const THEME = 'components/theme.css';

const stylesheets = (dir: string): string[] =>
  readdirSync(join(root, dir)).flatMap((name) => {
    const path = join(dir, name);
    return statSync(join(root, path)).isDirectory() ? stylesheets(path) : name.endsWith('.css') ? [path] : [];
  });

const withoutComments = (css: string) => css.replace(/\/\*[\s\S]*?\*\//g, '');
const LITERAL_COLOUR = /#[0-9a-f]{3,8}\b|\b(?:rgba?|hsla?|hwb|lab|lch|oklab|oklch)\(|:\s*(?:white|black)\b/i;

/** The custom properties declared in a block of CSS whose values are colours. */
function colourTokens(css: string): string[] {
  return [...css.matchAll(/(--br-[\w-]+):\s*([^;]+);/g)]
    .filter(([, , v]) => LITERAL_COLOUR.test(`: ${v}`))
    .map(([, n]) => n!);
}

describe('the theme', () => {
  it('is the only stylesheet with literal colours', () => {
    const files = [...stylesheets('components'), ...stylesheets('entrypoints')].filter((f) => f !== THEME);
    expect(files.length).toBeGreaterThan(3);
    const stray = files.flatMap((file) =>
      withoutComments(readFileSync(join(root, file), 'utf8'))
        .split('\n')
        .filter((line) => LITERAL_COLOUR.test(line))
        .map((line) => `${file}: ${line.trim()}`),
    );
    expect(stray).toEqual([]);
  });

  it('gives every colour token a dark value, and lets form controls and scrollbars follow the scheme', () => {
    const css = withoutComments(readFileSync(join(root, THEME), 'utf8'));
    const [light, dark] = css.split('@media (prefers-color-scheme: dark)');
    expect(dark, 'a dark block').toBeDefined();
    const lightTokens = colourTokens(light!);
    expect(lightTokens.length).toBeGreaterThan(20);
    expect(colourTokens(dark!).sort()).toEqual([...lightTokens].sort());
    expect(light).toMatch(/color-scheme:\s*light dark/);
  });
});
