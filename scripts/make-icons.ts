/**
 * Renders the app icons (192, 512, maskable 512, apple-touch 180) from one SVG design with the
 * system Chromium. Run once when the design changes: `node scripts/make-icons.ts`; the PNGs are
 * committed in public/icons.
 */
import { chromium } from '@playwright/test';
import { chromiumArgs, chromiumPath } from '../tests/e2e/support/chromium.ts';

const design = (size: number, safe: number) => `
<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 100 100">
  <rect width="100" height="100" fill="#1f5f5b"/>
  <g transform="translate(50 50) scale(${safe}) translate(-50 -50)">
    <circle cx="50" cy="50" r="30" fill="none" stroke="#f6f4ef" stroke-width="7"/>
    <circle cx="50" cy="20" r="8" fill="#f2b950"/>
    <text x="50" y="57" font-family="DejaVu Sans, Verdana, sans-serif" font-size="18" font-weight="700"
      text-anchor="middle" fill="#f6f4ef">1000</text>
  </g>
</svg>`;

const targets = [
  { file: 'icon-192.png', size: 192, safe: 1 },
  { file: 'icon-512.png', size: 512, safe: 1 },
  // Maskable: the design inside the 80% safe zone, background to the edges.
  { file: 'icon-maskable-512.png', size: 512, safe: 0.78 },
  { file: 'apple-touch-icon.png', size: 180, safe: 0.9 },
];

const browser = await chromium.launch({ executablePath: chromiumPath(), args: chromiumArgs });
const page = await browser.newPage();
for (const t of targets) {
  await page.setViewportSize({ width: t.size, height: t.size });
  await page.setContent(`<html><body style="margin:0">${design(t.size, t.safe)}</body></html>`);
  await page.screenshot({ path: `public/icons/${t.file}`, omitBackground: false });
  console.log(`public/icons/${t.file}`);
}
await browser.close();
