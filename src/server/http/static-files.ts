/**
 * Serves the built PWA from distDir with cache headers per file type, and the SPA fallback.
 * Entry points (index.html, the service worker, its registration and workbox runtime, the manifest)
 * must be revalidated on every load, or clients would keep an old app forever; Vite's hashed
 * /assets/* never change, so they are cached for a year. Text files go out Brotli- or
 * gzip-compressed from the copies the build writes.
 */
import { existsSync, statSync } from 'node:fs';
import { basename, relative, sep } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { errorBody } from './errors.ts';

export const cacheControl = {
  revalidate: 'no-cache',
  immutable: 'public, max-age=31536000, immutable',
  short: 'public, max-age=86400',
} as const;

const entryPoints = new Set(['index.html', 'sw.js', 'registerSW.js', 'manifest.webmanifest']);

/** The Cache-Control for a file, by its path relative to distDir (with "/" separators). */
export function cacheControlFor(relativePath: string): string {
  const name = basename(relativePath);
  if (entryPoints.has(name) || /^workbox-[\w.-]+\.js$/.test(name)) return cacheControl.revalidate;
  if (relativePath.startsWith('assets/')) return cacheControl.immutable;
  return cacheControl.short;
}

export function isApiPath(url: string): boolean {
  const path = url.split('?', 1)[0] ?? '';
  return path === '/api' || path.startsWith('/api/');
}

export function hasBuild(distDir: string): boolean {
  return existsSync(distDir) && statSync(distDir).isDirectory() && existsSync(`${distDir}/index.html`);
}

/** Registers static serving (when the build exists) and the not-found handler for every path. */
export async function registerStaticFiles(app: FastifyInstance, distDir: string): Promise<void> {
  const built = hasBuild(distDir);
  if (built) {
    await app.register(fastifyStatic, {
      root: distDir,
      cacheControl: false,
      // The build writes .br and .gz copies of its text files (vite.config.ts): sent when accepted.
      preCompressed: true,
      setHeaders: (reply, path) => {
        reply.header('cache-control', cacheControlFor(relative(distDir, path).split(sep).join('/')));
      },
    });
  }

  app.setNotFoundHandler((request: FastifyRequest, reply: FastifyReply) => {
    if (isApiPath(request.url)) {
      return reply.code(404).send(errorBody('not_found', `No such API route: ${request.method} ${request.url}`));
    }
    if (!built) {
      return reply
        .code(503)
        .send(errorBody('internal', 'The app is not built: run `npm run build` (or `npm start`, which builds it).'));
    }
    const wantsHtml = (request.headers.accept ?? '').includes('text/html');
    if ((request.method === 'GET' || request.method === 'HEAD') && wantsHtml) {
      // SPA fallback: client-side routes load the app shell.
      return reply.sendFile('index.html');
    }
    return reply.code(404).send(errorBody('not_found', 'Not found.'));
  });
}
