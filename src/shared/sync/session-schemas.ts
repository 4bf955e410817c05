/**
 * The error shape, the login request and response and the user they carry (part of the REST
 * contract in protocol.ts, kept apart so the app's first screen does not load the sync schemas).
 */
import * as z from 'zod/mini';

export const loginRequestSchema = z.object({
  username: z.string().check(z.minLength(1), z.maxLength(100)),
  password: z.string().check(z.minLength(1), z.maxLength(1000)),
  /** The device's own id (a UUID, one per user and device): the token is bound to it. */
  deviceId: z.optional(z.uuid()),
});

export const userSchema = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  role: z.enum(['nurse', 'leader', 'admin']),
  teamId: z.string(),
  /** The team's name, when the server sends it (a later server version): e.g. to mark the demo team. */
  teamName: z.optional(z.string()),
});
export type User = z.infer<typeof userSchema>;

export const loginResponseSchema = z.object({
  token: z.string(),
  user: userSchema,
  /** An admin reset the password: the app shows "change password" before anything else. */
  mustChangePassword: z.optional(z.boolean()),
  /** The server's device rules (DEVICE_STALE_DAYS, TOKEN_IDLE_HOURS); absent from older servers. */
  device: z.optional(z.object({ staleAfterDays: z.number(), tokenIdleHours: z.number() })),
});

export const changePasswordRequestSchema = z.object({
  currentPassword: z.string().check(z.minLength(1), z.maxLength(1000)),
  newPassword: z.string().check(z.minLength(1), z.maxLength(1000)),
});

/** Every error response: `{error: {code, message, details?}}` (codes in protocol.ts). */
export const apiErrorSchema = z.object({
  error: z.object({ code: z.string(), message: z.string(), details: z.optional(z.unknown()) }),
});
export type ApiError = z.infer<typeof apiErrorSchema>;
