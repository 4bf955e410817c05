/**
 * The admin API for the app's administration screens (docs/api.md "Administration"), online only:
 * every call goes to the server with the signed-in user's token through the shared HTTP helper,
 * and answers are parsed with the shared view schemas. Errors are SyncHttpError (`kind` network
 * means offline; `code` is the API's typed code, which the screens show in Danish).
 */
import type * as z from 'zod/mini';
import {
  alertsResponseSchema,
  devicesResponseSchema,
  revokeDeviceResponseSchema,
  teamsResponseSchema,
  userResponseSchema,
  usersResponseSchema,
} from '../../../shared/admin/views.ts';
import { requestJson } from '../../sync/http.ts';
import { getSession } from '../../sync/session.ts';

async function call<T>(path: string, schema: z.ZodMiniType<T>, init: { method?: string; body?: unknown } = {}) {
  const session = await getSession();
  const headers: Record<string, string> = { authorization: `Bearer ${session?.token ?? ''}` };
  if (init.body !== undefined) headers['content-type'] = 'application/json';
  return requestJson(
    (input, options) => fetch(input, options),
    path,
    {
      method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
      headers,
      ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
    },
    schema,
  );
}

export type NewUserInput = { username: string; displayName: string; role: string; teamId: string; password: string };

export const adminApi = {
  teams: () => call('/api/admin/teams', teamsResponseSchema),
  users: () => call('/api/admin/users', usersResponseSchema),
  createUser: (input: NewUserInput) => call('/api/admin/users', userResponseSchema, { body: input }),
  updateUser: (id: string, change: { displayName?: string; role?: string }) =>
    call(`/api/admin/users/${encodeURIComponent(id)}`, userResponseSchema, { method: 'PATCH', body: change }),
  setDisabled: (id: string, disabled: boolean) =>
    call(`/api/admin/users/${encodeURIComponent(id)}/${disabled ? 'disable' : 'enable'}`, userResponseSchema, {
      method: 'POST',
    }),
  resetPassword: (id: string, password: string) =>
    call(`/api/admin/users/${encodeURIComponent(id)}/reset-password`, userResponseSchema, { body: { password } }),
  devices: (id: string) => call(`/api/admin/users/${encodeURIComponent(id)}/devices`, devicesResponseSchema),
  revokeDevice: (deviceId: string) =>
    call(`/api/admin/devices/${encodeURIComponent(deviceId)}/revoke`, revokeDeviceResponseSchema, { method: 'POST' }),
  alerts: () => call('/api/admin/alerts', alertsResponseSchema),
};
