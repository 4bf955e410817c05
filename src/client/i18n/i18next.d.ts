import type { screensDa } from './catalogue/da/screens.ts';
import type { da } from './catalogue/da.ts';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof da & typeof screensDa };
  }
}
