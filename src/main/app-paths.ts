import { fileURLToPath } from 'node:url';

// Every file of src/main is bundled into out/main/index.js, so these resolve against that file:
// out/renderer/ and out/preload/index.cjs sit beside out/main/.
export const RENDERER_DIR = fileURLToPath(new URL('../renderer/', import.meta.url));
export const PRELOAD_PATH = fileURLToPath(new URL('../preload/index.cjs', import.meta.url));
