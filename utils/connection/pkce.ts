/** PKCE (RFC 7636) with S256, and the random values of an authorization attempt. */

export type RandomBytes = (length: number) => Uint8Array;

export const cryptoRandom: RandomBytes = (length) => crypto.getRandomValues(new Uint8Array(length));

export function base64url(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export async function challengeFor(verifier: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier));
  return base64url(new Uint8Array(digest));
}

export interface Pkce {
  verifier: string;
  challenge: string;
  method: 'S256';
}

/** A verifier of 32 random bytes (43 characters, RFC 7636's minimum length). */
export async function createPkce(random: RandomBytes = cryptoRandom): Promise<Pkce> {
  const verifier = base64url(random(32));
  return { verifier, challenge: await challengeFor(verifier), method: 'S256' };
}
