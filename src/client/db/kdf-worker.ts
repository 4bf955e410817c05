/** The Argon2id worker: derives the password's key off the main thread (kdf.ts). */
import { argon2 } from './argon2.ts';
import type { KdfRequest } from './kdf.ts';

self.onmessage = async (event: MessageEvent<KdfRequest>) => {
  try {
    const key = await argon2(event.data.password, event.data.params);
    self.postMessage({ key });
  } catch (error) {
    self.postMessage({ error: error instanceof Error ? error.message : String(error) });
  }
};
