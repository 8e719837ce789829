import { describe, expect, it } from 'vitest';
import { base64url, challengeFor, createPkce } from '../../../utils/connection/pkce';

describe('PKCE', () => {
  it('matches RFC 7636 appendix B', async () => {
    const octets = new Uint8Array([
      116, 24, 223, 180, 151, 153, 224, 37, 79, 250, 96, 125, 216, 173, 187, 186, 22, 212, 37, 77, 105, 214, 191, 240,
      91, 88, 5, 88, 83, 132, 141, 121,
    ]);
    const verifier = base64url(octets);
    expect(verifier).toBe('dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk');
    expect(await challengeFor(verifier)).toBe('E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM');
    const pkce = await createPkce(() => octets);
    expect(pkce).toEqual({ verifier, challenge: 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM', method: 'S256' });
  });

  it('makes a 43-character verifier from 32 random bytes, a new one each time', async () => {
    const asked: number[] = [];
    const { verifier } = await createPkce((length) => {
      asked.push(length);
      return crypto.getRandomValues(new Uint8Array(length));
    });
    expect(asked).toEqual([32]);
    expect(verifier).toMatch(/^[A-Za-z0-9_-]{43}$/);
    // The default source is the platform's randomness: 20 verifiers, 20 different ones.
    const many = await Promise.all(Array.from({ length: 20 }, () => createPkce()));
    expect(new Set(many.map((p) => p.verifier)).size).toBe(20);
    for (const p of many) expect(p.challenge).toBe(await challengeFor(p.verifier));
  });
});
