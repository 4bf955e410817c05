import { describe, expect, it } from 'vitest';
import { httpTransport, SyncHttpError } from './transport.ts';

const answer = (status: number, body: unknown) =>
  Promise.resolve(new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } }));

describe('httpTransport', () => {
  it('tells when the server answered a request successfully (the scheduler resets its backoff)', async () => {
    const answers = [
      answer(503, { error: { code: 'unavailable', message: 'down' } }),
      answer(200, { changes: [], conflicts: [], nextSince: '0', hasMore: false }),
    ];
    let successes = 0;
    const signals: (AbortSignal | null | undefined)[] = [];
    const transport = httpTransport({
      baseUrl: 'http://server',
      token: () => 't',
      fetch: (_url, init) => {
        signals.push(init?.signal);
        return answers.shift() ?? answer(500, {});
      },
      onResponse: () => successes++,
    });
    await expect(transport.pull('0', 10)).rejects.toBeInstanceOf(SyncHttpError);
    expect(successes).toBe(0);
    await transport.pull('0', 10);
    expect(successes).toBe(1);
    // Every request can time out: a dead connection never holds the sync for good.
    expect(signals.every((s) => s instanceof AbortSignal)).toBe(true);
  });
});
