// Types of scripts/chromium.mjs for the tests and benches that launch Chromium.
export declare const CHROMIUM_MISSING: string;
export declare function findChromium(env?: NodeJS.ProcessEnv): string | null;
export declare function chromiumPath(): string;
