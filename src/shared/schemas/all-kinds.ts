/**
 * Every kind of the registry with its schemas loaded, for code that validates any kind at once:
 * the server, the device's writer (loaded with the forms, off the first screen), tests and tools.
 */
import { loadAllSchemas } from './kinds.ts';

export const kinds = await loadAllSchemas();
