/**
 * Security headers (@fastify/helmet). The CSP allows exactly what a Vite-built React PWA with a
 * service worker and a web manifest needs, all from this origin: no inline scripts or styles
 * (React sets styles through the CSSOM, which CSP allows), no framing, no plugins. WebAssembly may
 * be compiled ('wasm-unsafe-eval', not 'unsafe-eval': no eval of JavaScript) for the Argon2id key
 * derivation that opens the tablet's encrypted store.
 */
import type { FastifyHelmetOptions } from '@fastify/helmet';

export const helmetOptions: FastifyHelmetOptions = {
  contentSecurityPolicy: {
    // No helmet defaults: they add upgrade-insecure-requests, which breaks plain http on 127.0.0.1.
    useDefaults: false,
    directives: {
      'default-src': ["'self'"],
      'script-src': ["'self'", "'wasm-unsafe-eval'"],
      'script-src-attr': ["'none'"],
      'style-src': ["'self'"],
      'img-src': ["'self'", 'data:', 'blob:'],
      'font-src': ["'self'"],
      'connect-src': ["'self'"],
      'worker-src': ["'self'"],
      'manifest-src': ["'self'"],
      'frame-ancestors': ["'none'"],
      'form-action': ["'self'"],
      'base-uri': ["'self'"],
      'object-src': ["'none'"],
    },
  },
  // COEP require-corp would block nothing we load today, but buys nothing either and breaks easily.
  crossOriginEmbedderPolicy: false,
  // HSTS is off: the server speaks plain http on 127.0.0.1 (tests, a single tablet station). Behind
  // a TLS-terminating proxy, set Strict-Transport-Security there (max-age=31536000; includeSubDomains).
  strictTransportSecurity: false,
  // The legacy header agrees with frame-ancestors 'none'.
  frameguard: { action: 'deny' },
  referrerPolicy: { policy: 'no-referrer' },
  xContentTypeOptions: true,
};
