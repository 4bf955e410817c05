/**
 * Structured JSON logs (pino, through Fastify). Request bodies are never logged (Fastify's request
 * serializer does not include them); credentials are redacted in case a header or body is ever
 * attached to a log line.
 */
import type { FastifyServerOptions } from 'fastify';
import type { LogLevel } from '../config.ts';

export const redactPaths = [
  'req.headers.authorization',
  'req.headers.cookie',
  'headers.authorization',
  'body',
  'req.body',
  'password',
  '*.password',
  'token',
  '*.token',
];

export function loggerOptions(level: LogLevel): FastifyServerOptions['logger'] {
  return { level, redact: { paths: redactPaths, censor: '[redacted]' } };
}
