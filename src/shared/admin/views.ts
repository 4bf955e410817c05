/**
 * What the admin API answers (users, teams, devices, alerts, audit events), as zod schemas: the
 * server builds these views and the app's admin screens parse them (the network is untrusted).
 */
import * as z from 'zod/mini';

export const adminTeamSchema = z.object({ id: z.string(), name: z.string(), userCount: z.int() });
export type AdminTeam = z.infer<typeof adminTeamSchema>;

export const adminUserSchema = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  role: z.enum(['nurse', 'leader', 'admin']),
  teamId: z.string(),
  teamName: z.string(),
  status: z.enum(['active', 'disabled']),
  mustChangePassword: z.boolean(),
  createdAt: z.string(),
  lastLoginAt: z.nullable(z.string()),
  activeDevices: z.int(),
  liveSessions: z.int(),
});
export type AdminUser = z.infer<typeof adminUserSchema>;

export const adminDeviceSchema = z.object({
  id: z.string(),
  name: z.string(),
  registeredAt: z.string(),
  lastSeenAt: z.string(),
  lastSyncAt: z.nullable(z.string()),
  reportedAt: z.nullable(z.string()),
  unsyncedCount: z.nullable(z.int()),
  oldestUnsyncedAt: z.nullable(z.string()),
  revokedAt: z.nullable(z.string()),
  lostUnsyncedCount: z.nullable(z.int()),
  /** Not synced for DEVICE_STALE_DAYS or more (and not revoked). */
  stale: z.boolean(),
});
export type AdminDevice = z.infer<typeof adminDeviceSchema>;

export const adminAlertSchema = z.object({
  id: z.int(),
  kind: z.string(),
  userId: z.nullable(z.string()),
  username: z.nullable(z.string()),
  createdAt: z.string(),
  lastAt: z.string(),
  occurrences: z.int(),
});
export type AdminAlert = z.infer<typeof adminAlertSchema>;

export const usersResponseSchema = z.object({ users: z.array(adminUserSchema) });
export const teamsResponseSchema = z.object({ teams: z.array(adminTeamSchema) });
export const userResponseSchema = z.object({ user: adminUserSchema });
export const devicesResponseSchema = z.object({ devices: z.array(adminDeviceSchema), staleAfterDays: z.int() });
export const revokeDeviceResponseSchema = z.object({
  device: adminDeviceSchema,
  /** What the device had last reported unsynced: lost unless it syncs (it cannot, once revoked). */
  lost: z.object({
    unsyncedCount: z.int(),
    oldestUnsyncedAt: z.nullable(z.string()),
    reportedAt: z.nullable(z.string()),
  }),
});
export const alertsResponseSchema = z.object({ alerts: z.array(adminAlertSchema) });

/**
 * One line of a citizen's access extract (GET /api/audit). `source` says who recorded it: the
 * server (sync.pull: records delivered to a device; sync.write: a write from the mutation ledger;
 * audit.read: someone read this extract) or a device (open, print, export, handover: an
 * `auditEvent` record; `details` holds its `what` code and the child and record ids). `at` is the
 * server's time (the order); `deviceAt` the device's clock for device events, shown, never trusted.
 */
export const auditEventViewSchema = z.object({
  at: z.string(),
  source: z.enum(['server', 'device']),
  action: z.string(),
  deviceAt: z.nullable(z.string()),
  user: z.nullable(z.object({ id: z.string(), username: z.string(), displayName: z.string() })),
  device: z.nullable(z.object({ id: z.string(), name: z.string() })),
  details: z.nullable(z.record(z.string(), z.unknown())),
});
export type AuditEventView = z.infer<typeof auditEventViewSchema>;
export const auditResponseSchema = z.object({
  familyId: z.string(),
  events: z.array(auditEventViewSchema),
  /** More events than one answer holds (10,000): the newest are listed, the oldest left out. */
  truncated: z.boolean(),
});
export type AuditResponse = z.infer<typeof auditResponseSchema>;

/** The team's exports, newest first (GET /api/audit/exports); `what` is the export's code. */
export const exportsResponseSchema = z.object({
  exports: z.array(
    z.object({
      at: z.string(),
      deviceAt: z.nullable(z.string()),
      what: z.string(),
      user: z.nullable(z.object({ id: z.string(), username: z.string(), displayName: z.string() })),
    }),
  ),
  truncated: z.boolean(),
});
export type ExportsResponse = z.infer<typeof exportsResponseSchema>;
