/** What the route modules need from the app: the store, the settings, the clock and the login limiter. */
import type { LoginLimiter } from '../auth/login-limiter.ts';
import type { KdfParams } from '../auth/passwords.ts';
import type { AppSettings } from '../config.ts';
import type { Store } from '../store/db.ts';

export type RouteDeps = {
  store: Store;
  config: AppSettings;
  limiter: LoginLimiter;
  now: () => Date;
  /** Password hashing for new hashes (tests use cheap parameters); default Argon2id at OWASP's minimum. */
  kdf?: KdfParams;
};
