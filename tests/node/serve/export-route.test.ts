import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import type { IncomingMessage } from 'node:http';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_EXPORT_CHOICES, type ExportChoices } from '../../../src/shared/export/export-api';
import { REPO_ROOT } from '../../support/podium-cli';
import { startTestDeckServer, type TestDeckServer } from '../../support/test-deck-server';
import { pdfInfo, pageText } from '../export/read-pdf';

const RENDERER_DIR = join(REPO_ROOT, 'out/renderer');

describe('serve mode export route (POST /api/export/pdf)', () => {
  let served: TestDeckServer;
  beforeAll(async () => {
    // The built renderer: the export's headless Chromium opens a print page of this server.
    served = await startTestDeckServer('basic', () => ({ rendererDir: RENDERER_DIR }));
  });
  afterAll(() => served.close());

  const post = (body: unknown, headers: Record<string, string> = {}, as = served.presenter) =>
    fetch(`${served.server.origin}${as}/api/export/pdf`, {
      method: 'POST',
      headers: { origin: served.server.origin, 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });
  const choices = (changes: Partial<ExportChoices>): ExportChoices => ({ ...DEFAULT_EXPORT_CHOICES, ...changes });
  const errorOf = async (response: Response): Promise<string> => ((await response.json()) as { message: string }).message;

  it('answers the presenter with the PDF as a download named after the deck', async () => {
    const response = await post(choices({ range: '1-2', notes: 'pages' }));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    expect(response.headers.get('content-disposition')).toBe(`attachment; filename="Introduction.pdf"; filename*=UTF-8''Introduction.pdf`);
    const pdf = join(served.work, 'answer.pdf');
    await writeFile(pdf, Buffer.from(await response.arrayBuffer()));
    // Slide 1, its notes page, slide 2 (which has no notes).
    expect(pdfInfo(pdf).Pages).toBe('3');
    expect(pageText(pdf, 2)).toContain('Greet the audience.');
  });

  it('prints on this same server: every request of the export reaches it, none another server', async () => {
    // Node reports each request any HTTP server of this process receives, whichever server it is.
    const ports: number[] = [];
    const paths: string[] = [];
    const onRequest = (message: unknown): void => {
      const { request } = message as { request: IncomingMessage };
      ports.push(request.socket.localPort ?? 0);
      paths.push(request.url ?? '');
    };
    subscribe('http.server.request.start', onRequest);
    try {
      expect((await post(choices({ range: '1' }))).status).toBe(200);
    } finally {
      unsubscribe('http.server.request.start', onRequest);
    }
    expect(paths.filter((path) => /^\/[^/]+\/print\/[^/]+\/api\/deck\?html/.test(path))).toHaveLength(1);
    expect(new Set(ports)).toEqual(new Set([Number(new URL(served.server.origin).port)]));
  });

  it('runs one export at a time', async () => {
    const statuses = await Promise.all([post(choices({ range: '1' })), post(choices({ range: '1' }))]).then((responses) =>
      responses.map((response) => response.status),
    );
    expect(statuses.sort()).toEqual([200, 409]);
  });

  it('refuses a request without the token', async () => {
    const response = await post(choices({}), {}, '');
    expect(response.status).toBe(401);
  });

  it('refuses a page of another origin, a request without Origin, and a follower', async () => {
    const foreign = await post(choices({}), { origin: 'http://evil.example' });
    expect(foreign.status).toBe(403);
    expect(await errorOf(foreign)).toMatch(/only a page of this server may export the deck/);
    const noOrigin = await fetch(`${served.server.origin}${served.presenter}/api/export/pdf`, {
      method: 'POST',
      body: JSON.stringify(choices({})),
    });
    expect(noOrigin.status).toBe(403);
    expect((await post(choices({}), {}, served.follower)).status).toBe(403);
  });

  it('refuses GET, and options of the wrong shape, saying which', async () => {
    const get = await fetch(`${served.server.origin}${served.presenter}/api/export/pdf`);
    expect(get.status).toBe(405);
    const perPage = await post(choices({ perPage: 4 as never }));
    expect(perPage.status).toBe(400);
    expect(await errorOf(perPage)).toBe('perPage: expected 1, 2, 3 or 6');
    const extra = await post({ ...choices({}), output: '/etc/passwd' });
    expect(extra.status).toBe(400);
    expect(await errorOf(extra)).toMatch(/expected exactly these export options/);
  });

  it('answers a range past the end and a deck with errors with the exporter’s sentence', async () => {
    const range = await post(choices({ range: '2-9' }));
    expect(range.status).toBe(400);
    expect(await errorOf(range)).toBe('--range: "2-9" goes past the last slide (the deck has 5)');
    await writeFile(join(served.work, '3-broken.md'), '---\ntitle: never closed\n\n# Oops\n');
    const broken = await post(choices({}));
    expect(broken.status).toBe(400);
    expect(await errorOf(broken)).toMatch(/the deck has errors; no PDF written:\n3-broken\.md:1: error:/);
  });

  it('answers a refusal as the app\'s IPC does: its sentence, its kind and the problems with their places', async () => {
    await writeFile(join(served.work, '3-broken.md'), '---\ntitle: never closed\n\n# Oops\n');
    const broken = await post(choices({}));
    expect(broken.status).toBe(400);
    expect(await broken.json()).toEqual({
      message: expect.stringMatching(/^the deck has errors; no PDF written:\n3-broken\.md:1: error: front matter opened with `---` is never closed$/),
      kind: 'deck',
      problems: [
        { code: 'bad-front-matter', severity: 'error', file: '3-broken.md', line: 1, message: 'front matter opened with `---` is never closed' },
      ],
    });
  });
});

describe('serve mode export route (POST /api/export/pptx)', () => {
  let served: TestDeckServer;
  beforeAll(async () => {
    served = await startTestDeckServer('basic', () => ({ rendererDir: RENDERER_DIR }));
  });
  afterAll(() => served.close());

  const post = (body: unknown, as = served.presenter) =>
    fetch(`${served.server.origin}${as}/api/export/pptx`, {
      method: 'POST',
      headers: { origin: served.server.origin, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });

  it('answers the presenter with the PPTX of the chosen slides as a download named after the deck', async () => {
    const response = await post({ choices: { ...DEFAULT_EXPORT_CHOICES, range: '1-2' }, pictures: false });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.presentationml.presentation');
    expect(response.headers.get('content-disposition')).toBe(`attachment; filename="Introduction.pptx"; filename*=UTF-8''Introduction.pptx`);
    const zip = await JSZip.loadAsync(await response.arrayBuffer());
    expect(Object.keys(zip.files).filter((name) => /^ppt\/slides\/slide\d+\.xml$/.test(name))).toHaveLength(2);
    expect(await zip.file('ppt/notesSlides/notesSlide1.xml')?.async('string')).toContain('Greet the audience.');
  });

  it('refuses a follower, and a request of the wrong shape, saying which', async () => {
    expect((await post({ choices: DEFAULT_EXPORT_CHOICES, pictures: false }, served.follower)).status).toBe(403);
    const bare = await post(DEFAULT_EXPORT_CHOICES);
    expect(bare.status).toBe(400);
    expect(((await bare.json()) as { message: string }).message).toBe('expected exactly these fields: choices, pictures');
  });
});
