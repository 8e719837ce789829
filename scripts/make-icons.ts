/**
 * Draws the extension icon (a blue badge rosette with a white minus) into public/icon/*.png.
 * Run with `npx tsx scripts/make-icons.ts`; the PNGs are committed.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { deflateSync } from 'node:zlib';

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (bytes: Buffer) => {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type: string, data: Buffer) => {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
};

function png(size: number, pixel: (x: number, y: number) => [number, number, number, number]): Buffer {
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    for (let x = 0; x < size; x++) raw.set(pixel(x, y), y * (size * 4 + 1) + 1 + x * 4);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** The shape in unit coordinates (-1..1): 0 outside, 1 blue, 2 white. */
function shape(u: number, v: number): number {
  const r = Math.hypot(u, v);
  const angle = Math.atan2(v, u);
  const rosette = 0.86 + 0.08 * Math.cos(angle * 12);
  if (r > rosette) return 0;
  if (Math.abs(v) < 0.12 && Math.abs(u) < 0.48) return 2;
  if (r > 0.66 && r < 0.7) return 2;
  return 1;
}

const BLUE: [number, number, number] = [10, 115, 235];
const SAMPLES = 4;
const out = resolve(import.meta.dirname, '..', 'public', 'icon');
mkdirSync(out, { recursive: true });
for (const size of [16, 32, 48, 128]) {
  const image = png(size, (x, y) => {
    let alpha = 0;
    let white = 0;
    for (let i = 0; i < SAMPLES; i++) {
      for (let j = 0; j < SAMPLES; j++) {
        const u = ((x + (i + 0.5) / SAMPLES) / size) * 2 - 1;
        const v = ((y + (j + 0.5) / SAMPLES) / size) * 2 - 1;
        const s = shape(u, v);
        if (s > 0) alpha++;
        if (s === 2) white++;
      }
    }
    const w = alpha ? white / alpha : 0;
    const mix = (c: number) => Math.round(c * (1 - w) + 255 * w);
    return [mix(BLUE[0]), mix(BLUE[1]), mix(BLUE[2]), Math.round((alpha / SAMPLES ** 2) * 255)];
  });
  writeFileSync(resolve(out, `${size}.png`), image);
}
console.log(`Icons written to ${out}`);
