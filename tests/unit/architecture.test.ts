/**
 * The layout's rules, checked from the code's own imports (type-only ones too):
 * - no import cycle between files, nor between the feature folders;
 * - the platform (utils/platform) imports no feature; features import no gathering file (utils/*.ts),
 *   no component and no page; components import no page;
 * - only utils/handlers.ts imports a feature's handlers: the features meet there;
 * - components/ holds what two or more entrypoints use; what one uses lives in that entrypoint's folder;
 * - one file writes Desk API paths;
 * - a page kind is named in its registry alone (utils/page-kinds/, utils/page/kind-catalog.ts);
 * - no source file over 400 lines, and no top-level function over 150 (closures included), in utils/, components/,
 *   entrypoints/ and sandbox/.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, normalize, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pageKindNames } from '../../utils/page/kind-catalog';

const root = resolve(import.meta.dirname, '../..');
const SOURCES = ['utils', 'components', 'entrypoints'];

const walk = (dir: string): string[] =>
  readdirSync(join(root, dir)).flatMap((name) => {
    const path = join(dir, name);
    return statSync(join(root, path)).isDirectory() ? walk(path) : /\.tsx?$/.test(name) ? [path] : [];
  });
const files = SOURCES.flatMap(walk);
const known = new Set(files);

function importsOf(file: string, text = readFileSync(join(root, file), 'utf8')): string[] {
  const specs = [...text.matchAll(/(?:from|import)\s*\(?\s*'(\.{1,2}\/[^'?]+)/g)].map((m) => m[1]!);
  return specs.flatMap((spec) => {
    const base = normalize(join(dirname(file), spec));
    const hit = [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts')].find((p) => known.has(p));
    return hit ? [hit] : [];
  });
}
const graph = new Map(files.map((f) => [f, importsOf(f)]));

/** The folder a file belongs to, as the rules see it. */
function place(file: string): string {
  const parts = file.split('/');
  if (parts[0] === 'utils') return parts.length === 2 ? 'utils (gathering)' : `utils/${parts[1]}`;
  return parts.slice(0, 2).join('/');
}
const isFeature = (p: string) => p.startsWith('utils/') && p !== 'utils/platform';

function cycle(nodes: string[], edges: (n: string) => string[]): string[] | null {
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (n: string): string[] | null => {
    if (state.get(n) === 'done') return null;
    if (state.get(n) === 'open') return [...stack.slice(stack.indexOf(n)), n];
    state.set(n, 'open');
    stack.push(n);
    for (const next of edges(n)) {
      const found = visit(next);
      if (found) return found;
    }
    stack.pop();
    state.set(n, 'done');
    return null;
  };
  for (const n of nodes) {
    const found = visit(n);
    if (found) return found;
  }
  return null;
}

describe('the layout', () => {
  it('reads every source file and its imports', () => {
    expect(files.length).toBeGreaterThan(80);
    expect(graph.get('utils/handlers.ts')).toContain('utils/bulk/handlers.ts');
  });

  it('has no import cycle between files', () => {
    expect(cycle(files, (f) => graph.get(f) ?? [])).toBeNull();
  });

  it('has no import cycle between the feature folders', () => {
    const features = [...new Set(files.map(place).filter(isFeature))];
    const edges = (p: string) => [
      ...new Set(
        files
          .filter((f) => place(f) === p)
          .flatMap((f) => graph.get(f)!.map(place))
          .filter((q) => q !== p && isFeature(q)),
      ),
    ];
    expect(features).toEqual(expect.arrayContaining(['utils/connection', 'utils/removal', 'utils/bulk']));
    expect(cycle(features, edges)).toBeNull();
  });

  it('imports only downwards: platform ← features ← gathering ← components ← pages', () => {
    const wrong = files.flatMap((file) =>
      graph.get(file)!.flatMap((target) => {
        const from = place(file);
        const to = place(target);
        const against =
          (from === 'utils/platform' && to !== 'utils/platform') ||
          (isFeature(from) && !to.startsWith('utils/')) ||
          (isFeature(from) && to === 'utils (gathering)') ||
          (from.startsWith('utils') && !to.startsWith('utils')) ||
          (from.startsWith('components/') && to.startsWith('entrypoints/'));
        return against ? [`${relative(root, join(root, file))} → ${target}`] : [];
      }),
    );
    expect(wrong).toEqual([]);
  });

  it("imports a feature's handlers only in utils/handlers.ts, where the features meet", () => {
    const wrong = files.flatMap((file) =>
      file === 'utils/handlers.ts'
        ? []
        : graph
            .get(file)!
            .filter((target) => /^utils\/[^/]+\/handlers\.ts$/.test(target))
            .map((target) => `${file} → ${target}`),
    );
    expect(graph.get('utils/handlers.ts')).toContain('utils/removal/handlers.ts');
    expect(wrong).toEqual([]);
  });

  it("holds in components/ what two or more entrypoints use, and in an entrypoint's folder what that one uses", () => {
    const entrypointOf = (f: string) => (f.startsWith('entrypoints/') ? f.split('/').slice(0, 2).join('/') : null);
    const usedBy = new Map<string, Set<string>>();
    for (const file of files) {
      const entrypoint = entrypointOf(file);
      if (!entrypoint) continue;
      const seen = new Set<string>();
      const visit = (f: string) => {
        for (const next of graph.get(f)!) {
          if (!next.startsWith('components/') || seen.has(next)) continue;
          seen.add(next);
          usedBy.set(next, (usedBy.get(next) ?? new Set()).add(entrypoint));
          visit(next);
        }
      };
      visit(file);
    }
    const components = files.filter((f) => f.startsWith('components/'));
    const single = components
      .filter((c) => (usedBy.get(c)?.size ?? 0) < 2)
      .map((c) => `${c}: ${[...(usedBy.get(c) ?? [])]}`);
    const borrowed = files.flatMap((f) =>
      graph
        .get(f)!
        .filter((to) => entrypointOf(f) && entrypointOf(to) && entrypointOf(to) !== entrypointOf(f))
        .map((to) => `${f} → ${to}`),
    );
    expect(components).toContain('components/removal/RemoveBadgesPanel.tsx');
    expect(single).toEqual([]);
    expect(borrowed).toEqual([]);
  });

  it('names Desk API paths in one place: utils/platform/zoho/desk-api.ts', () => {
    const writers = files.filter((f) => readFileSync(join(root, f), 'utf8').includes('/api/v1/'));
    expect(writers).toEqual(['utils/platform/zoho/desk-api.ts']);
  });

  it("keeps WXT's storage out of the content script: no file it imports names a bare `storage`", () => {
    // WXT's build adds `import { storage } from 'wxt/utils/storage'` to any module that names one, even a
    // parameter: 7 kB of storage code (3 kB gzip) in the Desk page for nothing.
    // What the bundle holds: imports of values, not `import type`, which the build drops.
    const valueImports = (f: string) => {
      const text = readFileSync(join(root, f), 'utf8').replace(/^\s*(?:import|export) type [^;]*;/gm, '');
      return importsOf(f, text);
    };
    const reached = new Set<string>();
    const reach = (f: string) => {
      if (reached.has(f)) return;
      reached.add(f);
      for (const next of valueImports(f)) reach(next);
    };
    reach('entrypoints/desk-page/index.ts');
    const code = (f: string) =>
      readFileSync(join(root, f), 'utf8')
        .replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '')
        .replace(/'(?:\\.|[^'\\])*'|`(?:\\.|[^`\\])*`/g, "''");
    const naming = [...reached].filter((f) => /(?<![.\w$])storage(?![\w$]|\s*:)/.test(code(f)));
    expect(reached.size).toBeGreaterThan(10);
    expect(naming).toEqual([]);
  });

  it('names a page kind in its registry alone: adding one is a folder there, not a hunt for its name', () => {
    // The other places a kind's name may stand, and why.
    const allowed = [
      'utils/page-kinds/', // the kinds, one folder each, and the registry
      'utils/page/kind-catalog.ts', // the kinds as data: labels, target placeholders, built-in URL shapes
      'utils/removal/panel-context.ts', // the contact context a contact page's panel works on
      'utils/removal/panel-binding.ts', // what the worker lets a contact's panel read and remove
      'utils/page/recognize-url.ts', // "Recognize this page": which Zoho record a number in the URL is
      'utils/search/recognize-with-zoho.ts',
    ];
    const naming = files.filter(
      (f) =>
        !allowed.some((a) => f.startsWith(a)) &&
        pageKindNames.some((kind) => readFileSync(join(root, f), 'utf8').includes(`'${kind}'`)),
    );
    expect(pageKindNames).toContain('contact');
    expect(naming).toEqual([]);
  });

  it('holds no file over 400 lines and no top-level function over 150: each fits in the head', () => {
    // Functions over the bound that stay whole, each with its reason.
    const longFunctions: Record<string, string> = {};
    const sources = [...files, ...walk('sandbox')];
    const longFiles = sources.flatMap((f) => {
      const lines = readFileSync(join(root, f), 'utf8').trimEnd().split('\n').length;
      return lines > MAX_FILE_LINES ? [`${f}: ${lines} lines`] : [];
    });
    const long = sources.flatMap((f) =>
      topLevelFunctions(readFileSync(join(root, f), 'utf8'))
        .filter((fn) => fn.lines > MAX_FUNCTION_LINES && !longFunctions[`${f}:${fn.name}`])
        .map((fn) => `${f}:${fn.name}: ${fn.lines} lines`),
    );
    expect(topLevelFunctions('export function a() {\n  return 1;\n}\nconst b = async () => {\n};\n')).toEqual([
      { name: 'a', lines: 3 },
      { name: 'b', lines: 2 },
    ]);
    expect(longFiles).toEqual([]);
    expect(long).toEqual([]);
  });
});

const MAX_FILE_LINES = 400;
const MAX_FUNCTION_LINES = 150;

/**
 * The top-level functions of a file (function declarations, and consts that hold an arrow function or a function),
 * each from its first line to the line at the left margin that closes it (Biome's format puts it there).
 */
function topLevelFunctions(text: string): { name: string; lines: number }[] {
  const lines = text.split('\n');
  const start =
    /^(?:export )?(?:default )?(?:async )?function\*? ?([\w$]*)|^(?:export )?const ([\w$]+)(?::[^=]+)? = (?:\/\* @__PURE__ \*\/ )?(?:async )?(?:\(|[\w$]+ =>|function)/;
  return lines.flatMap((line, i) => {
    const m = start.exec(line);
    if (!m) return [];
    const end = lines.findIndex((l, j) => j > i && /^[}\])]/.test(l));
    // A one-line function (or a const whose value ends on its line) has no closing line of its own.
    if (end < 0 || /;\s*$/.test(line)) return [];
    return [{ name: m[1] || m[2] || 'default', lines: end - i + 1 }];
  });
}
