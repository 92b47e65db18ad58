import { execFileSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { CEREMONY_DECK } from '../support/podium-cli';
import { answerNextDialog, clickMenu, launchPodium, skipWithoutElectron, totalSlides } from './electron-app';

test.beforeEach(() => skipWithoutElectron('tests/electron/export.spec.ts'));

test('File ▸ Export PDF… writes a PDF with a page a slide, read back with pdfinfo', async () => {
  const base = await mkdtemp(join(tmpdir(), 'podium-electron-export-'));
  const pdf = join(base, 'ceremony.pdf');
  const podium = await launchPodium(CEREMONY_DECK);
  try {
    const { app, window } = podium;
    await answerNextDialog(app, 'showSaveDialog', { canceled: false, filePath: pdf });
    await clickMenu(app, ['File', 'Export PDF…'], window);
    const dialog = window.getByRole('dialog', { name: 'Export PDF' });
    await dialog.getByRole('button', { name: 'Export', exact: true }).click();
    await expect(dialog.getByRole('status')).toHaveText(/Exported ceremony\.pdf/, { timeout: 120_000 });

    const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
    expect(Number(/^Pages:\s+(\d+)/m.exec(info)?.[1])).toBe(await totalSlides(window));
    expect(info).toMatch(/^Title:\s+Paris 2024/m);
    expect(execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' })).toContain('Los Angeles');
  } finally {
    await podium.close();
    await rm(base, { recursive: true, force: true });
  }
});
