/**
 * `web-ext lint` on the Firefox build, as Mozilla's add-on site runs it: any error fails, and so does any warning
 * that is not one of those explained below (and in the README's Firefox section).
 */
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

const SOURCE_DIR = resolve(import.meta.dirname, '..', '.output', 'firefox-mv3');

/** Warnings understood and accepted, with why. */
const EXPLAINED: { code: string; file: RegExp; message?: RegExp; why: string }[] = [
  {
    code: 'UNSAFE_VAR_ASSIGNMENT',
    file: /^desk-page\.js$/,
    message: /\bimport\b/,
    why: "The content script imports the panel opener, the extension's own packaged script, at runtime.getURL('/desk-panel-opener.js'): a moz-extension address, never a remote one.",
  },
  {
    code: 'UNSAFE_VAR_ASSIGNMENT',
    file: /^chunks\/jsxRuntime-[\w-]+\.js$/,
    why: "Preact's own support for dangerouslySetInnerHTML, which the extension never uses: no innerHTML is set from our code.",
  },
];

interface LintMessage {
  code: string;
  file?: string;
  message: string;
}

const run = spawnSync('npx', ['web-ext', 'lint', '--source-dir', SOURCE_DIR, '--output', 'json', '--no-input'], {
  encoding: 'utf8',
});
let report: { errors: LintMessage[]; warnings: LintMessage[]; notices: LintMessage[] };
try {
  report = JSON.parse(run.stdout);
} catch {
  console.error(`web-ext lint gave no report (exit ${run.status}):\n${run.stdout}\n${run.stderr}`);
  process.exit(1);
}

const explained = (m: LintMessage) =>
  EXPLAINED.find((e) => e.code === m.code && e.file.test(m.file ?? '') && (e.message?.test(m.message) ?? true));
const unexplained = report.warnings.filter((w) => !explained(w));
for (const m of report.errors) console.error(`error ${m.code} ${m.file ?? ''}: ${m.message}`);
for (const m of unexplained) console.error(`warning ${m.code} ${m.file ?? ''}: ${m.message}`);
for (const m of report.warnings.filter(explained))
  console.log(`explained warning ${m.code} ${m.file}: ${explained(m)!.why}`);
for (const m of report.notices) console.log(`notice ${m.code} ${m.file ?? ''}: ${m.message}`);
console.log(
  `web-ext lint: ${report.errors.length} errors, ${report.warnings.length} warnings (${unexplained.length} unexplained), ${report.notices.length} notices`,
);
process.exit(report.errors.length || unexplained.length ? 1 : 0);
