/**
 * A real WebKit engine: Debian's WebKitWebDriver driving WebKitGTK's MiniBrowser (tooling.md), over
 * W3C WebDriver with selenium-webdriver (docs/decisions/0030-webkit-e2e.md). Needs an X display
 * (tests/webkit/run.ts starts the suite under `xvfb-run -a`). WEBKIT_DRIVER_PATH and
 * MINIBROWSER_PATH point at other builds.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { Builder, type WebDriver } from 'selenium-webdriver';

export const driverPath = () => process.env.WEBKIT_DRIVER_PATH ?? '/usr/bin/WebKitWebDriver';
export const miniBrowserPath = () =>
  process.env.MINIBROWSER_PATH ?? '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A port nobody listens on right now (the OS picks it). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export class WebKitSession {
  readonly driver: WebDriver;
  private readonly service: ChildProcess;

  private constructor(driver: WebDriver, service: ChildProcess) {
    this.driver = driver;
    this.service = service;
  }

  /** Starts WebKitWebDriver on a free port and opens one MiniBrowser window. */
  static async start(): Promise<WebKitSession> {
    for (const path of [driverPath(), miniBrowserPath()]) {
      if (!existsSync(path)) throw new Error(`${path} is missing: apt-get install webkit2gtk-driver xvfb xauth`);
    }
    if (!process.env.DISPLAY) throw new Error('no X display: run the suite with node tests/webkit/run.ts');
    const port = await freePort();
    // The C locale: a fixed layout of the date and time controls, whatever the machine's LANG is.
    const env = { ...process.env, LANG: 'C.UTF-8', LC_ALL: 'C.UTF-8' };
    const service = spawn(driverPath(), [`--port=${port}`], { env, stdio: ['ignore', 'ignore', 'pipe'] });
    let log = '';
    service.stderr?.on('data', (chunk: Buffer) => {
      log += chunk.toString();
    });
    const url = `http://127.0.0.1:${port}`;
    const deadline = Date.now() + 15_000;
    for (;;) {
      if (service.exitCode !== null) throw new Error(`WebKitWebDriver exited with ${service.exitCode}: ${log}`);
      try {
        if ((await fetch(`${url}/status`)).ok) break;
      } catch {
        // not listening yet
      }
      if (Date.now() > deadline) throw new Error(`WebKitWebDriver did not start: ${log}`);
      await sleep(50);
    }
    const driver = await new Builder()
      .usingServer(url)
      .withCapabilities({
        browserName: 'MiniBrowser',
        'webkitgtk:browserOptions': { binary: miniBrowserPath(), args: ['--automation'] },
      })
      .build();
    return new WebKitSession(driver, service);
  }

  /** Sizes the window so the page's viewport (innerWidth × innerHeight) is exactly width × height. */
  async setViewport(width: number, height: number, timeoutMs = 5_000) {
    const window = this.driver.manage().window();
    const deadline = Date.now() + timeoutMs;
    let last = '';
    while (Date.now() < deadline) {
      // One snapshot of the window and its viewport: the difference is the browser's own chrome.
      const [innerWidth, innerHeight, outerWidth, outerHeight] = (await this.driver.executeScript(
        'return [innerWidth, innerHeight, outerWidth, outerHeight]',
      )) as [number, number, number, number];
      if (innerWidth === width && innerHeight === height) return;
      last = `${innerWidth}x${innerHeight}`;
      await window.setRect({ width: width + outerWidth - innerWidth, height: height + outerHeight - innerHeight });
      await sleep(100); // the resize reaches the page asynchronously
    }
    throw new Error(`could not size the viewport to ${width}x${height} (got ${last})`);
  }

  async quit() {
    try {
      await this.driver.quit();
    } finally {
      if (this.service.exitCode === null) {
        const exited = new Promise((resolve) => this.service.once('exit', resolve));
        this.service.kill('SIGTERM');
        await exited;
      }
    }
  }
}
