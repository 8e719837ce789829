/**
 * No words a person reads are left in the converted UI files: JSX text, the attributes people read (labels,
 * titles, placeholders) and string literals that read as English prose all come from `t()`/`plural()` instead.
 * Grow CONVERTED as each surface moves to public/_locales.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const CONVERTED: readonly string[] = [
  'utils/platform/feature-settings.ts',
  'utils/advanced-form.ts',
  'utils/settings.ts',
  'utils/bulk/settings.ts',
  'utils/removal/settings.ts',
  'utils/page/settings.ts',
  'utils/removal/panel-opening.ts',
  'utils/platform/zoho/desk-errors.ts',
  'utils/connection/current-org.ts',
  'components/common/CopyableId.tsx',
  'components/common/GatedButton.tsx',
  'components/common/Notices.tsx',
  'components/connection/ZohoAccessNotice.tsx',
  'components/policy/Policy.tsx',
  'components/removal/BadgeList.tsx',
  'components/removal/ConfirmPreview.tsx',
  'components/removal/RemovalResult.tsx',
  'components/removal/RemoveBadgesPanel.tsx',
  'entrypoints/audit/App.tsx',
  'entrypoints/audit/main.tsx',
  'entrypoints/background.ts',
  'entrypoints/bulk/App.tsx',
  'entrypoints/bulk/BadgeChoice.tsx',
  'entrypoints/bulk/DryRunPreview.tsx',
  'entrypoints/bulk/Planner.tsx',
  'entrypoints/bulk/RunView.tsx',
  'entrypoints/bulk/main.tsx',
  'entrypoints/desk-page/control-button.ts',
  'entrypoints/desk-page/control.ts',
  'entrypoints/desk-page/index.ts',
  'entrypoints/desk-panel-opener/panel-opener.ts',
  'entrypoints/options/Advanced.tsx',
  'entrypoints/options/App.tsx',
  'entrypoints/options/CheckSetup.tsx',
  'entrypoints/options/ConnectForm.tsx',
  'entrypoints/options/ConnectionSection.tsx',
  'entrypoints/options/DeskAddresses.tsx',
  'entrypoints/options/Disconnect.tsx',
  'entrypoints/options/OrgPicker.tsx',
  'entrypoints/options/PrivacyLink.tsx',
  'entrypoints/options/RadioChoices.tsx',
  'entrypoints/options/RedirectUris.tsx',
  'entrypoints/options/SecretsExposureNotice.tsx',
  'entrypoints/options/SelfClientSteps.tsx',
  'entrypoints/options/TextField.tsx',
  'entrypoints/options/main.tsx',
  'entrypoints/popup/App.tsx',
  'entrypoints/popup/HelpCenterChooser.tsx',
  'entrypoints/popup/OwnDomainOffer.tsx',
  'entrypoints/popup/RecognizePage.tsx',
  'entrypoints/popup/Search.tsx',
  'entrypoints/popup/UserDetail.tsx',
  'entrypoints/popup/main.tsx',
  'entrypoints/removal-panel/ContactPanel.tsx',
  'entrypoints/removal-panel/main.tsx',
  'entrypoints/removal-panel/panels.tsx',
  'utils/audit/audit-view.ts',
  'utils/audit/audit.ts',
  'utils/audit/handlers.ts',
  'utils/audit/requests.ts',
  'utils/audit/undo.ts',
  'utils/bulk/dry-run.ts',
  'utils/bulk/handlers.ts',
  'utils/bulk/item-input.ts',
  'utils/bulk/plan.ts',
  'utils/bulk/recipients.ts',
  'utils/bulk/report.ts',
  'utils/bulk/requests.ts',
  'utils/bulk/run-keeper.ts',
  'utils/bulk/run-state.ts',
  'utils/bulk/run-store.ts',
  'utils/bulk/run.ts',
  'utils/bulk/stored.ts',
  'utils/connection/flows/callback.ts',
  'utils/connection/flows/code-flow.ts',
  'utils/connection/flows/context.ts',
  'utils/connection/flows/implicit-flow.ts',
  'utils/connection/flows/self-client.ts',
  'utils/connection/flows/settings.ts',
  'utils/connection/flows/sign-in.ts',
  'utils/connection/handlers.ts',
  'utils/connection/oauth.ts',
  'utils/connection/organizations.ts',
  'utils/connection/redirect-uri.ts',
  'utils/connection/requests.ts',
  'utils/connection/settings-form.ts',
  'utils/connection/stored.ts',
  'utils/connection/token-endpoint.ts',
  'utils/contact/contact.ts',
  'utils/contact/handlers.ts',
  'utils/page/anchor.ts',
  'utils/page/desk-addresses.ts',
  'utils/page/kind-catalog.ts',
  'utils/page/pattern-list.ts',
  'utils/page/shadow-mount.ts',
  'utils/page/url-pattern.ts',
  'utils/platform/errors.ts',
  'utils/platform/i18n.ts',
  'utils/platform/request-client.ts',
  'utils/platform/zoho/client-id.ts',
  'utils/platform/zoho/client-types.ts',
  'utils/platform/zoho/datacenters.ts',
  'utils/platform/zoho/desk-client.ts',
  'utils/platform/zoho/help-center.ts',
  'utils/platform/zoho/schemas.ts',
  'utils/policy/handlers.ts',
  'utils/policy/policy.ts',
  'utils/removal/handlers.ts',
  'utils/removal/panel-binding.ts',
  'utils/removal/panel-context.ts',
  'utils/removal/remove.ts',
  'utils/removal/report.ts',
  'utils/removal/requests.ts',
  'utils/search/handlers.ts',
  'utils/search/popup-lookup.ts',
  'utils/search/popup-search.ts',
  'utils/search/popup-tab.ts',
  'utils/search/recognize-with-zoho.ts',
  'utils/search/requests.ts',
];

const root = resolve(import.meta.dirname, '../../..');

/** Attributes and properties whose value a person reads (or a screen reader says). */
const READ_ATTRIBUTES = new Set([
  'aria-label',
  'aria-description',
  'aria-roledescription',
  'aria-valuetext',
  'alt',
  'title',
  'placeholder',
  'label',
]);
const READ_PROPERTIES = new Set(['label', 'title', 'text', 'message', 'hint', 'description', 'heading', 'summary']);

/** "Two words or more, the first capitalised" or a sentence's end: prose, not a class name, key or code. */
function looksLikeProse(text: string): boolean {
  const trimmed = text.trim();
  if (!/[A-Za-z]{2}/.test(trimmed)) return false;
  if (/^[A-Z][a-z’']+(\s+[^\s]+)+/.test(trimmed)) return true;
  return /[a-z]{2,}[.!?:]\s+[A-Za-z]/.test(trimmed) || /\s[a-z]{2,}\s[a-z]{2,}\s[a-z]{2,}/.test(trimmed);
}

/** A label's words ("Remove", "Copy the ID"), not a sample value ("1000.XXXX", "https://support.example.com"). */
const readsAsWords = (text: string) => /\p{L}{2,}\s+\p{L}/u.test(text) || /^\p{Lu}\p{Ll}+\b/u.test(text);

/** Calls whose strings are for developers: errors, the console, test ids. */
function inDeveloperCall(node: ts.Node): boolean {
  for (let parent = node.parent; parent; parent = parent.parent) {
    if (ts.isNewExpression(parent) && /Error$/.test(parent.expression.getText())) return true;
    if (ts.isCallExpression(parent) && /^console\./.test(parent.expression.getText())) return true;
    if (ts.isFunctionLike(parent) || ts.isSourceFile(parent)) return false;
  }
  return false;
}

/** Each word a person would read, with its line: `file:line text`. */
function proseIn(fileName: string, source: string): string[] {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const found: string[] = [];
  const report = (node: ts.Node, text: string) => {
    const line = file.getLineAndCharacterOfPosition(node.getStart(file)).line + 1;
    found.push(`${fileName}:${line} ${text.trim().replace(/\s+/g, ' ')}`);
  };
  const visit = (node: ts.Node): void => {
    if (ts.isJsxText(node)) {
      if (/\p{L}/u.test(node.text)) report(node, node.text);
    } else if (ts.isJsxAttribute(node) && node.initializer) {
      const name = node.name.getText(file);
      const value = ts.isStringLiteral(node.initializer)
        ? node.initializer
        : ts.isJsxExpression(node.initializer) &&
            node.initializer.expression &&
            ts.isStringLiteralLike(node.initializer.expression)
          ? node.initializer.expression
          : undefined;
      if (value && READ_ATTRIBUTES.has(name) && readsAsWords(value.text)) {
        report(node, `${name}="${value.text}"`);
        return;
      }
    } else if (ts.isPropertyAssignment(node) && ts.isStringLiteralLike(node.initializer)) {
      const name = node.name.getText(file).replace(/['"]/g, '');
      if (READ_PROPERTIES.has(name) && readsAsWords(node.initializer.text) && !inDeveloperCall(node)) {
        report(node, `${name}: '${node.initializer.text}'`);
        return;
      }
    } else if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) {
      if (ts.isImportDeclaration(node.parent) || ts.isExportDeclaration(node.parent)) return;
      if (looksLikeProse(node.text) && !inDeveloperCall(node)) report(node, node.text);
    } else if (ts.isTemplateExpression(node)) {
      const parts = [node.head.text, ...node.templateSpans.map((span) => span.literal.text)].join(' … ');
      if (looksLikeProse(parts) && !inDeveloperCall(node)) report(node, parts);
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

describe('words in the converted UI files', () => {
  it.each(CONVERTED)('%s has none of its own', (path) => {
    expect(proseIn(path, readFileSync(resolve(root, path), 'utf8'))).toEqual([]);
  });

  it('finds the words people read, and not the code around them', () => {
    const source = `
      const tone = 'warning';
      const a = <p class="br-notice warning">Connect first.</p>;
      const b = <button aria-label="Copy the ID" title={t('x')} class="btn primary" />;
      const g = <input placeholder="1000.XXXXXXXX" title="Remove" />;
      const c = { label: 'Remove', key: 'bulk_run', title: 'popup_title' };
      const d = \`Removed \${n} badges from the user\`;
      const e = 'Nothing to remove';
      throw new Error('The panel has no context yet');
      const f = <>{t('popup_title')} · {count}</>;
    `;
    expect(proseIn('sample.tsx', source).map((line) => line.replace(/^sample\.tsx:\d+ /, ''))).toEqual([
      'Connect first.',
      'aria-label="Copy the ID"',
      'title="Remove"',
      "label: 'Remove'",
      'Removed … badges from the user',
      'Nothing to remove',
    ]);
  });
});
