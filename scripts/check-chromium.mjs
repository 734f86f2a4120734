// `pretest`: fail in the first second, in one line, when no Chromium is there for the browser tests.
import { CHROMIUM_MISSING, findChromium } from './chromium.mjs';

if (!findChromium()) {
  console.error(`npm test: ${CHROMIUM_MISSING}`);
  process.exit(1);
}
