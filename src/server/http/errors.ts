/**
 * The API's one error shape, `{"error": {"code", "message", "details"?}}` (sync-protocol.md), with
 * the codes of src/shared/sync/protocol.ts. Bad input always maps to a 4xx; a database that cannot
 * be written (read-only, disk full) is a 503 `storage_unavailable`; anything else unexpected is a
 * 500 `internal` with no stack or message leaked to the client.
 */
import type { IncomingMessage } from 'node:http';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import type { ApiError, ErrorCode } from '../../shared/sync/protocol.ts';

const statusOf: Record<ErrorCode, number> = {
  invalid_request: 400,
  invalid_credentials: 401,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  payload_too_large: 413,
  rate_limited: 429,
  schema_version_unsupported: 409,
  internal: 500,
  storage_unavailable: 503,
  device_mismatch: 403,
  device_revoked: 401,
  account_disabled: 401,
  password_change_required: 403,
  weak_password: 400,
  already_exists: 409,
  escrow_exists: 409,
};

/** An error a route throws on purpose: it becomes exactly this code, status and message. */
export class HttpError extends Error {
  readonly code: ErrorCode;
  readonly statusCode: number;
  readonly details: unknown;
  constructor(code: ErrorCode, message: string, details?: unknown, statusCode = statusOf[code]) {
    super(message);
    this.code = code;
    this.statusCode = statusCode;
    this.details = details;
  }
}

export function errorBody(code: ErrorCode, message: string, details?: unknown): ApiError {
  return { error: details === undefined ? { code, message } : { code, message, details } };
}

/** SQLite result codes that mean "the store cannot be written now", not a bug. */
const storageCodes = /^SQLITE_(READONLY|FULL|IOERR|CANTOPEN|BUSY|LOCKED|PERM)/;

export function isStorageError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && storageCodes.test(code);
}

export const storageUnavailable = () =>
  new HttpError(
    'storage_unavailable',
    'The server cannot write its database (read-only or full disk). Nothing was changed; try again later.',
  );

/** Fastify's own 4xx errors (parsing, limits) mapped to a contract code and a readable message. */
function fromFastify(error: FastifyError): HttpError | null {
  const status = error.statusCode ?? 0;
  if (status < 400 || status >= 500) return null;
  switch (error.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new HttpError('payload_too_large', 'The request body is too large: send smaller batches.');
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new HttpError('invalid_request', 'Unsupported Content-Type: send application/json.', undefined, 415);
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return new HttpError('invalid_request', 'The JSON body is empty.');
    default:
      break;
  }
  if (status === 400 && (error.name === 'SyntaxError' || error.code === 'FST_ERR_CTP_INVALID_JSON_BODY')) {
    return new HttpError('invalid_request', 'The body is not valid JSON.');
  }
  const code: ErrorCode =
    status === 401
      ? 'unauthorized'
      : status === 404
        ? 'not_found'
        : status === 429
          ? 'rate_limited'
          : 'invalid_request';
  return new HttpError(code, 'The request is not valid.', undefined, status);
}

/** Reading (and discarding) an over-size body is bounded: beyond this, the socket is cut. */
const DRAIN_LIMIT_BYTES = 64 * 1024 * 1024;
const DRAIN_TIMEOUT_MS = 30_000;

/**
 * Reads the rest of a refused request body before answering: closing a socket the client is still
 * writing to makes the kernel reset it, and the client then never sees the 413 (issue 14: resets
 * for 5.3, 6 and 12 MB bodies), or the unread bytes are parsed as a next request (a bare 400).
 */
function drain(raw: IncomingMessage): Promise<void> {
  // A gzip body (request-encoding.ts) is piped into an inflater: detach it so nothing inflates on.
  raw.unpipe();
  if (raw.readableEnded || raw.destroyed) return Promise.resolve();
  return new Promise((resolve) => {
    let seen = 0;
    const finish = () => {
      clearTimeout(timer);
      raw.off('data', onData);
      resolve();
    };
    const onData = (chunk: Buffer) => {
      seen += chunk.length;
      if (seen > DRAIN_LIMIT_BYTES) {
        raw.destroy();
        finish();
      }
    };
    const timer = setTimeout(() => {
      raw.destroy();
      finish();
    }, DRAIN_TIMEOUT_MS);
    raw.on('data', onData);
    raw.once('end', finish);
    raw.once('close', finish);
    raw.once('error', finish);
    raw.resume();
  });
}

export async function errorHandler(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  const known = error instanceof HttpError ? error : isStorageError(error) ? storageUnavailable() : fromFastify(error);
  if (known) {
    if (known.code === 'payload_too_large') {
      await drain(request.raw);
      reply.header('connection', 'close');
    }
    if (known.code === 'storage_unavailable') {
      request.log.error({ err: error }, 'the database cannot be written');
      reply.header('retry-after', '30');
    }
    return reply.code(known.statusCode).send(errorBody(known.code, known.message, known.details));
  }
  request.log.error({ err: error }, 'unhandled error');
  return reply.code(500).send(errorBody('internal', 'Internal server error. The request may be retried.'));
}
