import type { screensDa } from './catalogue/da/screens.ts';
import type { da } from './catalogue/da.ts';

/**
 * The two catalogues as one object type. A mapped merge, not `A & B`: i18next walks the type to
 * build its key union, and over an intersection of two large nested objects TypeScript gives up
 * ("excessively deep"); over one plain object type it does not.
 */
type Merge<A, B> = {
  [K in keyof A | keyof B]: K extends keyof A
    ? K extends keyof B
      ? A[K] extends string
        ? A[K]
        : Merge<A[K], B[K]>
      : A[K]
    : K extends keyof B
      ? B[K]
      : never;
};

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: Merge<typeof da, typeof screensDa> };
  }
}
