/** What the route modules need from the app: the store, the clock and the login limiter. */
import type { LoginLimiter } from '../auth/login-limiter.ts';
import type { Config } from '../config.ts';
import type { Store } from '../store/db.ts';

export type RouteDeps = {
  store: Store;
  config: Pick<Config, 'tokenTtlDays'>;
  limiter: LoginLimiter;
  now: () => Date;
};
