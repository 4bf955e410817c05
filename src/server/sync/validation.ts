/**
 * Turns zod issues into the `details` of an error: `[{path, message}]`, where message is the i18n
 * key the shared schema chose (e.g. "validation.required"), so the device can show it in Danish.
 */
import type * as z from 'zod/mini';

export type IssueDetail = { path: string; message: string };

export function issueDetails(error: z.core.$ZodError): IssueDetail[] {
  return error.issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message }));
}
