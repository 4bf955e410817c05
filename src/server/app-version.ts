/** The app's version, read once from package.json (the single place it is set). */
import { readFileSync } from 'node:fs';
import * as z from 'zod/mini';

const pkg = z.object({ version: z.string() });

export const appVersion: string = pkg.parse(
  JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')),
).version;
