/**
 * The keys `t` accepts: every text of the two Danish catalogues (the first screen's and the
 * screens'), as dotted paths; a plural text `x_one` / `x_other` is asked for as `x` with `count`.
 */
import type { screensDa } from './catalogue/da/screens.ts';
import type { da } from './catalogue/da.ts';
import type { TOptions } from './translator.ts';

/**
 * The two catalogues as one object type. A mapped merge, not `A & B`: over an intersection of
 * two large nested objects TypeScript gives up ("excessively deep"); over one plain object type
 * it does not.
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

type Plural<K extends string> = K extends `${infer Base}_${'one' | 'other'}` ? Base | K : K;
type Paths<T> = {
  [K in keyof T & string]: T[K] extends string ? Plural<K> : `${K}.${Paths<T[K]>}`;
}[keyof T & string];

export type TextKey = Paths<Merge<typeof da, typeof screensDa>>;
export type TFunction = (key: TextKey, options?: TOptions) => string;
