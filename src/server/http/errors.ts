/**
 * The API's one error shape, `{"error": {"code", "message", "details"?}}` (sync-protocol.md), with
 * the codes of src/shared/sync/protocol.ts. Bad input always maps to a 4xx; anything unexpected is
 * a 500 `internal` with no stack or message leaked to the client.
 */
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

export function errorHandler(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  const known = error instanceof HttpError ? error : fromFastify(error);
  if (known) {
    reply.code(known.statusCode).send(errorBody(known.code, known.message, known.details));
    return;
  }
  request.log.error({ err: error }, 'unhandled error');
  reply.code(500).send(errorBody('internal', 'Internal server error. The request may be retried.'));
}
