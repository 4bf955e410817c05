/**
 * A SyncTransport wrapper that injects network faults, deterministically: each call takes the next
 * fault from a script (set by the test) or, when the script is empty, draws one from a seeded PRNG
 * with configurable probabilities. A switch turns all new faults off (the quiescence phase).
 *
 * Faults (per call):
 * - drop: the request never reaches the server (a network error).
 * - loseResponse: the server answers (and has committed), then the connection dies.
 * - duplicate: the request reaches the server twice; the caller gets the second answer.
 * - unavailable: the server answers 503 without looking at the request.
 * - hold: a push is held in the network and the caller times out; it is delivered later, AFTER a
 *   later push of the same device, as a stale duplicate whose answer nobody reads. (A device never
 *   has two syncs in flight, so this is the only reordering a real tablet can see.) On pull it acts
 *   as drop: a late read whose answer nobody reads changes nothing.
 *
 * Every error thrown here is an InjectedFault, so tests can tell injected failures from real ones.
 */
import type { SyncTransport } from '../../../src/client/sync/engine.ts';
import { SyncHttpError } from '../../../src/client/sync/transport.ts';
import type { PullResponse, PushRequest, PushResponse } from '../../../src/shared/sync/protocol.ts';

export const faultKinds = ['drop', 'loseResponse', 'duplicate', 'unavailable', 'hold'] as const;
export type FaultKind = (typeof faultKinds)[number];
export type Fault = FaultKind | 'none';

export type FaultProbabilities = Partial<Record<FaultKind, number>>;

export const defaultProbabilities: Required<FaultProbabilities> = {
  drop: 0.08,
  loseResponse: 0.08,
  duplicate: 0.08,
  unavailable: 0.05,
  hold: 0.06,
};

export class InjectedFault extends SyncHttpError {
  override name = 'InjectedFault';
  readonly fault: FaultKind;
  constructor(fault: FaultKind, kind: 'network' | 'server', status: number, message: string) {
    super(kind, status, kind === 'server' ? 'internal' : 'network', message);
    this.fault = fault;
  }
}

export const isInjectedFault = (error: unknown): error is InjectedFault => error instanceof InjectedFault;

export type TransportEvent = {
  call: number;
  method: 'push' | 'pull';
  fault: Fault;
  /** For pushes: the mutation ids sent; for pulls: the cursor. */
  detail: string;
};

export type FaultyTransport = SyncTransport & {
  /** The switch: false stops all new faults (held requests are still delivered). */
  enabled: boolean;
  /** Faults for the next calls, in order (replacing any left over); they take precedence over the random draw. */
  script(faults: readonly Fault[]): void;
  /** Runs `action` during the n-th next call (0 = the next), after the server has answered. */
  interleave(nthCall: number, action: () => Promise<void>): void;
  /** Removes the interleaved actions that have not run (the sync ended first) and returns them. */
  cancelInterleaved(): (() => Promise<void>)[];
  /** Delivers every held request now (their answers are dropped, as in the real network). */
  flushHeld(): Promise<void>;
  readonly heldCount: number;
  /** What happened per call, for failure reports. */
  readonly log: TransportEvent[];
  /** Errors other than faults raised by stale deliveries (should stay empty). */
  readonly staleErrors: unknown[];
};

/** mulberry32: small, fast, good enough to draw faults reproducibly from a seed. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function faultyTransport(
  inner: SyncTransport,
  options: { seed?: number; probabilities?: FaultProbabilities; enabled?: boolean } = {},
): FaultyTransport {
  const random = prng(options.seed ?? 1);
  const probabilities = options.probabilities ?? defaultProbabilities;
  const scripted: Fault[] = [];
  const interleaved = new Map<number, (() => Promise<void>)[]>();
  const held: PushRequest[] = [];
  const log: TransportEvent[] = [];
  const staleErrors: unknown[] = [];
  let calls = 0;

  const draw = (): Fault => {
    const r = random();
    let acc = 0;
    for (const kind of faultKinds) {
      acc += probabilities[kind] ?? 0;
      if (r < acc) return kind;
    }
    return 'none';
  };

  const next = (): Fault => {
    if (!transport.enabled) {
      scripted.length = 0;
      return 'none';
    }
    return scripted.length > 0 ? (scripted.shift() ?? 'none') : draw();
  };

  /** Runs the actions planned for this call (e.g. the user saving while the request is in flight). */
  const during = async (call: number) => {
    const actions = interleaved.get(call) ?? [];
    interleaved.delete(call);
    for (const action of actions) await action();
  };

  const deliverStale = async () => {
    while (held.length > 0) {
      const request = held.shift() as PushRequest;
      try {
        await inner.push(request);
      } catch (error) {
        staleErrors.push(error);
      }
    }
  };

  async function withFault<T>(method: 'push' | 'pull', detail: string, send: () => Promise<T>, hold?: () => void) {
    const call = calls++;
    const fault = next();
    log.push({ call, method, fault, detail });
    switch (fault) {
      case 'drop':
        await during(call);
        throw new InjectedFault(fault, 'network', 0, 'injected: request dropped');
      case 'unavailable':
        await during(call);
        throw new InjectedFault(fault, 'server', 503, 'injected: 503 Service Unavailable');
      case 'hold':
        if (hold) hold();
        await during(call);
        throw new InjectedFault(fault, 'network', 0, 'injected: request held (timed out)');
      case 'loseResponse':
        await send();
        await during(call);
        throw new InjectedFault(fault, 'network', 0, 'injected: response lost after commit');
      case 'duplicate': {
        await send();
        const second = await send();
        await during(call);
        return second;
      }
      default: {
        const answer = await send();
        await during(call);
        return answer;
      }
    }
  }

  const transport: FaultyTransport = {
    enabled: options.enabled ?? true,
    async push(body: PushRequest): Promise<PushResponse> {
      const stale = held.length > 0;
      const copy = structuredClone(body);
      try {
        return await withFault(
          'push',
          body.mutations.map((m) => `${m.op}:${m.clientSeq}`).join(','),
          () => inner.push(body),
          () => held.push(copy),
        );
      } finally {
        // The stale copies arrive after this later request (also when this one failed).
        if (stale) await deliverStale();
      }
    },
    pull(since: string, limit: number): Promise<PullResponse> {
      return withFault('pull', `since=${since}&limit=${limit}`, () => inner.pull(since, limit));
    },
    script(faults) {
      scripted.splice(0, scripted.length, ...faults);
    },
    interleave(nthCall, action) {
      const call = calls + nthCall;
      interleaved.set(call, [...(interleaved.get(call) ?? []), action]);
    },
    cancelInterleaved() {
      const left = [...interleaved.entries()].sort(([a], [b]) => a - b).flatMap(([, actions]) => actions);
      interleaved.clear();
      return left;
    },
    flushHeld: deliverStale,
    get heldCount() {
      return held.length;
    },
    log,
    staleErrors,
  };
  return transport;
}
