/**
 * `npm run store-assets`: the pictures of the store listings, from the demo. The demo's headless walk-through
 * (scripts/walk-through.ts) runs the built extension against the sandbox in Chromium at 1280×800; four of its
 * screenshots, and one of the panel in the dark scheme (also the README's docs/screenshots/panel-dark.png), become the
 * listing's screenshots, each again at 640×400, beside a 440×280 promo tile. Written to .output/store-assets/
 * (git-ignored); each file's size is checked before its path is printed. `-- --no-build` uses the build there is.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
export const ASSETS_DIR = resolve(root, '.output', 'store-assets');

export interface Size {
  width: number;
  height: number;
}

/** Both stores take 1280×800 (Chrome also 640×400); Chrome's small promo tile is 440×280. */
export const SCREENSHOT_SIZES: readonly Size[] = [
  { width: 1280, height: 800 },
  { width: 640, height: 400 },
];
export const PROMO_TILE: Size = { width: 440, height: 280 };
/** Chrome shows at most five. */
export const MAX_SCREENSHOTS = 5;

/** The listing's screenshots: a walk-through step's picture, or the dark panel this script takes itself. */
export const LISTING_SHOTS = [
  { name: 'choose', from: '05-choose' },
  { name: 'verified', from: '07-result' },
  { name: 'bulk-dry-run', from: '10-bulk-dry-run' },
  { name: 'audit-log', from: '09-audit' },
  { name: 'dark-panel', from: 'dark-panel' },
] as const;

export interface Asset extends Size {
  file: string;
  /** For a screenshot: the picture it is drawn from. */
  from?: string;
}

/** Every file the script writes, with the size it must have. */
export function plannedAssets(): Asset[] {
  return [
    ...LISTING_SHOTS.flatMap((shot, i) =>
      SCREENSHOT_SIZES.map((size) => ({
        file: `screenshot-${i + 1}-${shot.name}-${size.width}x${size.height}.png`,
        ...size,
        from: shot.from,
      })),
    ),
    { file: `promo-tile-${PROMO_TILE.width}x${PROMO_TILE.height}.png`, ...PROMO_TILE },
  ];
}

/** A PNG's size and whether it has an alpha channel (its IHDR chunk). */
export function pngInfo(png: Uint8Array): Size & { alpha: boolean } {
  const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  const header = Buffer.from(png.buffer, png.byteOffset, png.byteLength);
  if (
    header.length < 26 ||
    signature.some((byte, i) => header[i] !== byte) ||
    header.toString('latin1', 12, 16) !== 'IHDR'
  )
    throw new Error('Not a PNG');
  const colourType = header[25]!;
  // 4 grey with alpha, 6 RGBA.
  return {
    width: header.readUInt32BE(16),
    height: header.readUInt32BE(20),
    alpha: colourType === 4 || colourType === 6,
  };
}

/** What is wrong with a written asset: the stores want the exact size, and Chrome a PNG without alpha. */
export function assetProblems(png: Uint8Array, asset: Asset): string[] {
  const info = pngInfo(png);
  return [
    ...(info.width !== asset.width || info.height !== asset.height
      ? [`${asset.file} is ${info.width}×${info.height}, not ${asset.width}×${asset.height}`]
      : []),
    ...(info.alpha ? [`${asset.file} has an alpha channel`] : []),
  ];
}

async function main(args: string[]) {
  // Only when run: the unit tests import the pure parts above without a browser.
  const { SandboxControl } = await import('../sandbox/control-client');
  const { startSandbox } = await import('../sandbox/server');
  const { launchExtensionBrowser } = await import('./chromium');
  const { DEMO_USER, walkThrough } = await import('./walk-through');

  if (!args.includes('--no-build')) {
    const build = spawnSync('npx', ['wxt', 'build'], { cwd: root, stdio: 'inherit' });
    if (build.status !== 0) process.exit(build.status ?? 1);
  }
  rmSync(ASSETS_DIR, { recursive: true, force: true });
  mkdirSync(ASSETS_DIR, { recursive: true });
  const work = mkdtempSync(join(tmpdir(), 'badge-remover-store-'));
  const sandbox = await startSandbox({ port: 0 });
  const control = new SandboxControl(sandbox.origin);
  await control.reset();
  const browser = await launchExtensionBrowser(sandbox, { headless: true, viewport: SCREENSHOT_SIZES[0]! });
  const context = browser.context;
  const pictures = new Map<string, string>();
  try {
    for (const step of await walkThrough(context, browser.extensionId, control, work))
      pictures.set(basename(step.screenshot, '.png'), step.screenshot);

    // The panel in the dark scheme, on a user with default and custom badges the walk-through left alone.
    const user = (await control.getState()).data.users.find((u) => u.name === 'Kavya Rao');
    if (!user) throw new Error('The sandbox has no Kavya Rao');
    const desk = await context.newPage();
    await desk.emulateMedia({ colorScheme: 'dark' });
    await desk.goto(DEMO_USER.url.replace(/\/users\/\d+$/, `/users/${user.id}`));
    await desk.getByRole('button', { name: 'Remove badges' }).click();
    const panel = desk.frameLocator('badge-remover-control iframe.br-frame').getByRole('dialog');
    await panel.getByRole('button', { name: /Review removal/ }).waitFor();
    // The frame takes its height from a message: let it arrive (as the walk-through does).
    await desk.waitForTimeout(250);
    pictures.set('dark-panel', join(work, 'dark-panel.png'));
    await desk.screenshot({ path: pictures.get('dark-panel')! });

    // Each screenshot: its picture drawn at the asset's size in a page of that size.
    const canvas = await context.newPage();
    const assets = plannedAssets();
    for (const asset of assets.filter((a) => a.from)) {
      const source = pictures.get(asset.from!);
      if (!source) throw new Error(`The walk-through made no ${asset.from}.png`);
      const data = `data:image/png;base64,${readFileSync(source).toString('base64')}`;
      await canvas.setViewportSize({ width: asset.width, height: asset.height });
      await canvas.setContent(
        `<body style="margin:0"><img src="${data}" style="display:block;width:${asset.width}px;height:${asset.height}px"></body>`,
      );
      await canvas.screenshot({ path: join(ASSETS_DIR, asset.file) });
    }

    // The promo tile: the icon and the name on the theme's accent, in the theme's own tokens.
    const icon = `data:image/png;base64,${readFileSync(resolve(root, 'public', 'icon', '128.png')).toString('base64')}`;
    const theme = readFileSync(resolve(root, 'components', 'theme.css'), 'utf8');
    await canvas.emulateMedia({ colorScheme: 'light' });
    await canvas.setViewportSize(PROMO_TILE);
    await canvas.setContent(`<!doctype html><style>${theme}
      body { margin: 0; width: ${PROMO_TILE.width}px; height: ${PROMO_TILE.height}px; box-sizing: border-box;
        display: flex; align-items: center; gap: 20px; padding: 0 26px; font-family: var(--br-font-family);
        background: var(--br-accent); color: var(--br-on-accent); }
      img { width: 96px; height: 96px; flex: none; box-sizing: border-box; padding: 10px; border-radius: 20px;
        background: var(--br-surface); }
      h1 { font-size: 26px; line-height: 1.2; margin: 0 0 10px; white-space: nowrap; }
      p { font-size: 16px; line-height: 1.35; margin: 0; }
    </style><body><img src="${icon}" alt=""><div><h1>Badge Remover<br>for Zoho Desk</h1>
      <p>Remove community badges from Help Center users, verified.</p></div></body>`);
    await canvas.screenshot({ path: join(ASSETS_DIR, assets.find((a) => !a.from)!.file) });

    const problems = assets.flatMap((asset) => assetProblems(readFileSync(join(ASSETS_DIR, asset.file)), asset));
    if (problems.length) throw new Error(`Store assets not as the stores want them:\n${problems.join('\n')}`);
    console.log(`\nStore assets (see store/README.md):`);
    for (const asset of assets) console.log(`  ${join(ASSETS_DIR, asset.file)}  ${asset.width}×${asset.height}`);
  } finally {
    await browser.close();
    await sandbox.close();
    rmSync(work, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main(process.argv.slice(2)).then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
