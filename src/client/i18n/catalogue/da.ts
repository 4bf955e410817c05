/**
 * The Danish message catalogue: every text the UI shows. Danish is the primary language; the
 * English catalogue (en.ts) must have the same keys (the type checks it). Domain terms follow
 * shared/domain.md.
 */
import { caseloadCoreDa } from './da/caseload-core.ts';

export const da = {
  app: {
    name: 'Tusind Dage',
    tagline: 'Sundhedspleje de første 1000 dage',
    skipToContent: 'Spring til indhold',
    mainNav: 'Hovedmenu',
    loading: 'Indlæser …',
    notFound: 'Siden findes ikke.',
    backToFamilies: 'Tilbage til familier',
    errorTitle: 'Noget gik galt',
    errorBody: 'Skærmen kunne ikke vises. Dine data er gemt på enheden.',
    reload: 'Genindlæs',
    language: 'Sprog i appen',
  },
  nav: {
    families: 'Familier',
    device: 'Enhed',
    attention: 'Kræver handling',
    visits: 'Mine besøg',
    settings: 'Indstillinger',
    cosp: 'COS-P',
    admin: 'Administration',
  },
  caseload: caseloadCoreDa,
  network: { online: 'Online', offlineShort: 'Offline', offline: 'Offline – alt gemmes på enheden' },
  common: {
    save: 'Gem',
    saving: 'Gemmer …',
    saved: 'Gemt',
    cancel: 'Fortryd',
    edit: 'Redigér',
    back: 'Tilbage',
    required: 'skal udfyldes',
    optional: 'valgfri',
    none: '–',
    saveFailed: 'Kunne ikke gemme: {{reason}}. Intet er tabt – prøv igen.',
    fixErrors_one: 'Ret {{count}} fejl i formularen.',
    fixErrors_other: 'Ret {{count}} fejl i formularen.',
    unsavedLeave: 'Du har ændringer, der ikke er gemt. Vil du forlade siden?',
  },
  sync: {
    state: { pending: 'Ikke synkroniseret', conflict: 'Konflikt', rejected: 'Afvist', synced: 'Synkroniseret' },
  },
  auth: {
    title: 'Log ind',
    intro: 'Log ind med din egen bruger. Første login på en enhed kræver netværk; derefter virker appen uden.',
    username: 'Brugernavn',
    password: 'Adgangskode',
    submit: 'Log ind',
    submitting: 'Logger ind …',
    invalid: 'Forkert brugernavn eller adgangskode.',
    rateLimited: 'For mange forsøg. Vent lidt, og prøv igen.',
    offline: 'Der er ingen forbindelse til serveren. Første login kræver netværk.',
    otherUser: 'Denne enhed har data fra en anden bruger. Log ind som den bruger, eller log ud først.',
    error: 'Login mislykkedes. Prøv igen.',
    noUsersTitle: 'Ingen brugere endnu',
    noUsersBody: 'Opret den første bruger på serveren med kommandoen:',
    renewTitle: 'Log ind igen for at synkronisere',
    renewBody: 'Dit login er udløbet. Du kan arbejde videre – intet går tabt – men log ind igen for at synkronisere.',
    user: 'Bruger',
    logout: 'Log ud',
    logoutUnsynced_one:
      'Du har {{count}} ændring, der ikke er synkroniseret. Den skal synkroniseres, før du logger ud.',
    logoutUnsynced_other:
      'Du har {{count}} ændringer, der ikke er synkroniseret. De skal synkroniseres, før du logger ud.',
    syncThenLogout: 'Synkronisér nu',
    logoutConfirm: 'Log ud og fjern familiernes data fra denne enhed? Alt er synkroniseret.',
    changePasswordTitle: 'Vælg en ny adgangskode',
  },
  syncStatus: {
    region: 'Synkronisering',
    syncNow: 'Synkronisér nu',
    syncing: 'Synkroniserer …',
    pending_one: '{{count}} ændring venter',
    pending_other: '{{count}} ændringer venter',
    allSynced: 'Alt er synkroniseret',
    oldest: 'ældste fra {{when}}',
    lastSync: 'Sidst synkroniseret {{when}}',
    neverSynced: 'Aldrig synkroniseret',
    stale:
      'Der er ændringer, som ikke har været synkroniseret i over en arbejdsdag. Synkronisér, så kollegerne kan se dem.',
    offline: 'Offline – ændringer synkroniseres, når der er netværk',
    error: 'Synkronisering mislykkedes – prøver igen om lidt.',
    loginRequired: 'Log ind igen for at synkronisere',
    firstDownload: 'Henter teamets data …',
    downloaded_one: '{{count}} post hentet',
    downloaded_other: '{{count}} poster hentet',
    attention_one: '{{count}} kræver handling',
    attention_other: '{{count}} kræver handling',
  },
  pwa: {
    updateReady: 'Ny version er klar',
    updateNow: 'Opdatér nu',
    updateLater: 'Senere',
    updateBlocked: 'Gem eller fortryd dine ændringer først – opdateringen venter.',
    offlineReady: 'Appen er klar til brug uden netværk.',
    dismiss: 'Luk',
  },
} as const;

export type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };
export type Catalogue = Widen<typeof da>;
