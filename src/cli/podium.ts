import { readFileSync } from 'node:fs';
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { PodiumError } from '../shared/errors';
import type { CheckOptions } from './commands/check';
import type { ExportCommandOptions } from './commands/export';
import type { ServeOptions } from './commands/serve';
import { EXIT_CODES } from './exit-codes';
import { PACKAGE_JSON } from './paths';

// Commands load on demand: the browser driver alone takes half a second to import, and
// `podium inspect` should not pay for it.
const commands = {
  app: () => import('./commands/app'),
  check: () => import('./commands/check'),
  export: () => import('./commands/export'),
  inspect: () => import('./commands/inspect'),
  serve: () => import('./commands/serve'),
};

const DECK_ARGUMENT = ['[deck]', 'a deck folder or a single .md file', '.'] as const;

function integer(value: string): number {
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 0) throw new InvalidArgumentError('expected a whole number');
  return parsed;
}

function positiveNumber(value: string): number {
  const parsed = Number(value);
  if (!Number.isFinite(parsed) || parsed <= 0) throw new InvalidArgumentError('expected a positive number');
  return parsed;
}

function positiveInteger(value: string): number {
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed <= 0) throw new InvalidArgumentError('expected a positive whole number');
  return parsed;
}

function packageVersion(): string {
  try {
    return (JSON.parse(readFileSync(PACKAGE_JSON, 'utf8')) as { version?: string }).version ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

function buildProgram(setExitCode: (code: number) => void): Command {
  const program = new Command('podium')
    .description('Markdown slide decks, presented with reveal.js: present, serve and export to PDF.')
    .version(packageVersion(), '-V, --version', 'print the version')
    .exitOverride()
    .showHelpAfterError();

  program
    .command('serve')
    .description('present the deck in a browser on 127.0.0.1, live-reloading on change')
    .argument(...DECK_ARGUMENT)
    .addOption(new Option('--port <n>', 'port to listen on; 0 picks a free one').argParser(integer).default(0))
    .addOption(new Option('--host <address>', 'address to bind').default('127.0.0.1'))
    .option('--open', 'open the system browser on the URL')
    .option('--remote', "turn the phone remote on: listen on the network for a phone's Next/Previous and laser (its own token)")
    .action(async (deck: string, options: ServeOptions) => (await commands.serve()).serveCommand(deck, options));

  program
    .command('export')
    .description('export the deck to PDF, PNGs or a static HTML copy')
    .argument(...DECK_ARGUMENT)
    .option('--pdf <file>', 'the PDF to write (default: <deck name>.pdf)')
    .option('--browser <path>', 'the browser to print with (default: CHROME_PATH, then the usual install paths)')
    .addOption(new Option('--timeout <seconds>', 'give up after this long; nothing is written').argParser(positiveNumber).default(120))
    .option('--size <size>', "slide and page size: 16:9, 4:3 or WIDTHxHEIGHT in px (default: the deck's)")
    .option('--range <slides>', 'only these slides, 1-based in deck order, e.g. 1-5,8')
    .option('--fragments', 'one page per fragment step (default: each slide in its final state)')
    .addOption(new Option('--notes <layout>', 'speaker notes: a page after each slide, or a handout').choices(['pages', 'handout']))
    .addOption(new Option('--per-page <n>', 'handout: slides per page').choices(['1', '2', '3', '6']).default('3'))
    .addOption(new Option('--paper <size>', 'handout paper (default: Letter in US/CA locales, else A4)').choices(['a4', 'letter']))
    .option('--no-outline', 'no PDF bookmarks (default: one per segment, its slides nested)')
    .option('--no-tags', 'an untagged PDF (default: tagged, for screen readers: headings, lists, tables, alt text in reading order)')
    .option('--allow-missing', 'export even when a slide refers to a missing image or file')
    .addOption(new Option('--max-image-dpi <n>', 'downsample images finer than N pixels per inch on the page (default: keep all)').argParser(positiveInteger))
    .option('--drawings', 'print the drawings saved while presenting (.podium/drawings.json) over their slides')
    .option('--watch', 'export again on every change to the deck, with the browser kept warm, until Ctrl+C')
    .option('--png <folder>', 'also (or, without --pdf, only) write one PNG per slide into this folder')
    .addOption(new Option('--png-width <px>', 'PNG width in pixels (default: the deck width)').argParser(positiveInteger))
    .option('--pptx <file>', 'also (or, without --pdf, only) write a PowerPoint file whose text, lists and tables stay editable')
    .option('--pptx-images', 'with --pptx: each slide as one picture, as the PDF shows it, the notes still as text')
    .option('--html <folder>', 'also (or, without --pdf, only) write a static copy that presents offline from file://, speaker view included')
    .action(async (deck: string, options: ExportCommandOptions) => (await commands.export()).exportCommand(deck, options));

  program
    .command('check')
    .description('preflight: exit 1 on anything that would break on stage or in the PDF')
    .argument(...DECK_ARGUMENT)
    .option('--browser <path>', 'the browser to lay slides out with (default: as for export)')
    .option('--no-render', 'skip the layout check in a browser (overflowing slides, contrast, text size)')
    .option('--json', 'print the problems as JSON (code, severity, file, line, message), for an editor')
    .addOption(new Option('--timeout <seconds>', 'give up after this long').argParser(integer).default(120))
    .action(async (deck: string, options: CheckOptions) => setExitCode(await (await commands.check()).checkCommand(deck, options)));

  program
    .command('inspect')
    .description('print the deck model: segments, slides, notes and problems')
    .argument(...DECK_ARGUMENT)
    .option('--json', 'print JSON')
    .action(async (deck: string, options: { json?: boolean }) => setExitCode(await (await commands.inspect()).inspectCommand(deck, options)));

  program
    .command('app')
    .description('open the deck in the desktop app (falls back to the browser without Electron)')
    .argument(...DECK_ARGUMENT)
    .action(async (deck: string) => setExitCode(await (await commands.app()).appCommand(deck)));

  return program;
}

async function main(argv: string[]): Promise<number> {
  let exitCode = EXIT_CODES.ok;
  const program = buildProgram((code) => (exitCode = code));
  try {
    await program.parseAsync(argv);
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.exitCode === 0 ? EXIT_CODES.ok : EXIT_CODES.usage;
    }
    if (error instanceof PodiumError) {
      console.error(`podium: ${error.message}`);
      return EXIT_CODES[error.kind];
    }
    console.error(`podium: unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    return EXIT_CODES.internal;
  }
}

process.exitCode = await main(process.argv);
