/**
 * Password hashing. New hashes use Argon2id at OWASP's current minimum (19 MiB, 2 passes, 1 lane;
 * node:crypto's argon2, Node 24), stored in the PHC string format with their parameters and salt:
 * `$argon2id$v=19$m=19456,t=2,p=1$<salt>$<hash>` (base64 without padding). Older scrypt hashes
 * (`scrypt$<N>$<r>$<p>$<salt>$<hash>`) still verify; `needsRehash` tells login to replace a hash
 * whose parameters are below the current ones, transparently, at the next successful login.
 */
import { argon2, randomBytes, scrypt, timingSafeEqual } from 'node:crypto';

export type ScryptParams = { N: number; r: number; p: number };
export type Argon2Params = { algorithm: 'argon2id'; memoryKiB: number; passes: number; parallelism: number };
export type KdfParams = ScryptParams | Argon2Params;

export const defaultKdfParams: Argon2Params = { algorithm: 'argon2id', memoryKiB: 19_456, passes: 2, parallelism: 1 };
const KEY_LENGTH = 32;
const SCRYPT_KEY_LENGTH = 64;

const isArgon2 = (params: KdfParams): params is Argon2Params => 'algorithm' in params;

function deriveScrypt(password: string, salt: Buffer, params: ScryptParams, keyLength: number): Promise<Buffer> {
  // 128·N·r bytes are needed; leave headroom over Node's 32 MiB default.
  const maxmem = 256 * params.N * params.r;
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFC'), salt, keyLength, { ...params, maxmem }, (error, key) =>
      error ? reject(error) : resolve(key),
    );
  });
}

function deriveArgon2(password: string, salt: Buffer, params: Argon2Params, keyLength: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    argon2(
      'argon2id',
      {
        message: password.normalize('NFC'),
        nonce: salt,
        memory: params.memoryKiB,
        passes: params.passes,
        parallelism: params.parallelism,
        tagLength: keyLength,
      },
      (error, key) => (error ? reject(error) : resolve(key)),
    );
  });
}

const b64 = (buffer: Buffer) => buffer.toString('base64').replace(/=+$/, '');

export async function hashPassword(password: string, params: KdfParams = defaultKdfParams): Promise<string> {
  const salt = randomBytes(16);
  if (isArgon2(params)) {
    const key = await deriveArgon2(password, salt, params, KEY_LENGTH);
    const settings = `m=${params.memoryKiB},t=${params.passes},p=${params.parallelism}`;
    return `$argon2id$v=19$${settings}$${b64(salt)}$${b64(key)}`;
  }
  const key = await deriveScrypt(password, salt, params, SCRYPT_KEY_LENGTH);
  return ['scrypt', params.N, params.r, params.p, salt.toString('base64'), key.toString('base64')].join('$');
}

type Parsed = { params: KdfParams; salt: Buffer; key: Buffer };

const positive = (...values: number[]) => values.every((v) => Number.isSafeInteger(v) && v > 0);

function parseHash(stored: string): Parsed | null {
  if (stored.startsWith('$argon2id$')) {
    const [, , version, settings, salt, key] = stored.split('$');
    const match = /^m=(\d+),t=(\d+),p=(\d+)$/.exec(settings ?? '');
    if (version !== 'v=19' || !match || !salt || !key) return null;
    const params: Argon2Params = {
      algorithm: 'argon2id',
      memoryKiB: Number(match[1]),
      passes: Number(match[2]),
      parallelism: Number(match[3]),
    };
    if (!positive(params.memoryKiB, params.passes, params.parallelism)) return null;
    return { params, salt: Buffer.from(salt, 'base64'), key: Buffer.from(key, 'base64') };
  }
  const [scheme, n, r, p, salt, key] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !key) return null;
  const params = { N: Number(n), r: Number(r), p: Number(p) };
  if (!positive(params.N, params.r, params.p)) return null;
  return { params, salt: Buffer.from(salt, 'base64'), key: Buffer.from(key, 'base64') };
}

/** Constant-time check of a password against a stored hash; false for a malformed hash. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parsed = parseHash(stored);
  if (!parsed || parsed.key.length === 0) return false;
  const candidate = isArgon2(parsed.params)
    ? await deriveArgon2(password, parsed.salt, parsed.params, parsed.key.length)
    : await deriveScrypt(password, parsed.salt, parsed.params, parsed.key.length);
  return timingSafeEqual(candidate, parsed.key);
}

/** True when a stored hash is weaker than `current` (another algorithm or lower parameters). */
export function needsRehash(stored: string, current: KdfParams = defaultKdfParams): boolean {
  const parsed = parseHash(stored);
  if (!parsed) return true;
  const p = parsed.params;
  if (isArgon2(current)) {
    return !(
      isArgon2(p) &&
      p.memoryKiB >= current.memoryKiB &&
      p.passes >= current.passes &&
      p.parallelism >= current.parallelism
    );
  }
  return isArgon2(p) ? false : p.N < current.N || p.r < current.r;
}

let dummyHash: Promise<string> | undefined;

/**
 * Spends the same work as verifying a real password, for a username that does not exist: the
 * response time then does not tell an attacker which usernames are valid.
 */
export async function verifyAgainstDummy(password: string): Promise<false> {
  dummyHash ??= hashPassword('dummy password for timing only');
  await verifyPassword(password, await dummyHash);
  return false;
}
