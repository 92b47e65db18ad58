import { spawn } from 'node:child_process';
import { mkdtemp, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { PODIUM_BIN } from '../support/podium-cli';

let deck: string;
let stopServe: (() => void) | null = null;

beforeEach(async () => {
  deck = await mkdtemp(join(tmpdir(), 'podium-serve-problems-'));
});

afterEach(async () => {
  stopServe?.();
  await rm(deck, { recursive: true, force: true });
});

/** Saves as an editor does: written beside, renamed over. */
async function save(name: string, text: string): Promise<void> {
  await writeFile(join(deck, `.${name}.tmp`), text);
  await rename(join(deck, `.${name}.tmp`), join(deck, name));
}

/** `podium serve` on the deck; `waitFor` resolves once its output has matched `pattern`. */
function serve(): { waitFor(pattern: RegExp): Promise<string> } {
  const child = spawn(process.execPath, [PODIUM_BIN, 'serve', deck, '--port', '0']);
  stopServe = () => child.kill('SIGTERM');
  let output = '';
  const waiters: (() => void)[] = [];
  const collect = (chunk: Buffer): void => {
    output += chunk.toString();
    for (const waiter of waiters.splice(0)) waiter();
  };
  child.stdout.on('data', collect);
  child.stderr.on('data', collect);
  return {
    waitFor(pattern) {
      return new Promise((resolve) => {
        const check = (): void => {
          const match = pattern.exec(output);
          if (match) resolve(match[0]);
          else waiters.push(check);
        };
        check();
      });
    },
  };
}

it('prints the problems check finds as they appear while the deck is edited, and when they are fixed', async () => {
  await save('1-intro.md', '# Intro\n\n![The stadium](stadium.png)\n\nNote: welcome\n');
  const served = serve();
  expect(await served.waitFor(/podium: 1-intro\.md:3: error: image "stadium\.png" not found[^\n]*/)).toBeTruthy();
  // Printed once the deck is watched.
  await served.waitFor(/presenting Intro at http/);

  await save('1-intro.md', '# Intro\n\nNo picture now.\n\nNote: welcome\n');
  await served.waitFor(/podium: no problems left/);

  await save('1-intro.md', '---\ntitle: "Intro\nlayout: title\n---\n# Intro\n\nNote: welcome\n');
  expect(await served.waitFor(/podium: 1-intro\.md:2: error: invalid front matter: [^\n]*/)).toContain(
    'the " opened on this line is never closed',
  );
});
