/**
 * A build step for the stylesheets inlined into the Desk page's shadow roots (`control-button.css?inline` in the
 * content script, `control-panel.css?inline` in the panel opener): it keeps only the theme tokens each reads.
 * theme.css declares every token once for all the extension's pages; the Desk page should not carry the bulk and
 * audit pages' colours.
 */
import type { Plugin } from 'vite';

const DECLARATION = /(--br-[\w-]+)\s*:[^;{}]*(?:;|(?=\}))/g;

/** `css` without the declarations of `--br-` tokens that nothing in it reads, directly or through another token. */
export function keepUsedTokens(css: string): string {
  let kept = css;
  for (;;) {
    const read = new Set([...kept.matchAll(/var\(\s*(--br-[\w-]+)/g)].map((m) => m[1]));
    const next = kept.replace(DECLARATION, (declaration, name: string) => (read.has(name) ? declaration : ''));
    if (next === kept) return kept;
    kept = next;
  }
}

/** Applies `keepUsedTokens` to the inlined stylesheets whose path matches `inlined`. */
export function usedTokensOnly(inlined: RegExp): Plugin {
  return {
    name: 'badge-remover:used-tokens-only',
    enforce: 'post',
    transform(code, id) {
      if (!id.endsWith('?inline') || !inlined.test(id.slice(0, -'?inline'.length))) return null;
      const literal = /^export default ("(?:\\.|[^"\\])*")/.exec(code);
      if (!literal) throw new Error(`used-tokens: ${id} is not the inlined stylesheet this step expects`);
      const css = JSON.parse(literal[1]!) as string;
      return { code: code.replace(literal[1]!, JSON.stringify(keepUsedTokens(css))), map: null };
    },
  };
}
