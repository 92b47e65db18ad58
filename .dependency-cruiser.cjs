/**
 * The layering of ../shared/style.md: a folder says which runtime its code may use, and imports
 * flow downward only. `npm run lint:layers` fails on any arrow below.
 */
const NODE_BUILTINS = '^(node:|(fs|path|os|child_process|crypto|http|https|net|url|stream|util|events|module|worker_threads|process)$)';

module.exports = {
  forbidden: [
    {
      name: 'shared-is-pure',
      comment: 'src/shared runs everywhere: no Node, no Electron, no other layer.',
      severity: 'error',
      from: { path: '^src/shared' },
      to: { pathNot: '^src/shared|^node_modules/(marked|yaml|katex|marked-katex-extension|re2js|diff)/' },
    },
    {
      name: 'node-below-electron',
      comment: 'src/node is Node without Electron: it imports shared and Node only.',
      severity: 'error',
      from: { path: '^src/node' },
      to: { path: '^src/(main|preload|renderer|cli)|^node_modules/electron/|^electron$' },
    },
    {
      name: 'main-is-a-thin-shell',
      comment: 'src/main imports shared, node and electron; never the UI or the CLI.',
      severity: 'error',
      from: { path: '^src/main' },
      to: { path: '^src/(preload|renderer|cli)' },
    },
    {
      name: 'preload-exposes-the-contract-only',
      comment: 'src/preload imports the contract in shared and electron; nothing else.',
      severity: 'error',
      from: { path: '^src/preload' },
      to: { pathNot: '^src/(preload|shared)|^electron$|^node_modules/electron/' },
    },
    {
      name: 'renderer-talks-through-the-contract',
      comment: 'src/renderer knows no Node, no Electron, and no host code: only shared and web libraries.',
      severity: 'error',
      from: { path: '^src/renderer' },
      to: { path: `^src/(node|main|preload|cli)|^electron$|^node_modules/electron/|${NODE_BUILTINS}` },
    },
    {
      name: 'renderer-no-node-builtins',
      severity: 'error',
      from: { path: '^src/(renderer|shared)' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'cli-has-no-electron',
      comment: 'The CLI runs in plain Node; it launches Electron as a process, never imports it.',
      severity: 'error',
      from: { path: '^src/cli' },
      to: { path: '^src/(main|preload|renderer)|^electron$|^node_modules/electron/' },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsConfig: { fileName: 'tsconfig.node.json' },
    tsPreCompilationDeps: true,
    exclude: { path: '\\.d\\.ts$' },
  },
};
