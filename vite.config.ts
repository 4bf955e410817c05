/**
 * Build of the PWA: React, the service worker (vite-plugin-pwa with workbox, prompt-to-update so a
 * new version never reloads under a nurse's unsaved form), and the Danish web app manifest.
 */
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import { writeStamp } from './scripts/build-stamp.ts';

/**
 * Brotli and gzip copies of every text file of the build, served by @fastify/static's
 * preCompressed (src/server/http/static-files.ts): the first screen's 110 KB gzip instead of
 * ~310 KB uncompressed over a slow mobile link. The service worker's precache list does not
 * match *.br / *.gz, so the copies are never precached.
 */
function compressBuild(dir: string): void {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) compressBuild(path);
    else if (/\.(js|css|html|svg|webmanifest|json)$/.test(name) && statSync(path).size > 1024) {
      const content = readFileSync(path);
      writeFileSync(`${path}.gz`, gzipSync(content, { level: 9 }));
      writeFileSync(`${path}.br`, brotliCompressSync(content, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }));
    }
  }
}

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string };

export default defineConfig({
  define: { __APP_VERSION__: JSON.stringify(pkg.version) },
  server: { proxy: { '/api': 'http://127.0.0.1:8080' } },
  build: {
    target: 'es2022',
    sourcemap: false,
    manifest: true,
    // Every browser the app supports has modulepreload; the polyfill was 0.4 KB of the first screen.
    modulePreload: false,
    rolldownOptions: {
      // The libraries of the first screen in one chunk (with Vite's preload helper): gzip compresses
      // them together (split across the chunks the default splitter makes, they cost ~7 KB more),
      // and an app update leaves the cached vendor chunk alone. Libraries of later screens (zod,
      // react-hook-form, date-fns beyond the worklist's few functions, chart.js, zxcvbn) stay in
      // lazy chunks: zod used to be in this group, 10 KB the first screen never runs (docs/decisions/0072).
      output: {
        codeSplitting: {
          groups: [
            {
              name: 'vendor',
              test: /node_modules[\\/](react|react-dom|scheduler|idb|wouter|zustand|regexparam|use-sync-external-store)[\\/]|vite[\\/]preload-helper/,
            },
            // The worklist's small helpers in one chunk (as eight chunks of 0.2–0.6 KB they cost
            // ~1 KB more gzip and seven more requests); later screens share it.
            {
              name: 'first-screen-helpers',
              test: /(src[\\/](shared[\\/](caseload[\\/]worklist|domain[\\/](age|iso-date|calendar))|client[\\/]ui[\\/](page-header|show-more))\.tsx?$|date-fns[\\/](addMonths|addDays|differenceInCalendarDays|differenceInCalendarMonths|startOfDay|toDate|constructFrom|_lib[\\/](getTimezoneOffsetInMilliseconds|normalizeDates))\.js$)/,
            },
          ],
        },
      },
    },
  },
  plugins: [
    react(),
    // Records which sources this build is of, so `npm start` rebuilds when they change.
    {
      name: 'tusind-dage-build-stamp',
      apply: 'build',
      closeBundle: () => writeStamp(fileURLToPath(new URL('.', import.meta.url))),
    },
    {
      name: 'tusind-dage-precompress',
      apply: 'build',
      enforce: 'post',
      // After vite-plugin-pwa has written sw.js and workbox-*.js.
      closeBundle: {
        order: 'post',
        sequential: true,
        handler: () => compressBuild(fileURLToPath(new URL('./dist', import.meta.url))),
      },
    },
    VitePWA({
      registerType: 'prompt',
      injectRegister: false,
      includeAssets: ['favicon.svg', 'icons/apple-touch-icon.png'],
      manifest: {
        id: '/',
        name: 'Tusind Dage – sundhedspleje',
        short_name: 'Tusind Dage',
        description: 'Sundhedsplejens besøg de første 1000 dage – virker uden netværk.',
        lang: 'da',
        dir: 'ltr',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        orientation: 'any',
        theme_color: '#1f5f5b',
        background_color: '#f6f4ef',
        icons: [
          { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
          { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
          { src: '/icons/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
      },
      workbox: {
        globPatterns: ['**/*.{js,css,html,svg,png,webmanifest,woff2}'],
        navigateFallback: '/index.html',
        navigateFallbackDenylist: [/^\/api\//],
        cleanupOutdatedCaches: true,
        // The API is never cached by the service worker: data lives in IndexedDB.
        runtimeCaching: [],
      },
    }),
  ],
});
