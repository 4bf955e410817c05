/**
 * The admin API's request schemas and the views it returns (docs/api.md "Administration"). The
 * app's admin screens parse the answers with the same view schemas (shared/admin/views.ts).
 */
import * as z from 'zod/mini';

const role = z.enum(['nurse', 'leader', 'admin']);

export const createUserSchema = z.object({
  username: z.string().check(z.minLength(1), z.maxLength(100)),
  displayName: z.string().check(z.minLength(1), z.maxLength(200)),
  role,
  teamId: z.string().check(z.minLength(1), z.maxLength(100)),
  password: z.string().check(z.minLength(1), z.maxLength(1000)),
});

export const updateUserSchema = z.object({
  displayName: z.optional(z.string().check(z.minLength(1), z.maxLength(200))),
  role: z.optional(role),
});

export const resetPasswordSchema = z.object({ password: z.string().check(z.minLength(1), z.maxLength(1000)) });

export const idParams = z.object({ id: z.string().check(z.minLength(1), z.maxLength(100)) });

export const usersQuerySchema = z.object({ teamId: z.optional(z.string().check(z.maxLength(100))) });

export const auditQuerySchema = z.object({
  familyId: z.optional(z.uuid()),
  recordId: z.optional(z.uuid()),
});
