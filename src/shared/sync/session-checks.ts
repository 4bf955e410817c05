/**
 * Structural checks of the three responses the app reads before its first screen (login, the
 * error shape, /api/auth/me), without zod: zod's code is ~10 KB gzip, too much for the first
 * screen's budget (docs/decisions/0072-first-screen-budget.md). The zod schemas in
 * session-schemas.ts stay the contract (server, docs, tests); session-checks.test.ts proves each
 * check accepts exactly what its schema accepts and returns the same data (unknown keys dropped).
 * A check has zod's `safeParse` shape, so http.ts takes either.
 */
import type { ApiError, User } from './session-schemas.ts';

export type ParseResult<T> = { success: true; data: T } | { success: false };
export type ResponseCheck<T> = { safeParse(value: unknown): ParseResult<T> };

type Shape = Record<string, (value: unknown) => boolean>;
const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const isString = (value: unknown) => typeof value === 'string';
const optional = (test: (value: unknown) => boolean) => (value: unknown) => value === undefined || test(value);

/** zod's z.object: every field passes; unknown keys dropped; an optional absent field stays absent. */
function object<T>(shape: Shape, nested: Record<string, ResponseCheck<unknown>> = {}): ResponseCheck<T> {
  return {
    safeParse(value) {
      if (!isRecord(value)) return { success: false };
      const data: Record<string, unknown> = {};
      for (const [key, test] of Object.entries(shape)) {
        if (!test(value[key])) return { success: false };
        if (key in value) data[key] = value[key];
      }
      for (const [key, check] of Object.entries(nested)) {
        const parsed = check.safeParse(value[key]);
        if (!parsed.success) return { success: false };
        if (parsed.data !== undefined || key in value) data[key] = parsed.data;
      }
      return { success: true, data: data as T };
    },
  };
}

/** zod's z.optional around a nested object check. */
function optionalCheck<T>(check: ResponseCheck<T>): ResponseCheck<T | undefined> {
  return { safeParse: (value) => (value === undefined ? { success: true, data: undefined } : check.safeParse(value)) };
}
/** zod 4's z.number(): finite numbers only. */
const isNumber = (value: unknown) => typeof value === 'number' && Number.isFinite(value);

export const userCheck = object<User>({
  id: isString,
  username: isString,
  displayName: isString,
  role: (value) => value === 'nurse' || value === 'leader' || value === 'admin',
  teamId: isString,
  teamName: optional(isString),
});

export type LoginResponse = {
  token: string;
  user: User;
  mustChangePassword?: boolean | undefined;
  device?: { staleAfterDays: number; tokenIdleHours: number } | undefined;
};

export const loginResponseCheck = object<LoginResponse>(
  { token: isString, mustChangePassword: optional((value) => typeof value === 'boolean') },
  {
    user: userCheck,
    device: optionalCheck(object({ staleAfterDays: isNumber, tokenIdleHours: isNumber })),
  },
);

export const apiErrorCheck = object<ApiError>(
  {},
  { error: object({ code: isString, message: isString, details: () => true }) },
);

export const meCheck = object<{ mustChangePassword?: boolean | undefined }>({
  mustChangePassword: optional((value) => typeof value === 'boolean'),
});
