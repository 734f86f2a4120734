// Renders resources/icon.svg into the icon set the installers need: PNGs from 16 to 1024 px
// (Linux, and the sources of the others), icon.ico (Windows) and icon.icns (macOS).
// Run after editing the SVG: `npm run icons`. The outputs are committed, so packaging needs no renderer.
import { Resvg } from '@resvg/resvg-js';
import png2icons from 'png2icons';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

export const ICON_SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024];

const resources = fileURLToPath(new URL('../resources/', import.meta.url));
const svg = readFileSync(join(resources, 'icon.svg'));
const pngDir = join(resources, 'icons');
mkdirSync(pngDir, { recursive: true });

const render = (size) => new Resvg(svg, { fitTo: { mode: 'width', value: size } }).render().asPng();
for (const size of ICON_SIZES) writeFileSync(join(pngDir, `${size}x${size}.png`), render(size));

// png2icons scales the 1024 px master down for each entry of the .ico and .icns containers.
const master = render(1024);
writeFileSync(join(resources, 'icon.png'), master);
writeFileSync(join(resources, 'icon.ico'), png2icons.createICO(master, png2icons.BICUBIC2, 0, false, true));
writeFileSync(join(resources, 'icon.icns'), png2icons.createICNS(master, png2icons.BICUBIC2, 0));
console.log(`icons written to ${resources}`);
