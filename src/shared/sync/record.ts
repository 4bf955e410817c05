/**
 * The synced record envelope of the REST contract (sync-protocol.md): the server's canonical form
 * of every record, whatever its kind. `data` is validated per kind with schemas/kinds.ts.
 */
import * as z from 'zod/mini';

export const syncRecordSchema = z.object({
  kind: z.string(),
  id: z.uuid(),
  rev: z.int().check(z.gte(0)),
  seq: z.int().check(z.gte(0)),
  deleted: z.boolean(),
  updatedAt: z.iso.datetime({ offset: true }),
  updatedBy: z.string(),
  data: z.record(z.string(), z.unknown()),
});
export type SyncRecord = z.infer<typeof syncRecordSchema>;
