import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { devices, expect, test, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { FIXTURE_DECKS } from '../support/podium-cli';
import { laserDot, overlayOf } from './drawing-support';
import { openPresenter, openSpeakerView, revealIndices, speakerIndices } from './present-support';
import { presenterTokenOf, remoteTokenOf, serveWithRemote, type RemoteServer } from './remote-support';

// "Opening": Welcome, then "Three steps" (two fragments); "Closing": Thank you, then Questions (no notes).
const DECK = join(FIXTURE_DECKS, 'presenting');

/** A phone: Chromium at a phone's size, with touch, as Playwright describes a Pixel 7. */
async function openPhone(browser: Browser, url: string): Promise<{ context: BrowserContext; phone: Page }> {
  const { defaultBrowserType: _ignored, ...pixel } = devices['Pixel 7'];
  const context = await browser.newContext(pixel);
  const phone = await context.newPage();
  await phone.goto(url);
  await expect(phone.locator('body[data-connection="connected"]')).toBeAttached();
  // The presentation's own stream opens once its page has settled: until then a press has nothing to move.
  await expect(phone.locator('body[data-presenting="true"]')).toBeAttached();
  return { context, phone };
}

/** The status of a request the phone's page makes with its own token. */
function phoneRequest(phone: Page, path: string, init: { method?: string; body?: unknown } = {}): Promise<number> {
  return phone.evaluate(
    async ({ path, method, body }) => {
      const response = await fetch(path, {
        method: method ?? 'GET',
        headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return response.status;
    },
    { path, method: init.method, body: init.body },
  );
}

test.describe('a phone as the clicker', () => {
  let served: RemoteServer | null = null;
  test.afterEach(async () => {
    await served?.stop();
    served = null;
  });

  test("moves the presentation with Next, Previous and swipes, and shows the notes, the next slide's title and the timer", async ({ browser }) => {
    served = await serveWithRemote(DECK);
    expect(new URL(served.remoteUrl).hostname).not.toBe('127.0.0.1');
    const presenterContext = await browser.newContext();
    const presenter = await openPresenter(presenterContext, served.url);
    const speaker = await openSpeakerView(presenter);
    const { context: phoneContext, phone } = await openPhone(browser, served.remoteUrl);

    await expect(phone.locator('.remote-title')).toHaveText('Welcome');
    await expect(phone.locator('.remote-notes')).toHaveText('Notes for the welcome slide.');
    await expect(phone.locator('.remote-next')).toHaveText('Next: Three steps');
    await expect(phone.locator('.remote-position')).toHaveText('1 / 4');
    // The speaker view's clock, on the phone.
    await expect(phone.locator('.remote-elapsed')).toHaveText(/^\d+:\d\d$/);
    await expect(phone.locator('.remote-left')).toHaveText(/^[23]:\d\d left$/);

    await phone.locator('.remote-next-button').tap();
    await expect.poll(() => revealIndices(presenter)).toEqual({ h: 1, v: 0, f: -1 });
    await expect.poll(() => speakerIndices(speaker)).toEqual({ h: 1, v: 0, f: -1 });
    await expect(phone.locator('.remote-notes')).toHaveText('Notes for the steps slide.');
    await expect(phone.locator('.remote-next')).toHaveText('Next: Thank you');

    // Next steps through the fragments as the presenter's clicker does; Previous steps back.
    await phone.locator('.remote-next-button').tap();
    await expect.poll(() => revealIndices(presenter)).toEqual({ h: 1, v: 0, f: 0 });
    await phone.locator('.remote-previous').tap();
    await expect.poll(() => revealIndices(presenter)).toEqual({ h: 1, v: 0, f: -1 });

    // A swipe to the left goes on, to the right goes back.
    const swipe = async (from: number, to: number): Promise<void> => {
      const box = await phone.locator('.remote-main').boundingBox();
      if (!box) throw new Error('the phone shows no notes area');
      const y = box.y + box.height / 2;
      await phone.mouse.move(box.x + from * box.width, y);
      await phone.mouse.down();
      await phone.mouse.move(box.x + to * box.width, y, { steps: 6 });
      await phone.mouse.up();
    };
    await swipe(0.85, 0.15);
    await expect.poll(() => revealIndices(presenter)).toEqual({ h: 1, v: 0, f: 0 });
    await swipe(0.15, 0.85);
    await expect.poll(() => revealIndices(presenter)).toEqual({ h: 1, v: 0, f: -1 });

    // The presenter's own moves show on the phone too; the last slide has no next.
    for (let step = 0; step < 5; step++) await presenter.keyboard.press('ArrowRight');
    await expect.poll(() => revealIndices(presenter)).toEqual({ h: 3, v: 0, f: -1 });
    await expect(phone.locator('.remote-title')).toHaveText('Questions');
    await expect(phone.locator('.remote-notes')).toHaveText('No notes for this slide.');
    await expect(phone.locator('.remote-next')).toHaveText('Last slide');

    await phoneContext.close();
    await presenterContext.close();
  });

  test('moves a speaker view open on its own, with no presentation (one screen, rehearsing)', async ({ browser }) => {
    served = await serveWithRemote(DECK);
    const presenterContext = await browser.newContext();
    const speaker = await presenterContext.newPage();
    await speaker.goto(`${served.url}&view=speaker`);
    await expect(speaker.locator('.podium-speaker[data-h]')).toBeAttached();
    const { context: phoneContext, phone } = await openPhone(browser, served.remoteUrl);
    await expect(phone.locator('.remote-title')).toHaveText('Welcome');

    await phone.locator('.remote-next-button').tap();
    await expect.poll(() => speakerIndices(speaker)).toEqual({ h: 1, v: 0, f: -1 });
    await expect(phone.locator('.remote-title')).toHaveText('Three steps');
    await phone.locator('.remote-next-button').tap();
    await expect.poll(() => speakerIndices(speaker)).toEqual({ h: 1, v: 0, f: 0 });
    await phone.locator('.remote-previous').tap();
    await expect.poll(() => speakerIndices(speaker)).toEqual({ h: 1, v: 0, f: -1 });
    await expect(phone.locator('.remote-feedback')).toHaveText('');

    await phoneContext.close();
    await presenterContext.close();
  });

  test("points the laser on the presentation, the speaker view's NOW slide and followers, and may do nothing else: every other route answers 403", async ({ browser }) => {
    served = await serveWithRemote(DECK);
    const presenterContext = await browser.newContext();
    const audienceContext = await browser.newContext();
    const presenter = await openPresenter(presenterContext, served.url);
    const speaker = await openSpeakerView(presenter);
    const follower = await openPresenter(audienceContext, served.followUrl);
    const { context: phoneContext, phone } = await openPhone(browser, served.remoteUrl);

    await phone.locator('.remote-laser-button').tap();
    const pad = phone.locator('.remote-laser-pad');
    await expect(pad).toBeVisible();
    const box = await pad.boundingBox();
    if (!box) throw new Error('no laser pad');
    await phone.mouse.move(box.x + box.width * 0.25, box.y + box.height * 0.5);
    await phone.mouse.down();
    await phone.mouse.move(box.x + box.width * 0.75, box.y + box.height * 0.25, { steps: 5 });
    const near = (dot: { x: number; y: number } | null): boolean => dot !== null && Math.abs(dot.x - 0.75) < 0.03 && Math.abs(dot.y - 0.25) < 0.03;
    for (const page of [presenter, follower]) await expect.poll(async () => near(await laserDot(overlayOf(page)))).toBe(true);
    await expect.poll(async () => near(await laserDot(overlayOf(speaker, true)))).toBe(true);
    await phone.mouse.up();
    for (const page of [presenter, follower]) await expect.poll(() => laserDot(overlayOf(page))).toBeNull();
    await expect.poll(() => laserDot(overlayOf(speaker, true))).toBeNull();

    // The remote's token reads nothing of the deck, edits nothing, exports nothing, saves nothing.
    const refused: [string, { method?: string; body?: unknown }][] = [
      ['api/deck', {}],
      ['api/events', {}],
      ['deck/1-opening.md', {}],
      ['deck/', {}],
      ['api/drawings', {}],
      ['api/rehearsal', {}],
      ['api/presenter/events', {}],
      ['api/remote', {}],
      ['api/remote/commands', {}],
      ['api/remote', { method: 'POST', body: { on: false } }],
      ['api/edit/saveSegment', { method: 'POST', body: { args: ['1-opening.md', '# Hacked\n'] } }],
      ['api/export/pdf', { method: 'POST', body: {} }],
      ['api/presenter', { method: 'POST', body: { h: 3, v: 0, f: -1 } }],
      ['api/drawings', { method: 'POST', body: { pages: {} } }],
      ['api/rehearsal', { method: 'POST', body: {} }],
      ['api/drawing', { method: 'POST', body: { kind: 'clear', page: '0/0' } }],
    ];
    for (const [path, init] of refused) expect(await phoneRequest(phone, path, init), path).toBe(403);
    expect(await revealIndices(presenter)).toEqual({ h: 0, v: 0, f: -1 });

    // On the network listener, no token but the remote's opens anything: not the presenter's, not a wrong one.
    const network = new URL(served.remoteUrl).origin;
    for (const path of [`/${presenterTokenOf(served.url)}/api/deck`, '/wrong-token/', `/?token=${presenterTokenOf(served.url)}`, '/']) {
      expect((await fetch(`${network}${path}`, { redirect: 'manual' })).status, path).toBe(403);
    }

    await phoneContext.close();
    await audienceContext.close();
    await presenterContext.close();
  });

  test('a flood of laser points and presses from the phone is rate-limited (429) and never passed on to the presenter', async ({ browser }) => {
    served = await serveWithRemote(DECK);
    const presenterContext = await browser.newContext();
    const presenter = await openPresenter(presenterContext, served.url);
    const { context: phoneContext, phone } = await openPhone(browser, served.remoteUrl);
    await expect(phone.locator('.remote-feedback')).toHaveText('');

    // What the presenter's windows receive from the phone: their own event stream, read here.
    const commands = await fetch(`${served.origin}/${presenterTokenOf(served.url)}/api/events`);
    const reader = commands.body!.getReader();
    let received = '';
    const reading = (async () => {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        received += Buffer.from(value).toString();
      }
    })();

    const flood = await phone.evaluate(async () => {
      const statuses: number[] = [];
      const started = performance.now();
      await Promise.all(
        Array.from({ length: 600 }, (_, index) =>
          fetch('api/drawing', {
            method: 'POST',
            headers: { 'Content-Type': 'application/json' },
            body: JSON.stringify({ kind: 'laser', page: '0/0', point: { x: index, y: 100 } }),
          }).then((response) => statuses.push(response.status)),
        ),
      );
      return { statuses, seconds: (performance.now() - started) / 1000 };
    });
    const passed = flood.statuses.filter((status) => status === 204).length;
    expect(flood.statuses.filter((status) => status === 429).length).toBeGreaterThan(0);
    expect(flood.statuses.every((status) => status === 204 || status === 429)).toBe(true);
    // At most the burst (60) and 60 a second of the flood's time pass; the rest never reach the presenter.
    expect(passed).toBeLessThanOrEqual(60 + Math.ceil(60 * flood.seconds) + 1);
    await expect.poll(() => (received.match(/event: laser/g) ?? []).length).toBe(passed);

    // Presses, too: a burst of ten, then 429.
    const presses = await phone.evaluate(async () =>
      Promise.all(
        Array.from({ length: 40 }, () =>
          fetch('api/remote/step', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"direction":"previous"}' }).then((response) => response.status),
        ),
      ),
    );
    expect(presses.filter((status) => status === 429).length).toBeGreaterThan(0);

    // The presenter's page still moves with the phone as soon as the phone is within its limits again.
    await expect(async () => {
      await phone.locator('.remote-next-button').tap();
      expect(await revealIndices(presenter)).not.toEqual({ h: 0, v: 0, f: -1 });
    }).toPass();
    await reader.cancel();
    await reading.catch(() => undefined);
    await phoneContext.close();
    await presenterContext.close();
  });

  test('a phone that loses the network reconnects on its own and catches up', async ({ browser }) => {
    served = await serveWithRemote(DECK);
    const presenterContext = await browser.newContext();
    const presenter = await openPresenter(presenterContext, served.url);
    const { context: phoneContext, phone } = await openPhone(browser, served.remoteUrl);
    await expect(phone.locator('.remote-title')).toHaveText('Welcome');

    await phoneContext.setOffline(true);
    // Its stream is cut: the phone says so and keeps trying.
    await phone.evaluate("window.dispatchEvent(new Event('online'))");
    await expect(phone.locator('body[data-connection="reconnecting"]')).toBeAttached();
    await expect(phone.locator('.remote-connection')).toHaveText(/reconnecting/);
    await presenter.keyboard.press('ArrowRight');
    await expect.poll(() => revealIndices(presenter)).toEqual({ h: 1, v: 0, f: -1 });

    await phoneContext.setOffline(false);
    await expect(phone.locator('body[data-connection="connected"]')).toBeAttached();
    await expect(phone.locator('.remote-title')).toHaveText('Three steps');
    await phone.locator('.remote-next-button').tap();
    await expect.poll(() => revealIndices(presenter)).toEqual({ h: 1, v: 0, f: 0 });

    await phoneContext.close();
    await presenterContext.close();
  });

  test("turning the remote off in the speaker view revokes its token (403 after), and on again gives a new one with its QR code", async ({ browser }) => {
    served = await serveWithRemote(DECK);
    const presenterContext = await browser.newContext();
    const presenter = await openPresenter(presenterContext, served.url);
    const speaker = await openSpeakerView(presenter);
    const { context: phoneContext, phone } = await openPhone(browser, served.remoteUrl);

    // `--remote`: the speaker view shows the QR code of the phone's URL, and the warning.
    const panel = speaker.locator('.speaker-remote-panel');
    await expect(panel).toBeVisible();
    await expect(panel.locator('.speaker-remote-url')).toHaveText(served.remoteUrl);
    await expect(panel.locator('canvas.speaker-remote-qr')).toBeVisible();
    await expect(panel).toContainText(`listens on ${new URL(served.remoteUrl).origin}: anyone on this network can reach that port`);
    await expect(speaker.locator('.speaker-remote-button')).toHaveAttribute('aria-pressed', 'true');

    await panel.locator('.speaker-remote-switch').click();
    await expect(speaker.locator('.speaker-remote-button')).toHaveAttribute('aria-pressed', 'false');
    await expect(panel.locator('canvas.speaker-remote-qr')).toBeHidden();
    // Before it is on again, the panel says which address it would open and who could reach it.
    await expect(panel).toContainText(/Turning the remote on listens on http:\/\/[\d.]+:\d+: anyone on this network can reach that port/);

    // The old token is refused on this machine's server, and the network listener is gone.
    const oldToken = remoteTokenOf(served.remoteUrl);
    for (const path of [`/${oldToken}/`, `/${oldToken}/api/remote/events`, `/?token=${oldToken}`]) {
      expect((await fetch(`${served.origin}${path}`, { redirect: 'manual' })).status, path).toBe(403);
    }
    await expect(fetch(served.remoteUrl)).rejects.toThrow();
    // The phone cannot move the talk any more.
    await phone.locator('.remote-next-button').tap({ force: true }).catch(() => undefined);
    expect(await revealIndices(presenter)).toEqual({ h: 0, v: 0, f: -1 });

    // On again: a new URL with a new token and its QR code; the old token stays refused.
    await panel.locator('.speaker-remote-switch').click();
    await expect(speaker.locator('.speaker-remote-button')).toHaveAttribute('aria-pressed', 'true');
    const newUrl = (await panel.locator('.speaker-remote-url').textContent()) ?? '';
    expect(newUrl).toMatch(/^http:\/\/[\d.]+:\d+\/[\w-]+\/$/);
    expect(remoteTokenOf(newUrl)).not.toBe(oldToken);
    expect((await fetch(`${new URL(newUrl).origin}/${oldToken}/`)).status).toBe(403);
    await phone.goto(newUrl);
    await expect(phone.locator('body[data-connection="connected"]')).toBeAttached();
    await phone.locator('.remote-next-button').tap();
    await expect.poll(() => revealIndices(presenter)).toEqual({ h: 1, v: 0, f: -1 });

    await phoneContext.close();
    await presenterContext.close();
  });

  test('on a Pixel 7 upright and on its side: Previous and Next whole on screen, each word on one line, long notes scrolled, the laser pad inside the screen', async ({ browser }) => {
    const deck = await mkdtemp(join(tmpdir(), 'podium-remote-fit-'));
    try {
      await cp(DECK, deck, { recursive: true });
      const longNotes = Array.from({ length: 30 }, (_, index) => `Sentence ${index + 1} of notes too long for a phone's screen.`).join(' ');
      await writeFile(join(deck, '1-opening.md'), `---\ntitle: Opening\n---\n\n# Welcome\n\nNote: ${longNotes}\n`);
      served = await serveWithRemote(deck);
      const presenterContext = await browser.newContext();
      await openPresenter(presenterContext, served.url);
      const { defaultBrowserType: _ignored, ...pixel } = devices['Pixel 7'];
      for (const viewport of [pixel.viewport, { width: pixel.viewport.height, height: pixel.viewport.width }]) {
        const context = await browser.newContext({ ...pixel, viewport });
        const phone = await context.newPage();
        await phone.goto(served.remoteUrl);
        await expect(phone.locator('body[data-presenting="true"]')).toBeAttached();
        await expect(phone.locator('.remote-title')).toHaveText('Welcome');
        const where = `at ${viewport.width}x${viewport.height}`;
        // A string, not a function: this file is type-checked without the DOM's types.
        const measure = () =>
          phone.evaluate(`(() => {
            const inside = (element) => { const r = element.getBoundingClientRect(); return r.width > 0 && r.left >= 0 && r.top >= 0 && r.right <= innerWidth && r.bottom <= innerHeight; };
            const lines = (element) => { const span = [...element.children].find((child) => !child.getAttribute('aria-hidden')); return Math.round(span.getBoundingClientRect().height / parseFloat(getComputedStyle(span).lineHeight)); };
            const notes = document.querySelector('.remote-notes');
            const pad = document.querySelector('.remote-laser-pad');
            return {
              buttonsInside: [...document.querySelectorAll('.remote-buttons button')].map(inside),
              wordLines: [...document.querySelectorAll('.remote-buttons button')].map(lines),
              pageScrolls: document.scrollingElement.scrollHeight > innerHeight,
              notesScroll: notes.hidden ? null : notes.scrollHeight > notes.clientHeight,
              padInside: pad.getClientRects().length ? inside(pad) : null,
            };
          })()`);
        expect(await measure(), where).toEqual({ buttonsInside: [true, true], wordLines: [1, 1], pageScrolls: false, notesScroll: true, padInside: null });
        await phone.locator('.remote-laser-button').tap();
        await expect(phone.locator('.remote-laser-pad')).toBeVisible();
        expect(await measure(), `${where}, the laser on`).toEqual({ buttonsInside: [true, true], wordLines: [1, 1], pageScrolls: false, notesScroll: null, padInside: true });
        await context.close();
      }
      await presenterContext.close();
    } finally {
      await rm(deck, { recursive: true, force: true });
    }
  });
});
