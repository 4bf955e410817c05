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

describe('push bodies', () => {
  const pushBody = (names: number) => ({
    deviceId: 'd',
    schemaVersion: 1,
    mutations: Array.from({ length: names }, (_, i) => ({
      mutationId: crypto.randomUUID(),
      clientSeq: i + 1,
      kind: 'family',
      id: crypto.randomUUID(),
      op: 'create' as const,
      baseRev: 0,
      data: { name: `Familien ${i}` },
    })),
  });

  async function sent(body: ReturnType<typeof pushBody>) {
    let init: RequestInit | undefined;
    const transport = httpTransport({
      baseUrl: 'http://server',
      token: () => 't',
      fetch: (_url, i) => {
        init = i;
        return answer(200, { results: [] });
      },
    });
    await transport.push(body);
    return init as RequestInit;
  }

  it('a batch is sent gzipped with Content-Encoding: gzip and inflates to the same JSON', async () => {
    const body = pushBody(50);
    const init = await sent(body);
    const headers = init.headers as Record<string, string>;
    expect(headers['content-encoding']).toBe('gzip');
    expect(headers['content-type']).toBe('application/json');
    expect(headers.authorization).toBe('Bearer t');
    expect(init.body).toBeInstanceOf(ArrayBuffer);
    const bytes = new Uint8Array(init.body as ArrayBuffer);
    expect([bytes[0], bytes[1]]).toEqual([0x1f, 0x8b]); // the gzip magic number
    const json = JSON.stringify(body);
    expect(bytes.length).toBeLessThan(json.length / 2);
    const inflated = new Response(new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip')));
    expect(JSON.parse(await inflated.text())).toEqual(body);
  });

  it('a small body goes as plain JSON', async () => {
    const init = await sent(pushBody(0));
    expect((init.headers as Record<string, string>)['content-encoding']).toBeUndefined();
    expect(init.body).toBe(JSON.stringify(pushBody(0)));
  });
});
