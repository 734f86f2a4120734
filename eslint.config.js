// Lint rules, including the layering of the code base (who may import whom), enforced in `npm test`:
//   src-engine core: no node:*, electron or DOM-only modules (only src-engine/hosts/** touch a host);
//   src-shared: imports no other layer; src-main: never the renderer; src-renderer: the engine only
//   through src-engine/index.ts and the browser host's index (the GPU worker is started by URL, not imported).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import { builtinModules } from 'node:module';
import { defineConfig } from 'eslint/config';

const nodeModules = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];
const layer = (name, message) => ({ group: [`**/${name}`, `**/${name}/**`], message });

export default defineConfig(
  {
    ignores: [
      'out/**',
      'node_modules/**',
      'bench/results/**',
      'tests/webgpu/page/dist/**',
      '**/*.wasm',
      'src-engine/kernels/wasm/build/**',
    ],
  },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2022, sourceType: 'module' },
    linterOptions: { reportUnusedDisableDirectives: 'error', noInlineConfig: true },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none', ignoreRestSiblings: true },
      ],
    },
  },
  {
    // Plain Node scripts (TypeScript files get their globals checked by the compiler).
    files: ['**/*.{js,mjs,cjs}'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
  },
  {
    // vi.hoisted factories run before the file's imports, so they can only require().
    files: ['tests/**/*.ts'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['src-renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'error' },
  },
  {
    files: ['src-engine/**/*.ts'],
    ignores: ['src-engine/hosts/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [...nodeModules, 'electron'].map((name) => ({
            name,
            message:
              'the engine core runs in Node, a utility process and a browser worker: host code belongs in src-engine/hosts/',
          })),
          patterns: [
            layer('src-engine/hosts', 'the engine core may not depend on a host adapter'),
            layer('src-main', 'the engine may not import the main process'),
            layer('src-renderer', 'the engine may not import the renderer'),
            layer('src-cli', 'the engine may not import the CLI'),
          ],
        },
      ],
    },
  },
  {
    files: ['src-shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [...nodeModules, 'electron'].map((name) => ({
            name,
            message: 'src-shared is imported by every side; it may not use Node or Electron',
          })),
          patterns: ['src-engine', 'src-main', 'src-renderer', 'src-cli'].map((l) =>
            layer(l, 'src-shared imports no other layer'),
          ),
        },
      ],
    },
  },
  {
    files: ['src-main/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [layer('src-renderer', 'the main process never imports the renderer')] }],
    },
  },
  {
    files: ['src-renderer/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ['electron'].map((name) => ({
            name,
            message: 'the renderer talks to the main process only through the API client',
          })),
          patterns: [
            {
              regex: 'src-engine/(?!(index|hosts/browser)$)',
              message:
                'the renderer imports the engine only through src-engine/index.ts (add an export there), and the browser host through src-engine/hosts/browser',
            },
            {
              regex: 'src-engine(/index)?$',
              importNames: ['setBackend', 'withBackend', 'CpuBackend', 'registerCpuKernels'],
              message:
                'in-page inference runs through the one InferenceSession (src-renderer/app/inference.ts), which owns its backend',
            },
            layer('src-main', 'the renderer reaches the main process only through the API client'),
            layer('src-cli', 'the renderer may not import the CLI'),
          ],
        },
      ],
    },
  },
);
