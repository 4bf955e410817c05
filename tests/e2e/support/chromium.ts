/**
 * The system Chromium and the flags this machine needs (tooling.md): Playwright cannot download its
 * own browsers here. CHROMIUM_PATH points at another build.
 */
export const chromiumPath = () => process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const chromiumArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
