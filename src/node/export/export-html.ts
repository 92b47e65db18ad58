import { copyFile, mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import { DEFAULT_THEME, REVEAL_THEMES, type Problem } from '../../shared/deck/model';
import { STATIC_PAGE } from '../../shared/export/static-page';
import { DECK_ASSET_PREFIX } from '../../shared/api';
import { PodiumError } from '../../shared/errors';
import { loadDeck } from '../deck/load-deck';
import { readRehearsal } from '../present/rehearsal-file';
import { writeDirectoryAtomically } from '../fs/write-directory-atomic';
import { findDeckAssets } from './deck-assets';
import { exportRefusal } from './refused-deck';
import { staticPageHtml } from './static-page-html';
import { isRemoteUrl } from './stylesheet-references';

export interface HtmlExportRequest {
  deckPath: string;
  /** The folder to write: made, or replaced if it holds an earlier HTML export (else refused). */
  outputDir: string;
  /** The static page's build (out/static): its script, stylesheet, fonts and themes. */
  staticDir: string;
  allowMissing: boolean;
}

export interface HtmlExportResult {
  output: string;
  slides: number;
  /** Files written, index.html included. */
  files: number;
  bytes: number;
  /** Things the copy leaves out (a stylesheet's web fonts), each with file and line. */
  warnings: Problem[];
}

const MARKER_TEXT = 'A static copy written by `podium export --html`: the next export may replace this folder.\n';

/**
 * `podium export --html DIR`: a copy of the deck that presents from file:// with no server and no
 * network. index.html carries the deck; beside it the static build's script and stylesheet, the
 * deck's theme, and below `deck/` every file of the deck the slides or its stylesheet refer to,
 * and nothing else (sources, rehearsals, other files of the folder stay behind).
 */
export async function exportHtml(request: HtmlExportRequest): Promise<HtmlExportResult> {
  const { root, deck } = await loadDeck(request.deckPath);
  const errors = deck.problems.filter((problem) => problem.severity === 'error');
  if (errors.length > 0) throw exportRefusal('the deck has errors; no HTML export written', errors);
  const assets = await findDeckAssets(root, deck, { stylesheets: 'imports' });
  if (assets.missing.length > 0 && !request.allowMissing) {
    throw exportRefusal(
      'the deck refers to files it does not have or cannot show; no HTML export written (--allow-missing exports anyway)',
      assets.missing,
    );
  }
  const staticFiles = await staticBuildFiles(request.staticDir, deck.settings.theme);
  const rehearsal = await readRehearsal(root).catch(() => null);
  let bytes = 0;
  let files = 0;
  const written = (size: number): void => {
    bytes += size;
    files += 1;
  };

  await writeDirectoryAtomically({
    target: request.outputDir,
    marker: STATIC_PAGE.marker,
    what: 'HTML export',
    fill: async (folder) => {
      for (const path of staticFiles) {
        const destination = join(folder, path);
        await mkdir(dirname(destination), { recursive: true });
        if (path.startsWith(`${STATIC_PAGE.themesFolder}/`)) {
          const css = withoutRemoteImports(await readFile(join(request.staticDir, path), 'utf8'));
          await writeFile(destination, css);
          written(Buffer.byteLength(css));
        } else {
          await copyFile(join(request.staticDir, path), destination);
          written((await stat(destination)).size);
        }
      }
      for (const asset of assets.found) {
        const destination = join(folder, DECK_ASSET_PREFIX, ...asset.path.split('/'));
        await mkdir(dirname(destination), { recursive: true });
        await copyFile(asset.file, destination);
        written((await stat(destination)).size);
      }
      const page = staticPageHtml({ deck, rehearsal });
      await writeFile(join(folder, 'index.html'), page);
      written(Buffer.byteLength(page));
      await writeFile(join(folder, STATIC_PAGE.marker), MARKER_TEXT);
    },
  });
  return { output: request.outputDir, slides: deck.slides.length, files, bytes, warnings: assets.remote };
}

/** The static build's files, relative and with forward slashes; of the themes, only the deck's. */
async function staticBuildFiles(staticDir: string, theme: string): Promise<string[]> {
  const entries = await readdir(staticDir, { recursive: true, withFileTypes: true }).catch(() => []);
  const files = entries
    .filter((entry) => entry.isFile())
    .map((entry) => relative(staticDir, join(entry.parentPath, entry.name)).split(sep).join('/'));
  if (!files.includes(STATIC_PAGE.script) || !files.includes(STATIC_PAGE.stylesheet)) {
    throw new PodiumError('environment', `the static page is not built (${join(staticDir, STATIC_PAGE.script)} is missing): run npm run build`);
  }
  // The renderer shows an unknown theme as the default one (themes.ts): so does the copy.
  const themeName = (REVEAL_THEMES as readonly string[]).includes(theme) ? theme : DEFAULT_THEME;
  const themeFile = `${STATIC_PAGE.themesFolder}/${themeName}.css`;
  return files.filter((path) => !path.startsWith(`${STATIC_PAGE.themesFolder}/`) || path === themeFile);
}

/**
 * Some reveal.js themes `@import` web fonts from Google; the copy never goes to the network (its
 * CSP would refuse, with an error in the console), so the theme falls back to its next font.
 */
function withoutRemoteImports(css: string): string {
  return css.replace(/@import\s+(?:url\(\s*)?(["']?)([^"')]+)\1\s*\)?[^;]*;/g, (rule, _quote: string, href: string) =>
    isRemoteUrl(href) ? '' : rule,
  );
}
