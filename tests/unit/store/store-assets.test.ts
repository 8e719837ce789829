/** npm run store-assets: what it writes, at which sizes, and the check each file passes before its path is printed. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  assetProblems,
  LISTING_SHOTS,
  MAX_SCREENSHOTS,
  PROMO_TILE,
  plannedAssets,
  pngInfo,
} from '../../../scripts/store-assets';

const root = resolve(import.meta.dirname, '../../..');
const png = (path: string) => readFileSync(resolve(root, path));

describe('the store assets', () => {
  it('are each listing screenshot at 1280×800 and 640×400, and a 440×280 promo tile', () => {
    const assets = plannedAssets();
    expect(LISTING_SHOTS.length).toBeLessThanOrEqual(MAX_SCREENSHOTS);
    for (const shot of LISTING_SHOTS) {
      const sizes = assets.filter((a) => a.from === shot.from).map((a) => `${a.width}×${a.height}`);
      expect(sizes, shot.name).toEqual(['1280×800', '640×400']);
    }
    expect(assets.filter((a) => !a.from)).toEqual([{ file: 'promo-tile-440x280.png', ...PROMO_TILE }]);
    expect(PROMO_TILE).toEqual({ width: 440, height: 280 });
    expect(new Set(assets.map((a) => a.file)).size).toBe(assets.length);
    for (const asset of assets) expect(asset.file).toContain(`${asset.width}x${asset.height}.png`);
  });

  it("read a PNG's size and alpha channel from its header", () => {
    expect(pngInfo(png('public/icon/128.png'))).toEqual({ width: 128, height: 128, alpha: true });
    expect(pngInfo(png('docs/screenshots/popup.png'))).toEqual({ width: 400, height: 560, alpha: false });
    expect(() => pngInfo(Buffer.from('GIF89a not a png at all'))).toThrow('Not a PNG');
  });

  it('refuse a file of the wrong size or with alpha', () => {
    const large = { file: 'screenshot-5-dark-panel-1280x800.png', width: 1280, height: 800 };
    // The README's dark panel is the script's own 1280×800 picture.
    expect(assetProblems(png('docs/screenshots/panel-dark.png'), large)).toEqual([]);
    expect(assetProblems(png('docs/screenshots/panel-dark.png'), { ...large, width: 640, height: 400 })).toEqual([
      'screenshot-5-dark-panel-1280x800.png is 1280×800, not 640×400',
    ]);
    expect(assetProblems(png('public/icon/128.png'), { file: 'icon.png', width: 128, height: 128 })).toEqual([
      'icon.png has an alpha channel',
    ]);
  });
});
