/**
 * afterFirstSync: the service worker's precache waits for the first sync after the first screen
 * (a first login downloads the whole caseload), and for no longer than its limit.
 */
import { describe, expect, it } from 'vitest';
import { markFirstScreen } from '../pwa/first-screen.ts';
import { afterFirstSync, useSyncActivity } from './activity.ts';

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
// afterFirstScreen waits for an idle moment (200 ms without requestIdleCallback).
const IDLE = 250;

describe('afterFirstSync', () => {
  markFirstScreen();

  it('runs once the sync that started after the first screen has finished, and only once', async () => {
    useSyncActivity.setState({ state: 'idle' });
    let runs = 0;
    afterFirstSync(() => {
      runs += 1;
    }, 5000);
    await wait(IDLE);
    expect(runs).toBe(0); // idle before any sync started: not yet
    useSyncActivity.setState({ state: 'syncing' });
    useSyncActivity.setState({ state: 'syncing', progress: { phase: 'pull', pulled: 10 } as never });
    expect(runs).toBe(0);
    useSyncActivity.setState({ state: 'idle', progress: null });
    expect(runs).toBe(1);
    useSyncActivity.setState({ state: 'syncing' });
    useSyncActivity.setState({ state: 'error' });
    expect(runs).toBe(1);
  });

  it('runs after its limit when no sync comes (offline)', async () => {
    useSyncActivity.setState({ state: 'offline' });
    let runs = 0;
    afterFirstSync(() => {
      runs += 1;
    }, 100);
    await wait(IDLE + 300);
    expect(runs).toBe(1);
  });
});
