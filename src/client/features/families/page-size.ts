/**
 * Families the caseload list renders before "Vis flere" (decision 0073): a screenful or two of
 * cards; the count names every match and search finds the rest. Its own module so the startup
 * benchmark (scripts/bench/startup.ts, plain Node) can check the screen against it.
 */
export const FAMILY_PAGE_SIZE = 50;
