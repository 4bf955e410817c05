/**
 * The password's key: Argon2id (memory-hard, OWASP's first recommendation) from hash-wasm's
 * WebAssembly build, run in a worker in the browser so the screen stays responsive while it works.
 * The parameters are stored with each wrapped key, so they can be raised later without locking
 * anyone out (docs/decisions/0013-encrypted-local-store.md).
 */

export type KdfParams = {
  alg: 'argon2id';
  /** Memory in KiB (OWASP minimum: 19 MiB with 2 passes). */
  memoryKiB: number;
  iterations: number;
  parallelism: number;
  salt: Uint8Array;
};

/** OWASP Password Storage Cheat Sheet (2025): Argon2id, m = 19 MiB, t = 2, p = 1. */
export const DEFAULT_KDF = { alg: 'argon2id', memoryKiB: 19456, iterations: 2, parallelism: 1 } as const;

/**
 * The PIN's key: lighter (the PIN is typed many times a day and must open in well under a second
 * on a tablet), still memory-hard. Six digits cannot resist an attacker with a copy of the profile
 * and time; what protects them is the 5-try limit on the device and revocation (decision 0060).
 */
export const PIN_KDF = { alg: 'argon2id', memoryKiB: 12288, iterations: 2, parallelism: 1 } as const;

export const newKdfParams = (base: Omit<KdfParams, 'salt'> = DEFAULT_KDF): KdfParams => ({
  ...base,
  salt: crypto.getRandomValues(new Uint8Array(16)),
});

export type KdfRequest = { password: string; params: KdfParams };

/** Derives 32 bytes from the password (in a worker when the page has workers). */
export async function deriveKey(password: string, params: KdfParams): Promise<Uint8Array> {
  if (typeof window !== 'undefined' && typeof Worker !== 'undefined') return inWorker({ password, params });
  return argon2(password, params);
}

/** Argon2id on this thread (tests, pages without workers): its own lazy chunk. */
export async function argon2(password: string, params: KdfParams): Promise<Uint8Array> {
  return (await import('./argon2.ts')).argon2(password, params);
}

function inWorker(request: KdfRequest): Promise<Uint8Array> {
  const worker = new Worker(new URL('./kdf-worker.ts', import.meta.url), { type: 'module' });
  return new Promise<Uint8Array>((resolve, reject) => {
    worker.onmessage = (event: MessageEvent<{ key?: Uint8Array; error?: string }>) => {
      worker.terminate();
      if (event.data.key) resolve(event.data.key);
      else reject(new Error(event.data.error ?? 'key derivation failed'));
    };
    worker.onerror = (event) => {
      worker.terminate();
      reject(new Error(event.message || 'key derivation failed'));
    };
    worker.postMessage(request);
  });
}
