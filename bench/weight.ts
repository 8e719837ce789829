/** Benchmark 1: the weight of the built extension, raw and gzip. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { DESK_PAGE_SCRIPT, PANEL_OPENER_SCRIPT } from '../utils/platform/extension-pages';
import { extensionDir, fmt, type Measure, type Row } from './common';

const size = (bytes: Buffer) => `${fmt(bytes.length / 1024)} kB raw, ${fmt(gzipSync(bytes).length / 1024)} kB gzip`;

const files = (dir: string): string[] =>
  readdirSync(dir).flatMap((f) => (statSync(join(dir, f)).isDirectory() ? files(join(dir, f)) : [join(dir, f)]));

export const weight: Measure = {
  name: 'weight',
  browser: false,
  async run() {
    const dir = extensionDir();
    const rows: Row[] = [];
    let totalRaw = 0;
    let totalGzip = 0;
    for (const file of files(dir)) {
      const bytes = readFileSync(file);
      totalRaw += bytes.length;
      totalGzip += gzipSync(bytes).length;
      if (relative(dir, file) === DESK_PAGE_SCRIPT) {
        rows.push({
          what: `Content script ${relative(dir, file)}`,
          figure: size(bytes),
          spread: '–',
          target: '≤ 4 kB gzip',
        });
      }
      if (relative(dir, file) === PANEL_OPENER_SCRIPT) {
        rows.push({
          what: `Panel opener ${relative(dir, file)}: imported by the content script only on pages where it puts the button in`,
          figure: size(bytes),
          spread: '–',
          target: '–',
        });
      }
      if (/chunks\/removal-panel-[^/]+\.js$/.test(file)) {
        rows.push({
          what: `Panel page script ${relative(dir, file).replace(/-[\w-]{8}\.js$/, '-*.js')}: loaded in the panel frame when the control opens (with the shared chunks)`,
          figure: size(bytes),
          spread: '–',
          target: '–',
        });
      }
    }
    rows.push({
      what: 'Whole package',
      figure: `${fmt(totalRaw / 1024)} kB raw, ${fmt(totalGzip / 1024)} kB gzip`,
      spread: '–',
      target: '–',
    });
    return rows;
  },
};
