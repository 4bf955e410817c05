/**
 * Each record kind's full schema, loaded on first use through the registry (shared/schemas/kinds.ts):
 * reading a screen's records pulls only the schemas of the kinds it shows, so adding kinds does not
 * grow the first screen's JavaScript.
 */
import type * as z from 'zod/mini';
import { type RecordKind, schemasOf } from '../../shared/schemas/kinds.ts';

export const schemaFor = async (kind: RecordKind): Promise<z.ZodMiniType> => (await schemasOf(kind)).schema;
