/**
 * Argon2id from hash-wasm's WebAssembly build. A static named import, so the bundler keeps only
 * Argon2id and its BLAKE2b (~10 KB gzip with the inlined wasm); a namespace `import('hash-wasm')`
 * kept every algorithm of the package (~79 KB gzip in the worker, docs/decisions/0070).
 */
import { argon2id } from 'hash-wasm';
import type { KdfParams } from './kdf.ts';

export function argon2(password: string, params: KdfParams): Promise<Uint8Array> {
  return argon2id({
    password,
    salt: params.salt,
    parallelism: params.parallelism,
    iterations: params.iterations,
    memorySize: params.memoryKiB,
    hashLength: 32,
    outputType: 'binary',
  });
}
