/** The zod-free checks accept exactly what the session schemas accept, with the same data. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { apiErrorCheck, loginResponseCheck, meCheck } from './session-checks.ts';
import { apiErrorSchema, loginResponseSchema } from './session-schemas.ts';

const meSchema = z.object({ mustChangePassword: z.optional(z.boolean()) });

const anyValue = fc.oneof(fc.string(), fc.integer(), fc.boolean(), fc.constant(null), fc.constant(undefined));
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(fc.oneof(arb, anyValue), { nil: undefined });
const user = fc.record(
  {
    id: fc.oneof(fc.string(), anyValue),
    username: fc.string(),
    displayName: fc.oneof(fc.string(), anyValue),
    role: fc.oneof(fc.constantFrom('nurse', 'leader', 'admin', 'guest'), anyValue),
    teamId: fc.string(),
    teamName: maybe(fc.string()),
    extra: maybe(fc.string()),
  },
  { requiredKeys: ['username', 'teamId'] },
);
const loginResponse = fc.record(
  {
    token: fc.oneof(fc.string(), anyValue),
    user: fc.oneof(user, anyValue),
    mustChangePassword: maybe(fc.boolean()),
    device: maybe(
      fc.record(
        {
          staleAfterDays: fc.oneof(fc.integer(), fc.double(), anyValue),
          tokenIdleHours: fc.oneof(fc.integer(), anyValue),
          extra: maybe(fc.string()),
        },
        { requiredKeys: [] },
      ),
    ),
    other: anyValue,
  },
  { requiredKeys: [] },
);
const apiError = fc.record(
  {
    error: fc.oneof(
      fc.record(
        { code: fc.oneof(fc.string(), anyValue), message: fc.string(), details: fc.oneof(anyValue, fc.object()) },
        { requiredKeys: ['message'] },
      ),
      anyValue,
    ),
    statusCode: fc.integer(),
  },
  { requiredKeys: [] },
);
const me = fc.record({ mustChangePassword: maybe(fc.boolean()), id: fc.string() }, { requiredKeys: [] });

const agree = (check: { safeParse(v: unknown): unknown }, schema: z.ZodMiniType) => (value: unknown) => {
  const ours = check.safeParse(value) as { success: boolean; data?: unknown };
  const theirs = schema.safeParse(value);
  expect(ours.success).toBe(theirs.success);
  if (theirs.success) expect(ours.data).toStrictEqual(theirs.data);
};

describe('session checks', () => {
  it('the login response check agrees with loginResponseSchema', () => {
    fc.assert(
      fc.property(
        fc.oneof(loginResponse, anyValue, fc.array(fc.string())),
        agree(loginResponseCheck, loginResponseSchema),
      ),
      {
        numRuns: 2000,
      },
    );
  });

  it('accepts a real login response and drops unknown keys', () => {
    const body = {
      token: 't',
      user: { id: 'u', username: 'mette', displayName: 'Mette', role: 'nurse', teamId: 'team', x: 1 },
      extra: true,
    };
    expect(loginResponseCheck.safeParse(body)).toStrictEqual({
      success: true,
      data: { token: 't', user: { id: 'u', username: 'mette', displayName: 'Mette', role: 'nurse', teamId: 'team' } },
    });
    expect(loginResponseCheck.safeParse({ ...body, user: { ...body.user, role: 'root' } }).success).toBe(false);
  });

  it('the error check agrees with apiErrorSchema', () => {
    fc.assert(fc.property(fc.oneof(apiError, anyValue), agree(apiErrorCheck, apiErrorSchema)), { numRuns: 2000 });
  });

  it('the /me check agrees with its schema', () => {
    fc.assert(fc.property(fc.oneof(me, anyValue), agree(meCheck, meSchema)), { numRuns: 1000 });
  });
});
