/**
 * The JSON body parser: checks the nesting depth of the raw text with one iterative scan BEFORE
 * JSON.parse, so no recursive code (zod, JSON.stringify in the ledger, structural comparison) ever
 * sees a body that could overflow the stack (issue 14: ~4,400 nested arrays in 9 KB gave a 500).
 * Parsing itself stays Fastify's secure parser (prototype-poisoning protection).
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { HttpError } from './errors.ts';

/** Deeper than any record kind needs (the push envelope adds 3 levels to a record's own ~6). */
export const MAX_JSON_DEPTH = 32;

/** The deepest nesting of objects and arrays in a JSON text (brackets inside strings do not count). */
export function jsonDepth(text: string, stopAbove = Number.POSITIVE_INFINITY): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92)
        i++; // backslash: skip the escaped character
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 91 || c === 123) {
      depth++;
      if (depth > max) {
        max = depth;
        if (max > stopAbove) return max;
      }
    } else if (c === 93 || c === 125) depth--;
  }
  return max;
}

export function registerJsonParser(app: FastifyInstance): void {
  const parse = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser(
    'application/json',
    { parseAs: 'string' },
    (request: FastifyRequest, body: string | Buffer, done: (err: Error | null, body?: unknown) => void) => {
      const text = typeof body === 'string' ? body : body.toString('utf8');
      if (jsonDepth(text, MAX_JSON_DEPTH) > MAX_JSON_DEPTH) {
        done(
          new HttpError('invalid_request', `The JSON body nests deeper than ${MAX_JSON_DEPTH} levels.`, {
            maxDepth: MAX_JSON_DEPTH,
          }),
        );
        return;
      }
      parse(request, text, done);
    },
  );
}
