/**
 * Dependency boundaries over resolved imports (style.md habit 8), checked in `npm test`:
 * shared is isomorphic, client and server never import each other, features never import each
 * other or the app, only the store touches IndexedDB, and there are no import cycles.
 */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment:
        'An import cycle makes load order and lazy chunks unpredictable: break it with a smaller module. ' +
        '(Cycles through type-only imports or a lazy import() are not cycles at load time.)',
      from: {},
      to: { circular: true, viaOnly: { dependencyTypesNot: ['type-only', 'dynamic-import'] } },
    },
    {
      name: 'shared-is-isomorphic',
      severity: 'error',
      comment: 'src/shared runs in the browser and in Node: it never imports client or server code.',
      from: { path: '^src/shared/' },
      to: { path: '^src/(client|server)/' },
    },
    {
      name: 'shared-no-platform-libraries',
      severity: 'error',
      comment: 'src/shared imports zod and small pure libraries only: no React, IndexedDB, Fastify or SQLite.',
      from: { path: '^src/shared/' },
      to: { path: 'node_modules/(react|react-dom|idb|dexie|dexie-react-hooks|fastify|@fastify|better-sqlite3)/' },
    },
    {
      name: 'client-not-server',
      severity: 'error',
      comment: 'The client never imports server code: share it through src/shared.',
      from: { path: '^src/client/' },
      to: { path: '^src/server/' },
    },
    {
      name: 'server-not-client',
      severity: 'error',
      comment: 'The server never imports client code: share it through src/shared.',
      from: { path: '^src/server/' },
      to: { path: '^src/client/' },
    },
    {
      name: 'feature-isolation',
      severity: 'error',
      comment: 'A feature does not import another feature: compose them in src/client/app.',
      from: { path: '^src/client/features/([^/]+)/' },
      to: { path: '^src/client/features/([^/]+)/', pathNot: '^src/client/features/$1/' },
    },
    {
      name: 'features-not-app',
      severity: 'error',
      comment: 'Pages compose features, never the other way round (paths and pages belong to src/client/app).',
      from: { path: '^src/client/(features|ui|forms|db|sync|pwa|i18n)/' },
      to: { path: '^src/client/app/' },
    },
    {
      name: 'ui-is-presentational',
      severity: 'error',
      comment: 'src/client/ui holds presentational pieces: no features, storage writes or sync.',
      from: { path: '^src/client/ui/' },
      to: { path: '^src/client/(features|db|sync|forms)/', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'only-store-and-sync-touch-indexeddb',
      severity: 'error',
      comment: 'Only src/client/db touches IndexedDB (idb); others use the store, its reader, writer and hooks.',
      from: { path: '^src/', pathNot: '^src/client/db/' },
      to: { path: 'node_modules/(idb|dexie|dexie-react-hooks)/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(dist|node_modules)/' },
    tsConfig: { fileName: 'tsconfig.app.json' },
    tsPreCompilationDeps: true,
    parser: 'swc',
    enhancedResolveOptions: { extensions: ['.ts', '.tsx', '.js', '.mjs'] },
  },
};
