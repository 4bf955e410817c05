/**
 * Server configuration from environment variables, parsed with zod at start-up so a bad value stops
 * the server with a clear message instead of surfacing later (style.md habit 10). `parseConfig` is
 * pure; creating DATA_DIR is the caller's side effect (main.ts, the admin CLI).
 */
import { isIP } from 'node:net';
import { resolve } from 'node:path';
import * as z from 'zod/mini';

const logLevels = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/** An optional env var: when unset, `fallback` is parsed as if it had been given. */
const withDefault = <T extends z.ZodMiniType<unknown, string>>(schema: T, fallback: z.input<T>) =>
  z.prefault(schema, fallback);

const wholeNumber = (name: string, min: number, max: number) =>
  z.pipe(
    z.string().check(z.regex(/^\s*-?\d+\s*$/, { error: `${name} must be a whole number` })),
    z.pipe(
      z.transform(Number),
      z
        .number()
        .check(
          z.gte(min, { error: `${name} must be between ${min} and ${max}` }),
          z.lte(max, { error: `${name} must be between ${min} and ${max}` }),
        ),
    ),
  );

/** One address or CIDR range: `10.0.0.1`, `10.0.0.0/8`, `::1`, `fd00::/8`. */
function isAddressOrRange(entry: string): boolean {
  const [address = '', prefix, ...rest] = entry.split('/');
  const family = isIP(address);
  if (family === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  const bits = Number(prefix);
  return /^\d{1,3}$/.test(prefix) && bits <= (family === 4 ? 32 : 128);
}

const trustProxyError =
  'TRUST_PROXY must be false, true, a hop count (1–10) or a comma-separated list of proxy addresses/CIDR ranges';

/**
 * Which proxies may tell the client's address in X-Forwarded-For (Fastify `trustProxy`). false:
 * the socket's address (no proxy). A list: only those proxies (recommended behind a TLS proxy).
 * A number: that many hops. true: any (only when nothing but the proxy can reach the server).
 */
const trustProxySchema = z.pipe(
  z.string().check(
    z.trim(),
    z.refine(
      (v) =>
        ['true', 'false'].includes(v.toLowerCase()) ||
        (/^\d{1,2}$/.test(v) && Number(v) >= 1 && Number(v) <= 10) ||
        v.split(',').every((e) => isAddressOrRange(e.trim())),
      { error: trustProxyError },
    ),
  ),
  z.transform((v): TrustProxy => {
    const lower = v.toLowerCase();
    if (lower === 'true' || lower === 'false') return lower === 'true';
    if (/^\d+$/.test(v)) return Number(v);
    return v.split(',').map((e) => e.trim());
  }),
);

export type TrustProxy = boolean | number | string[];

/** The legal floor: journals are kept at least 10 years after the last entry (domain.md §6). */
export const JOURNAL_RETENTION_MIN_YEARS = 10;

const journalRetentionYears = z.pipe(
  z.string().check(z.regex(/^\s*-?\d+\s*$/, { error: 'JOURNAL_RETENTION_YEARS must be a whole number of years' })),
  z.pipe(
    z.transform(Number),
    z.number().check(
      z.gte(JOURNAL_RETENTION_MIN_YEARS, {
        error:
          'JOURNAL_RETENTION_YEARS must be at least 10: journal material is kept at least 10 years after the ' +
          'last entry (journalføringsbekendtgørelsen)',
      }),
      z.lte(100, { error: 'JOURNAL_RETENTION_YEARS must be at most 100' }),
    ),
  ),
);

const envSchema = z.object({
  HOST: withDefault(z.string().check(z.trim(), z.minLength(1)), '127.0.0.1'),
  PORT: withDefault(wholeNumber('PORT', 1, 65535), '8080'),
  DATA_DIR: withDefault(z.string(), './data'),
  LOG_LEVEL: withDefault(z.enum(logLevels, { error: `LOG_LEVEL must be one of ${logLevels.join(', ')}` }), 'info'),
  TOKEN_TTL_DAYS: withDefault(wholeNumber('TOKEN_TTL_DAYS', 1, 3650), '30'),
  TOKEN_IDLE_HOURS: withDefault(wholeNumber('TOKEN_IDLE_HOURS', 1, 24 * 365), '12'),
  TRUST_PROXY: withDefault(trustProxySchema, 'false'),
  DEVICE_STALE_DAYS: withDefault(wholeNumber('DEVICE_STALE_DAYS', 1, 365), '7'),
  // Audit events are evidence of who saw a citizen's data: at least a year, default ten.
  AUDIT_RETENTION_DAYS: withDefault(wholeNumber('AUDIT_RETENTION_DAYS', 365, 36500), '3650'),
  JOURNAL_RETENTION_YEARS: withDefault(journalRetentionYears, '10'),
});

export type LogLevel = (typeof logLevels)[number];

export type Config = {
  host: string;
  port: number;
  /** Absolute path of the data directory. */
  dataDir: string;
  logLevel: LogLevel;
  /** Absolute token lifetime. */
  tokenTtlDays: number;
  /** A token unused for this long stops working (the next sync asks for a login). */
  tokenIdleHours: number;
  trustProxy: TrustProxy;
  /** A device that has not synced for this many days is flagged in the admin's device list. */
  deviceStaleDays: number;
  auditRetentionDays: number;
  /**
   * Journal material is kept at least this many years after a family's last entry. The server
   * purges no journal material at all (records are never deleted; a database trigger refuses it),
   * so this is the floor any future purge must keep, and what operations.md tells the municipality.
   */
  journalRetentionYears: number;
};

/** The settings an app needs beyond where it listens; tests override single ones. */
export type AppSettings = Pick<
  Config,
  'logLevel' | 'tokenTtlDays' | 'tokenIdleHours' | 'trustProxy' | 'deviceStaleDays' | 'auditRetentionDays'
>;

export const defaultAppSettings: AppSettings = {
  logLevel: 'info',
  tokenTtlDays: 30,
  tokenIdleHours: 12,
  trustProxy: false,
  deviceStaleDays: 7,
  auditRetentionDays: 3650,
};

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Parses the environment; throws ConfigError listing every bad variable. */
export function parseConfig(env: Record<string, string | undefined>, cwd = process.cwd()): Config {
  // An empty variable (`PORT=`) means "use the default", like an unset one.
  const given = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== ''));
  const result = envSchema.safeParse(given);
  if (!result.success) {
    const lines = result.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = result.data;
  return {
    host: e.HOST,
    port: e.PORT,
    dataDir: resolve(cwd, e.DATA_DIR),
    logLevel: e.LOG_LEVEL,
    tokenTtlDays: e.TOKEN_TTL_DAYS,
    tokenIdleHours: e.TOKEN_IDLE_HOURS,
    trustProxy: e.TRUST_PROXY,
    deviceStaleDays: e.DEVICE_STALE_DAYS,
    auditRetentionDays: e.AUDIT_RETENTION_DAYS,
    journalRetentionYears: e.JOURNAL_RETENTION_YEARS,
  };
}
