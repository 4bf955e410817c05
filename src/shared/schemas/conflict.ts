/**
 * A sync conflict (sync-protocol.md guarantee 3): created by the server when a change was based on a
 * revision someone else has since changed on an overlapping field, or for edit-versus-delete. Both
 * versions are kept. Conflicts sync to the whole team like records; a device resolves one by
 * pushing an ordinary update to the record and then an update to the conflict setting it resolved.
 */
import * as z from 'zod/mini';

export const conflictSchema = z.object({
  recordKind: z.string(),
  recordId: z.uuid(),
  mutationId: z.uuid(),
  deviceId: z.string(),
  /** Who made the change that conflicted, and when the server received it. */
  author: z.string(),
  receivedAt: z.iso.datetime({ offset: true }),
  op: z.enum(['update', 'delete']),
  baseRev: z.int().check(z.gte(0)),
  /** The server record's rev when the conflict was detected. */
  serverRev: z.int().check(z.gte(0)),
  /** The conflicting change: the changed fields (update) or null (delete). */
  mine: z.nullable(z.record(z.string(), z.unknown())),
  /** The server's document when the conflict was detected (null when it was deleted). */
  theirs: z.nullable(z.record(z.string(), z.unknown())),
  /** Fields changed on both sides. */
  fields: z.array(z.string()),
  status: z.enum(['open', 'resolved']),
  resolvedBy: z._default(z.string(), ''),
  resolvedAt: z._default(z.string(), ''),
});
export type Conflict = z.infer<typeof conflictSchema>;

/** What a client may change on a conflict: only its resolution. */
export const conflictResolutionSchema = z.object({ status: z.literal('resolved') });
