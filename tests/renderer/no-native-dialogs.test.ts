import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const RENDERER = join(__dirname, '..', '..', 'src', 'renderer');

// Electron never shows window.prompt (it returns null at once), and confirm/alert block or differ
// between the app and a browser: the renderer asks through its own dialogs (editor/ask-dialog.ts).
// Either `window.prompt(` or a bare `prompt(`; `someObject.prompt(` is another object's method.
const NATIVE_DIALOG = /(?:\bwindow\s*\.\s*|(?<![\w$.]\s*))(?:prompt|confirm|alert)\s*\(/;

async function sourceFiles(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { withFileTypes: true, recursive: true });
  return entries
    .filter((entry) => entry.isFile() && /\.(?:ts|js|html)$/.test(entry.name))
    .map((entry) => join(entry.parentPath, entry.name));
}

/** `file:line: text` for each line that calls a browser dialog, ignoring comments. */
async function nativeDialogCalls(folder: string): Promise<string[]> {
  const found: string[] = [];
  for (const file of await sourceFiles(folder)) {
    const lines = (await readFile(file, 'utf8')).split('\n');
    lines.forEach((line, index) => {
      const code = line.replace(/\/\/.*$/, '').replace(/^\s*\*.*$/, '');
      if (NATIVE_DIALOG.test(code)) {
        found.push(`${relative(folder, file)}:${index + 1}: ${line.trim()}`);
      }
    });
  }
  return found;
}

describe('the renderer', () => {
  it('never calls window.prompt, confirm or alert', async () => {
    expect(await nativeDialogCalls(RENDERER)).toEqual([]);
  });
});
