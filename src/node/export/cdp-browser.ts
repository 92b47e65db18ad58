import { spawn, type ChildProcess } from 'node:child_process';
import type { Readable, Writable } from 'node:stream';
import type { ProtocolMapping } from 'devtools-protocol/types/protocol-mapping';
import { PodiumError } from '../../shared/errors';
import { claimBrowserProfile, throwawayProfile, type BrowserProfile } from '../browser/browser-profile';
import { CHROMIUM_ARGS, DISABLED_FEATURES } from '../browser/chromium-args';
import { waitUntilPrintReady, waitUntilTrue } from './print-ready';
import { JPEG_QUALITY, type PdfPrintOptions, type PrintTarget, type ScreenshotClip, type Viewport } from './print-target';

/**
 * Just enough of the Chrome DevTools Protocol to print a page, spoken over `--remote-debugging-pipe`
 * (NUL-separated JSON on file descriptors 3 and 4): Podium's only Chromium driver at run time, for
 * `podium export` and `podium check`. They need a handful of commands; a full driver (Playwright,
 * now a test dependency only) cost a third of a second of module loading and launch work on every
 * export, more than a 10-slide deck takes to print.
 */
/** A command of the protocol, typed by the devtools-protocol package: its parameters and its answer. */
export type CdpMethod = keyof ProtocolMapping.Commands;
type CdpParams<M extends CdpMethod> = ProtocolMapping.Commands[M]['paramsType'];
type CdpResult<M extends CdpMethod> = ProtocolMapping.Commands[M]['returnType'];

interface PendingCommand {
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
  method: string;
  timer: NodeJS.Timeout;
}

export class CdpBrowser {
  private nextId = 1;
  private readonly pending = new Map<number, PendingCommand>();
  private buffered = '';
  private exited = false;
  /** Set once a page's renderer process died: every later answer is explained by it. */
  private crashed = false;

  private constructor(
    private readonly child: ChildProcess,
    private readonly profile: BrowserProfile,
    /**
     * How long a command may go unanswered: a renderer that hangs (a script in a loop, a print
     * that never ends) would otherwise keep its caller waiting for good.
     */
    private commandTimeoutMs: number,
  ) {
    const output = child.stdio[4] as Readable;
    // A browser killed mid-command resets its pipes; the exit handler below reports that.
    output.on('error', () => undefined);
    (child.stdio[3] as Writable).on('error', () => undefined);
    output.setEncoding('utf8');
    output.on('data', (chunk: string) => this.receive(chunk));
    child.once('exit', () => {
      this.exited = true;
      this.rejectPending((method) => `the browser exited during ${method}`);
    });
  }

  /**
   * Starts the browser; gives up (and kills it) when it has not answered within `timeoutMs`. It
   * starts on a kept profile when one is free (browser-profile.ts); a kept profile it cannot start
   * with is deleted, and the browser tried once more on a new throwaway one.
   */
  static async launch(executablePath: string, timeoutMs: number): Promise<CdpBrowser> {
    const profile = await claimBrowserProfile();
    try {
      return await CdpBrowser.launchWith(executablePath, timeoutMs, profile);
    } catch (error) {
      await profile.discard();
      if (!profile.kept) throw error;
      const throwaway = await throwawayProfile();
      return CdpBrowser.launchWith(executablePath, timeoutMs, throwaway).catch(async (again: unknown) => {
        await throwaway.discard();
        throw again;
      });
    }
  }

  private static async launchWith(executablePath: string, timeoutMs: number, profile: BrowserProfile): Promise<CdpBrowser> {
    const child = spawn(
      executablePath,
      [
        ...CHROMIUM_ARGS,
        `--disable-features=${DISABLED_FEATURES.join(',')}`,
        '--headless',
        '--remote-debugging-pipe',
        `--user-data-dir=${profile.dir}`,
        // The kept profile keeps nothing of the pages: no history, no cookies, no deck titles.
        '--incognito',
        '--no-default-browser-check',
        '--hide-scrollbars',
        '--mute-audio',
        // Headless tabs count as hidden: without these, reveal.js's requestAnimationFrame waits in
        // a throttled tab, and a long deck's print layout can stall.
        '--disable-background-timer-throttling',
        '--disable-backgrounding-occluded-windows',
        '--disable-renderer-backgrounding',
        // Root in a container has no user namespace for the sandbox; the page is our own.
        ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
        'about:blank',
      ],
      // Its own process group, so that `close` can stop it with all its helpers at once. A Podium
      // killed before closing it still leaves nothing behind: Chromium exits when its pipe closes.
      { stdio: ['ignore', 'ignore', 'pipe', 'pipe', 'pipe'], detached: true },
    );
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-2000)));
    await new Promise<void>((resolve, reject) => {
      child.once('spawn', () => resolve());
      child.once('error', (error) => reject(new PodiumError('environment', `cannot start ${executablePath}: ${error.message}`)));
    });
    const browser = new CdpBrowser(child, profile, timeoutMs);
    try {
      await browser.send('Browser.getVersion');
    } catch {
      child.kill('SIGKILL');
      await browser.stop();
      throw new PodiumError('runtime', `the browser did not start: ${stderr.trim().split('\n').slice(-3).join(' ')}`);
    }
    return browser;
  }

  /** Opens a page of `width`×`height` CSS px and returns a session on it. */
  async newPage(width: number, height: number): Promise<CdpPage> {
    // The tab the browser opened at start: a tab of our own would be a background one.
    const { targetInfos } = await this.send('Target.getTargets');
    const existing = targetInfos.find((target) => target.type === 'page');
    const targetId = existing?.targetId ?? (await this.send('Target.createTarget', { url: 'about:blank' })).targetId;
    const { sessionId } = await this.send('Target.attachToTarget', { targetId, flatten: true });
    const page = new CdpPage(this, sessionId);
    // Without it, a renderer that dies leaves print and evaluate calls to fail vaguely, or hang.
    await page.send('Inspector.enable');
    await page.setViewport(width, height);
    return page;
  }

  /** Sends a command to the browser itself; it rejects, naming the method, when unanswered in time. */
  send<M extends CdpMethod>(method: M, ...params: CdpParams<M>): Promise<CdpResult<M>> {
    return this.sendTo(undefined, method, ...params);
  }

  /** Sends a command to the page attached as `sessionId` (or to the browser, when undefined). */
  sendTo<M extends CdpMethod>(sessionId: string | undefined, method: M, ...params: CdpParams<M>): Promise<CdpResult<M>> {
    if (this.exited) return Promise.reject(new PodiumError('runtime', `the browser has exited (${method})`));
    const id = this.nextId++;
    const input = this.child.stdio[3] as Writable;
    const timeoutMs = this.commandTimeoutMs;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new PodiumError('runtime', `the browser did not answer ${method} within ${formatSeconds(timeoutMs)}`));
      }, timeoutMs);
      this.pending.set(id, { resolve: resolve as (value: unknown) => void, reject, method, timer });
      input.write(`${JSON.stringify({ id, method, params: params[0] ?? {}, ...(sessionId ? { sessionId } : {}) })}\0`);
    });
  }

  /** The deadline of the commands sent from now on (it starts as the launch's `timeoutMs`). */
  setCommandTimeout(timeoutMs: number): void {
    this.commandTimeoutMs = timeoutMs;
  }

  /**
   * Stops the browser and frees its profile. Killed, not asked to close: a graceful Browser.close
   * spends a tenth of a second saving state no export reads again.
   */
  async close(): Promise<void> {
    await this.stop();
    await this.profile.release().catch(() => undefined);
  }

  private async stop(): Promise<void> {
    if (this.exited) return;
    const exited = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
    try {
      if (this.child.pid === undefined) throw new Error('no pid');
      process.kill(-this.child.pid, 'SIGKILL');
    } catch {
      this.child.kill('SIGKILL');
    }
    await exited;
  }

  private receive(chunk: string): void {
    this.buffered += chunk;
    let end: number;
    while ((end = this.buffered.indexOf('\0')) >= 0) {
      const message = JSON.parse(this.buffered.slice(0, end)) as { id?: number; method?: string; result?: unknown; error?: { message: string } };
      this.buffered = this.buffered.slice(end + 1);
      if (message.method === 'Inspector.targetCrashed') this.failPending();
      if (message.id === undefined) continue;
      const waiting = this.pending.get(message.id);
      if (!waiting) continue;
      this.pending.delete(message.id);
      clearTimeout(waiting.timer);
      if (message.error) {
        const why = message.error.message;
        // A renderer that dies answers the command it was running a moment before it reports the crash.
        setTimeout(() => waiting.reject(new PodiumError('runtime', this.crashed ? crashMessage(waiting.method) : `${waiting.method}: ${why}`)), CRASH_REPORT_MS);
      } else waiting.resolve(message.result);
    }
  }

  /** The page's renderer died: nothing it was asked will ever answer usefully. */
  private failPending(): void {
    this.crashed = true;
    this.rejectPending(crashMessage);
  }

  private rejectPending(why: (method: string) => string): void {
    for (const { reject, method, timer } of this.pending.values()) {
      clearTimeout(timer);
      reject(new PodiumError('runtime', why(method)));
    }
    this.pending.clear();
  }
}

export class CdpPage implements PrintTarget {
  private viewport: Viewport | null = null;
  private opened = false;

  constructor(
    private readonly browser: CdpBrowser,
    private readonly sessionId: string,
  ) {}

  send<M extends CdpMethod>(method: M, ...params: CdpParams<M>): Promise<CdpResult<M>> {
    return this.browser.sendTo(this.sessionId, method, ...params);
  }

  async setViewport(width: number, height: number): Promise<void> {
    await this.send('Emulation.setDeviceMetricsOverride', { width, height, deviceScaleFactor: 1, mobile: false });
    this.viewport = { width, height };
  }

  /**
   * A page opened before goes through about:blank first, so that the previous document's ready
   * attribute is never mistaken for the new one's.
   */
  async open(url: string, viewport: Viewport): Promise<void> {
    if (this.opened) await this.goto('about:blank');
    if (this.viewport?.width !== viewport.width || this.viewport.height !== viewport.height) await this.setViewport(viewport.width, viewport.height);
    this.opened = true;
    await this.goto(url);
  }

  waitUntilReady(): Promise<void> {
    // The caller's deadline (the export's --timeout) and each command's bound this wait.
    return waitUntilPrintReady((script) => this.evaluate(script));
  }

  async goto(url: string): Promise<void> {
    const result = await this.send('Page.navigate', { url });
    if (result.errorText) throw new PodiumError('runtime', `cannot open the print page: ${result.errorText}`);
  }

  /** Evaluates an expression in the page and returns its (JSON-serializable) value. */
  async evaluate<T>(expression: string): Promise<T> {
    const { result, exceptionDetails } = await this.send('Runtime.evaluate', { expression, returnByValue: true, awaitPromise: true });
    if (exceptionDetails) throw new PodiumError('runtime', `in the print page: ${exceptionDetails.text}`);
    // returnByValue: the page's value, as JSON; its type is the caller's to know.
    return result.value as T;
  }

  /** Resolves once `expression` is true in the page (print-ready.ts). */
  waitFor(expression: string): Promise<void> {
    return waitUntilTrue((script) => this.evaluate(script), expression);
  }

  /** A PNG of the region `clip` (CSS px of the whole document), scaled by `clip.scale`. */
  async screenshot({ format = 'png', ...clip }: ScreenshotClip): Promise<Uint8Array> {
    const { data } = await this.send('Page.captureScreenshot', {
      format,
      ...(format === 'jpeg' && { quality: JPEG_QUALITY }),
      clip,
      captureBeyondViewport: !(await this.scrolledIntoView(clip)),
      fromSurface: true,
    });
    return Buffer.from(data, 'base64');
  }

  /**
   * Scrolls `clip` (CSS px of the document) into the viewport when it fits there; false when it
   * does not. Capturing beyond the viewport makes Chromium lay the whole document out at its full
   * height for every capture: on a 300-page print page, each of a PPTX's pictures cost a layout
   * of all 300 pages, and --pptx-images on 300 slides ran past its two minutes.
   */
  private async scrolledIntoView(clip: Viewport & { x: number; y: number }): Promise<boolean> {
    const viewport = this.viewport;
    if (!viewport || clip.width > viewport.width || clip.height > viewport.height) return false;
    const [left, top] = await this.evaluate<[number, number]>(`scrollTo(${clip.x}, ${clip.y}), [scrollX, scrollY]`);
    // The document may end before the clip's top reaches the viewport's (a last page a pixel short).
    return clip.x >= left && clip.y >= top && clip.x + clip.width <= left + viewport.width && clip.y + clip.height <= top + viewport.height;
  }

  /** Prints with the page size its CSS asks for, backgrounds included. */
  async pdf({ tagged }: PdfPrintOptions): Promise<Uint8Array> {
    const { data } = await this.send('Page.printToPDF', {
      preferCSSPageSize: true,
      printBackground: true,
      // Chromium's own outline is replaced by Podium's, one entry per segment and slide (finish-pdf.ts).
      generateDocumentOutline: false,
      generateTaggedPDF: tagged,
    });
    return Buffer.from(data, 'base64');
  }
}

/** How long a failed command waits for the crash report that may explain it. */
const CRASH_REPORT_MS = 100;

function crashMessage(method: string): string {
  return `the page crashed in the browser (its renderer process died) during ${method}`;
}

function formatSeconds(ms: number): string {
  return `${Number((ms / 1000).toFixed(1))} s`;
}
