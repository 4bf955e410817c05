/** The version of the sync schema: bumped when a record kind changes incompatibly. */
export const SCHEMA_VERSION = 1;
