/** Parses untrusted input with a shared zod schema; a mismatch is a 400 `invalid_request` listing the issues. */
import * as z from 'zod/mini';
import { HttpError } from './errors.ts';

export function parseOr400<T extends z.core.$ZodType>(schema: T, input: unknown, what: string): z.core.output<T> {
  const result = z.safeParse(schema, input);
  if (result.success) return result.data;
  const details = result.error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message }));
  throw new HttpError('invalid_request', `The ${what} does not match the API contract.`, details);
}
