/**
 * A fresh self-signed certificate for every start, naming every Zoho host the sandbox answers as,
 * and the SPKI hash Chromium's --ignore-certificate-errors-spki-list needs to trust exactly that one key.
 */
import { execFileSync } from 'node:child_process';
import { createHash, X509Certificate } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface SandboxCertificate {
  key: string;
  cert: string;
}

const OPENSSL = process.env.OPENSSL_PATH ?? (process.platform === 'win32' ? 'openssl' : '/usr/bin/openssl');

export function generateCertificate(hostNames: readonly string[]): SandboxCertificate {
  const dir = mkdtempSync(join(tmpdir(), 'zoho-sandbox-cert-'));
  try {
    const keyPath = join(dir, 'key.pem');
    const certPath = join(dir, 'cert.pem');
    const san = [...hostNames.map((h) => `DNS:${h}`), 'DNS:localhost', 'IP:127.0.0.1'].join(',');
    // P-256 keys are generated in milliseconds; Chromium and Node accept them.
    execFileSync(
      OPENSSL,
      [
        'req',
        '-x509',
        '-newkey',
        'ec',
        '-pkeyopt',
        'ec_paramgen_curve:prime256v1',
        '-nodes',
        '-days',
        '2',
        '-subj',
        '/CN=Zoho sandbox',
        '-addext',
        `subjectAltName=${san}`,
        '-addext',
        'extendedKeyUsage=serverAuth',
        '-keyout',
        keyPath,
        '-out',
        certPath,
      ],
      { stdio: ['ignore', 'ignore', 'pipe'] },
    );
    return { key: readFileSync(keyPath, 'utf8'), cert: readFileSync(certPath, 'utf8') };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * base64(sha256(DER SubjectPublicKeyInfo)): the same value as
 * `openssl x509 -pubkey -noout | openssl pkey -pubin -outform der | openssl dgst -sha256 -binary | base64`.
 */
export function spkiHash(certPem: string): string {
  const der = new X509Certificate(certPem).publicKey.export({ type: 'spki', format: 'der' });
  return createHash('sha256').update(der).digest('base64');
}
