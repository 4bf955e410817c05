/** The PIN step of signing in, for the benchmarks that drive the real app (decision 0060). */
import type { Page } from '@playwright/test';
import { BENCH_PASSWORD } from './server.ts';

export const BENCH_PIN = '839174';

/** After the password opened the store, a nurse without a PIN chooses one before the app opens. */
export async function choosePinIfAsked(page: Page): Promise<void> {
  const choose = page.getByRole('heading', { level: 1, name: 'Vælg en pinkode' });
  await choose.or(page.getByRole('banner')).waitFor({ timeout: 300_000 });
  if (!(await choose.isVisible())) return;
  await page.getByLabel('Ny pinkode (6 cifre)').fill(BENCH_PIN);
  await page.getByLabel('Gentag pinkoden').fill(BENCH_PIN);
  await page.getByRole('button', { name: 'Gem pinkode' }).click();
}

/** Fills the lock screen's PIN (or the password when no PIN is offered); returns which. */
export async function fillUnlock(page: Page): Promise<'pin' | 'password'> {
  const pin = page.getByLabel('Pinkode (6 cifre)');
  await pin.or(page.getByLabel('Adgangskode')).waitFor();
  if (await pin.isVisible()) {
    await pin.fill(BENCH_PIN);
    return 'pin';
  }
  await page.getByLabel('Adgangskode').fill(BENCH_PASSWORD);
  return 'password';
}
