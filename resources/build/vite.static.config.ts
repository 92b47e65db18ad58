import { resolve } from 'node:path';
import { defineConfig } from 'vite';
import { STATIC_PAGE } from '../../src/shared/export/static-page';

/**
 * The static copy's script (`podium export --html`), built apart from the renderer so that the
 * app's build stays as it is: one classic (IIFE) script and one stylesheet, since a page opened
 * from file:// cannot load module scripts (its origin is null, and module scripts need CORS).
 * Runs after `electron-vite build`, which empties out/.
 */
export default defineConfig({
  root: 'src/renderer',
  base: './',
  // The page is written by the export, not by this build: no public folder, no index.html.
  publicDir: false,
  logLevel: 'warn',
  build: {
    outDir: resolve('out/static'),
    emptyOutDir: true,
    minify: true,
    // One stylesheet file beside the script, rather than styles injected by it: KaTeX's font URLs
    // then resolve against the stylesheet, as written.
    cssCodeSplit: false,
    // The deck's own and KaTeX's fonts stay files: the CSP allows data: fonts, but each copy would
    // then carry every font inside its stylesheet.
    assetsInlineLimit: 0,
    reportCompressedSize: false,
    chunkSizeWarningLimit: 4096,
    rolldownOptions: {
      input: { podium: resolve('src/renderer/static/static-main.ts') },
      // Dynamic imports are inlined into the one script: the URL helpers some of them carry
      // (`import.meta.url`) never run, and an IIFE has no `import.meta` to give them.
      transform: { define: { 'import.meta': '{}' } },
      output: {
        format: 'iife',
        codeSplitting: false,
        entryFileNames: STATIC_PAGE.script,
        assetFileNames: (asset) => {
          const source = asset.originalFileNames[0] ?? '';
          if (/reveal\.js\/dist\/theme\/[^/]+\.css$/.test(source)) return `${STATIC_PAGE.themesFolder}/[name][extname]`;
          if (asset.names.some((name) => name.endsWith('.css'))) return STATIC_PAGE.stylesheet;
          return 'assets/[name]-[hash][extname]';
        },
      },
    },
  },
  experimental: {
    // Theme URLs stay relative to the page (index.html sits beside themes/): an IIFE has no
    // import.meta.url to resolve them against.
    renderBuiltUrl: (filename, { hostType }) => (hostType === 'js' ? { runtime: JSON.stringify(filename) } : { relative: true }),
  },
});
