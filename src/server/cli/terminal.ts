/**
 * How the admin CLI reads a password without putting it on the command line (where `ps` and the
 * shell history see it): from standard input (`--password-stdin`, first line) or, on a terminal,
 * from a prompt that does not echo. Injected into runAdmin, so tests pass their own.
 */
import { createInterface } from 'node:readline';
import { Writable } from 'node:stream';

export type AdminIo = {
  /** True when a person sits at a terminal (a prompt can be shown). */
  interactive: boolean;
  /** The first line of standard input. */
  readStdin(): Promise<string>;
  /** Asks on the terminal without echoing the answer. */
  promptHidden(question: string): Promise<string>;
};

/** No terminal and nothing on stdin: what tests and scripts get unless they pass their own. */
export const noIo: AdminIo = {
  interactive: false,
  readStdin: async () => '',
  promptHidden: async () => '',
};

export function processIo(): AdminIo {
  return {
    interactive: Boolean(process.stdin.isTTY && process.stderr.isTTY),
    readStdin: async () => {
      const chunks: Buffer[] = [];
      for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
      return (Buffer.concat(chunks).toString('utf8').split(/\r?\n/)[0] ?? '').replace(/\r$/, '');
    },
    promptHidden: (question) =>
      new Promise((resolve) => {
        let muted = false;
        const output = new Writable({
          write(chunk, _encoding, done) {
            if (!muted) process.stderr.write(chunk);
            done();
          },
        });
        const rl = createInterface({ input: process.stdin, output, terminal: true });
        process.stderr.write(question);
        muted = true;
        rl.question('', (answer) => {
          rl.close();
          process.stderr.write('\n');
          resolve(answer);
        });
      }),
  };
}
