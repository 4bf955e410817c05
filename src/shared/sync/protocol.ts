/**
 * The fixed REST sync contract (sync-protocol.md) as zod schemas: what the client sends and what the
 * server answers. The server parses requests with these; the client parses responses with these
 * (the network is untrusted, style.md habit 6).
 */
import * as z from 'zod/mini';
import { syncRecordSchema } from './record.ts';

export { loginRequestSchema, loginResponseSchema, type User, userSchema } from './session-schemas.ts';

/** Typed error codes of the API. Each one exists for a reason a client can act on. */
export const errorCodes = [
  'invalid_request', // the body or query does not match the contract: fix the client
  'invalid_credentials', // wrong username or password
  'unauthorized', // missing, expired or revoked token: log in again
  'forbidden', // the user's role may not do this
  'not_found', // no such route or resource
  'payload_too_large', // body over the size limit: send smaller batches
  'rate_limited', // too many attempts: wait Retry-After seconds
  'schema_version_unsupported', // the client speaks a schema version the server does not know
  'internal', // a bug on the server; the request may be retried
  'storage_unavailable', // the database cannot be written (read-only or full disk): retry later, keep the outbox
  'device_mismatch', // the push names another device than the token's, or a device of another user
  'device_revoked', // this device was revoked by an admin: the app wipes its local store
  'account_disabled', // the account was disabled by an admin
  'password_change_required', // a reset password must be changed before anything else
  'weak_password', // the new password fails the password policy (details.reason)
  'already_exists', // e.g. a username that is taken
  'escrow_exists', // the device already has an escrow copy of another key
] as const;
export type ErrorCode = (typeof errorCodes)[number];

export { type ApiError, apiErrorSchema } from './session-schemas.ts';

/** Per-mutation rejection codes (status "rejected"). */
export const rejectionCodes = [
  'unknown_kind', // the kind is not a record kind of this server
  'invalid_data', // data fails the kind's schema; details lists the fields and message keys
  'not_found', // update or delete of a record the team does not have
  'already_exists', // create with an id that is taken by another record
  'forbidden', // the user's role may not write this kind (e.g. settings by a nurse)
  // The journal rules (write-rules.ts), kept by the server for every kind:
  'final_record', // a signed record, anything of a signed visit, a correction or an audit event was to change
  'not_author', // a draft was to be changed, signed or deleted by someone other than its author
  'identity_mismatch', // an author, signer or user id in the data is not the signed-in user
  'invalid_correction', // a correction that names no signed original of the same kind and subject, or is unsigned
  'reference_missing', // a family, child, visit, course … id that names no record of the team
  'reference_mismatch', // a referenced record is about another family, child, visit, course or session
  'signed_at_invalid', // the device's time of signing lies in the server's future or before the record existed
  'sign_incomplete', // a visit signed without its template's required sections
  'legal_basis_missing', // a disclosure (handover, meeting, shared result, enrolment) without an active consent or a justified exception on its date
] as const;
export type RejectionCode = (typeof rejectionCodes)[number];

export const mutationSchema = z.object({
  mutationId: z.uuid(),
  clientSeq: z.int().check(z.gte(0)),
  kind: z.string().check(z.minLength(1), z.maxLength(64)),
  id: z.uuid(),
  op: z.enum(['create', 'update', 'delete']),
  baseRev: z.int().check(z.gte(0)),
  data: z.optional(z.record(z.string(), z.unknown())),
});
export type Mutation = z.infer<typeof mutationSchema>;

export const pushRequestSchema = z.object({
  deviceId: z.string().check(z.minLength(1), z.maxLength(100)),
  schemaVersion: z.int().check(z.gte(1)),
  mutations: z.array(mutationSchema).check(z.maxLength(1000)),
});
export type PushRequest = z.infer<typeof pushRequestSchema>;

export const mutationStatuses = ['applied', 'merged', 'duplicate', 'conflict', 'rejected'] as const;
export type MutationStatus = (typeof mutationStatuses)[number];

export const mutationResultSchema = z.object({
  mutationId: z.string(),
  status: z.enum(mutationStatuses),
  rev: z.optional(z.int()),
  record: z.optional(syncRecordSchema),
  conflictId: z.optional(z.string()),
  error: z.optional(z.object({ code: z.string(), message: z.string(), details: z.optional(z.unknown()) })),
});
export type MutationResult = z.infer<typeof mutationResultSchema>;

export const pushResponseSchema = z.object({ results: z.array(mutationResultSchema) });
export type PushResponse = z.infer<typeof pushResponseSchema>;

export const pullResponseSchema = z.object({
  changes: z.array(syncRecordSchema),
  conflicts: z.array(syncRecordSchema),
  nextSince: z.string(),
  hasMore: z.boolean(),
});
export type PullResponse = z.infer<typeof pullResponseSchema>;

export const PULL_LIMIT_DEFAULT = 500;
export const PULL_LIMIT_MAX = 1000;
