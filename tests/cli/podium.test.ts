import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { formatProblem } from '../../src/shared/deck/build-deck';
import type { Problem } from '../../src/shared/deck/model';
import { CEREMONY_DECK, FIXTURE_DECKS, PODIUM_BIN, runPodium } from '../support/podium-cli';

describe('the podium command', () => {
  beforeAll(() => {
    if (!existsSync(PODIUM_BIN)) throw new Error(`build first (npm run build): ${PODIUM_BIN} is missing`);
  });

  it('prints its version with --version, as the package gives it', () => {
    const { version } = JSON.parse(readFileSync(join(import.meta.dirname, '../../package.json'), 'utf8')) as { version: string };
    for (const flag of ['--version', '-V']) {
      const result = runPodium([flag]);
      expect(result.status).toBe(0);
      expect(result.stdout).toBe(`${version}\n`);
    }
  });

  describe('bad input', () => {
    it('exits 2 with one line naming a deck path that does not exist', () => {
      const result = runPodium(['inspect', '/no/such/deck']);
      expect(result.status).toBe(2);
      expect(result.stderr).toBe('podium: deck not found: /no/such/deck\n');
    });

    it('exits 2 for a path that is neither a folder nor a .md file', () => {
      const path = join(FIXTURE_DECKS, 'outside/secret.txt');
      const result = runPodium(['export', path, '--pdf', '/tmp/never.pdf']);
      expect(result.status).toBe(2);
      expect(result.stderr).toBe(`podium: not a deck (a folder or a .md file): ${path}\n`);
    });

    it('exits 2 for an unknown option', () => {
      const result = runPodium(['inspect', CEREMONY_DECK, '--frobnicate']);
      expect(result.status).toBe(2);
      expect(result.stderr).toMatch(/unknown option '--frobnicate'/);
    });
  });

  describe('inspect', () => {
    it('prints the model as JSON and exits 0 for a deck without errors', () => {
      const result = runPodium(['inspect', join(FIXTURE_DECKS, 'basic'), '--json']);
      expect(result.status).toBe(0);
      const model = JSON.parse(result.stdout) as { segments: { file: string }[]; slides: unknown[] };
      expect(model.segments.map((segment) => segment.file)).toEqual(['2-intro.md', '10-end.md']);
      expect(model.slides).toHaveLength(5);
    });

    it('still prints the JSON, and exits 1, for a deck with errors', () => {
      const result = runPodium(['inspect', join(FIXTURE_DECKS, 'broken-front-matter'), '--json']);
      expect(result.status).toBe(1);
      const errors = (JSON.parse(result.stdout) as { problems: Problem[] }).problems.filter((problem) => problem.severity === 'error');
      expect(errors).toMatchObject([{ file: '2-bad.md', code: 'bad-front-matter' }]);
    });

    it('reports a missing image and an empty slide with the file, line and severity `check` gives them', () => {
      const deck = join(FIXTURE_DECKS, 'check-problems');
      const inspected = (JSON.parse(runPodium(['inspect', deck, '--json']).stdout) as { problems: Problem[] }).problems;
      expect(inspected).toContainEqual(expect.objectContaining({ code: 'missing-file', severity: 'error', file: '1-problems.md', line: 3 }));
      expect(inspected).toContainEqual(expect.objectContaining({ code: 'empty-slide', severity: 'warning', line: 15 }));
      const checked = runPodium(['check', deck, '--no-render']).stdout.split('\n').filter((line) => line.startsWith('1-problems.md:'));
      expect(inspected.map(formatProblem)).toEqual(checked);
    });
  });

  describe('check --json', () => {
    it('prints every problem with its code, file and line, and exits 1 on an error', () => {
      const result = runPodium(['check', join(FIXTURE_DECKS, 'check-hall'), '--no-render', '--json']);
      expect(result.status).toBe(1);
      const report = JSON.parse(result.stdout) as { slides: number; errors: number; warnings: number; problems: Problem[] };
      expect(report).toMatchObject({ slides: 6, errors: 3, warnings: 4 });
      // First the deck's own (no deck.yaml, so no lang: on the folder), then by file and line.
      expect(report.problems[0]).toMatchObject({ code: 'no-lang', file: '.', line: 1 });
      expect(report.problems[1]).toEqual({
        code: 'missing-alt',
        severity: 'error',
        file: '1-hall.md',
        line: 3,
        message: expect.stringContaining('has no alt text'),
      });
    });
  });

  describe('serve', () => {
    /**
     * Starts `podium serve` with `args` and, once it printed the presenter URL, stops it and returns
     * all it printed on both streams. The warning goes to stderr and the URL to stdout: two pipes,
     * read in either order, so the URL arriving says nothing of stderr. Everything is in once the
     * child has closed both (`close`, after `exit`).
     */
    function serveOutput(args: string[]): Promise<string> {
      const child = spawn(process.execPath, [PODIUM_BIN, 'serve', join(FIXTURE_DECKS, 'basic'), '--port', '0', ...args]);
      let output = '';
      let presenting = false;
      return new Promise((resolve, reject) => {
        const collect = (chunk: Buffer): void => {
          output += chunk.toString();
          if (!presenting && /presenting .* at http/.test(output)) {
            presenting = true;
            child.kill('SIGTERM');
          }
        };
        child.stdout.on('data', collect);
        child.stderr.on('data', collect);
        child.once('close', () => (presenting ? resolve(output) : reject(new Error(`podium serve ended early: ${output}`))));
      });
    }

    it('listens on 127.0.0.1 by default, without a warning', async () => {
      const output = await serveOutput([]);
      expect(output).toMatch(/at http:\/\/127\.0\.0\.1:\d+\/\?token=/);
      expect(output).not.toMatch(/warning: listening/);
    });

    it('warns when told to listen beyond this machine', async () => {
      const output = await serveOutput(['--host', '0.0.0.0']);
      expect(output).toContain('podium: warning: listening on 0.0.0.0, not only this machine');
    });
  });
});
