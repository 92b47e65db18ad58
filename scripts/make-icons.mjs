// Renders resources/icon.svg into the icons electron-builder packs: PNGs for Linux, ICNS for
// macOS, ICO for Windows, in build/icons/ (generated, not committed).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Resvg } from '@resvg/resvg-js';
import png2icons from 'png2icons';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const OUT_DIR = join(ROOT, 'build', 'icons');
// The sizes freedesktop icon themes use; 1024 is the source png2icons scales down for ICNS and ICO.
const PNG_SIZES = [16, 32, 48, 64, 128, 256, 512, 1024];

const svg = readFileSync(join(ROOT, 'resources', 'icon.svg'));
mkdirSync(OUT_DIR, { recursive: true });

const pngs = new Map();
for (const size of PNG_SIZES) {
  const png = new Resvg(svg, { fitTo: { mode: 'width', value: size } }).render().asPng();
  pngs.set(size, png);
  writeFileSync(join(OUT_DIR, `${size}x${size}.png`), png);
}
writeFileSync(join(OUT_DIR, 'icon.png'), pngs.get(512));

const largest = pngs.get(1024);
const icns = png2icons.createICNS(largest, png2icons.BICUBIC, 0);
const ico = png2icons.createICO(largest, png2icons.BICUBIC, 0, false, true);
if (!icns || !ico) throw new Error('make-icons: png2icons could not convert resources/icon.svg');
writeFileSync(join(OUT_DIR, 'icon.icns'), icns);
writeFileSync(join(OUT_DIR, 'icon.ico'), ico);
console.log(`make-icons: ${PNG_SIZES.length} PNGs, icon.icns and icon.ico in build/icons/`);
