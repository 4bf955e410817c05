/**
 * Server configuration from environment variables, parsed with zod at start-up so a bad value stops
 * the server with a clear message instead of surfacing later (style.md habit 10). `parseConfig` is
 * pure; creating DATA_DIR is the caller's side effect (main.ts, the admin CLI).
 */
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

const envSchema = z.object({
  HOST: withDefault(z.string().check(z.trim(), z.minLength(1)), '127.0.0.1'),
  PORT: withDefault(wholeNumber('PORT', 1, 65535), '8080'),
  DATA_DIR: withDefault(z.string(), './data'),
  LOG_LEVEL: withDefault(z.enum(logLevels, { error: `LOG_LEVEL must be one of ${logLevels.join(', ')}` }), 'info'),
  TOKEN_TTL_DAYS: withDefault(wholeNumber('TOKEN_TTL_DAYS', 1, 3650), '30'),
});

export type LogLevel = (typeof logLevels)[number];

export type Config = {
  host: string;
  port: number;
  /** Absolute path of the data directory. */
  dataDir: string;
  logLevel: LogLevel;
  tokenTtlDays: number;
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
  };
}
