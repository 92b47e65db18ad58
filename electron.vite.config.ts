import { resolve } from 'node:path';
import { readFileSync } from 'node:fs';
import { defineConfig } from 'electron-vite';
import type { Plugin } from 'vite';
import { CONTENT_SECURITY_POLICY } from './src/shared/csp';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as {
  dependencies: Record<string, string>;
};
// electron-vite bundles every dependency into the main build; the CLI shares that build but loads
// its dependencies from node_modules, where npm put them.
const runtimeDependencies = Object.keys(pkg.dependencies).map((name) => new RegExp(`^${name}(/.*)?$`));

export default defineConfig({
  main: {
    build: {
      // One Node-side build for the Electron main process and the `podium` CLI: they share src/node.
      outDir: 'out',
      emptyOutDir: true,
      rolldownOptions: {
        input: {
          'main/index': resolve('src/main/index.ts'),
          'cli/podium': resolve('src/cli/podium.ts'),
        },
        external: runtimeDependencies,
        output: {
          entryFileNames: '[name].js',
          chunkFileNames: 'node/[name]-[hash].js',
          banner: (chunk) => (chunk.name === 'cli/podium' ? '#!/usr/bin/env node' : ''),
        },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      rolldownOptions: {
        input: { index: resolve('src/preload/index.ts') },
        // A sandboxed preload must be one CommonJS file: Electron cannot load an ES-module preload
        // with `sandbox: true`.
        output: { format: 'cjs', entryFileNames: '[name].cjs', codeSplitting: false },
      },
    },
  },
  renderer: {
    root: 'src/renderer',
    // Relative asset URLs: the same build is served from podium://app/ and from serve mode's origin.
    base: './',
    plugins: [contentSecurityPolicyMeta()],
    build: {
      outDir: 'out/renderer',
      // A smaller bundle loads faster in every window and in every export's print page.
      minify: true,
      // highlight.js (every language) and the editor (CodeMirror) are chunks of their own, loaded
      // only by decks with code and by the edit view: large, but never on the way to a first slide.
      chunkSizeWarningLimit: 1024,
      // The phone remote's page is a page of its own: it loads none of reveal.js, KaTeX or the editor.
      rolldownOptions: { input: { index: resolve('src/renderer/index.html'), remote: resolve('src/renderer/remote.html') } },
    },
  },
});

/** Puts the one CSP of src/shared/csp.ts into the page, so that no copy of it can drift. */
function contentSecurityPolicyMeta(): Plugin {
  return {
    name: 'podium:csp-meta',
    transformIndexHtml: () => [
      {
        tag: 'meta',
        attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY },
        injectTo: 'head-prepend',
      },
    ],
  };
}
