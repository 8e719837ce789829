/**
 * A real policy for the policy tests: Chromium's managed policy directory on Linux, for a copy of the built extension
 * under an id of its own (a fresh signing key), so no other browser or test on this machine, which all load the
 * extension under its usual id, is ever given this policy.
 */
import { createHash, generateKeyPairSync } from 'node:crypto';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EXTENSION_DIR } from '../../scripts/chromium';

/** Where Debian's Chromium reads mandatory policy files (every *.json, merged). */
export const CHROMIUM_POLICY_DIR = '/etc/chromium/policies/managed';

/** Why a real policy cannot be written here, or null when it can. */
export function policySkipReason(): string | null {
  if (process.platform !== 'linux') return 'the policy tests write Chromium policy files as on Linux';
  if (process.getuid?.() !== 0) return `writing ${CHROMIUM_POLICY_DIR} needs root (CI runs as root)`;
  return null;
}

/** Chrome's id of an extension with that public key: the SHA-256 of its DER, first 32 hex digits as a–p. */
export function extensionIdOf(publicKeyDer: Buffer): string {
  const hex = createHash('sha256').update(publicKeyDer).digest('hex').slice(0, 32);
  return [...hex].map((digit) => String.fromCharCode(97 + Number.parseInt(digit, 16))).join('');
}

export interface PolicyExtension {
  dir: string;
  id: string;
  remove(): void;
}

/**
 * A copy of the build signed with a fresh key: an id no other test uses. `grantAtInstall`: hosts (and `scripting`)
 * granted at install, as tests/e2e/fixtures.ts does for the admin's Allow that nothing can click headless.
 */
export function extensionUnderOwnId(grantAtInstall: string[] = []): PolicyExtension {
  const { publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const der = publicKey.export({ type: 'spki', format: 'der' });
  const dir = mkdtempSync(join(tmpdir(), 'badge-remover-policy-'));
  cpSync(EXTENSION_DIR, dir, { recursive: true });
  const manifestPath = join(dir, 'manifest.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
  manifest.key = der.toString('base64');
  if (grantAtInstall.length) {
    manifest.host_permissions = [...manifest.host_permissions, ...grantAtInstall];
    manifest.permissions = [...manifest.permissions, 'scripting'];
  }
  writeFileSync(manifestPath, JSON.stringify(manifest));
  return { dir, id: extensionIdOf(der), remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Writes the extension's policy in Chrome's `3rdparty` form; returns the file, to remove afterwards. */
export function writeChromiumPolicy(extensionId: string, policy: Record<string, unknown>): string {
  mkdirSync(CHROMIUM_POLICY_DIR, { recursive: true });
  const file = join(CHROMIUM_POLICY_DIR, `badge-remover-test-${extensionId}.json`);
  writeFileSync(file, JSON.stringify({ '3rdparty': { extensions: { [extensionId]: policy } } }, null, 2));
  return file;
}
