// Lint rules for civsim: typescript-eslint's recommended set, plus the project's own promises
// (no Math.random in the engine or the model: randomness is injected through named streams).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['node_modules/', 'results/', 'coverage/', '.ci/', 'notebooks/', '.scratch/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  { languageOptions: { globals: { ...globals.node } } },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['src/engine/**/*.ts', 'src/model/**/*.ts', 'src/scenario/**/*.ts'],
    rules: {
      'no-restricted-properties': [
        'error',
        { object: 'Math', property: 'random', message: 'Use an injected random stream (src/engine/random.ts).' },
      ],
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['node:*', 'fs', 'path', 'os', 'child_process'], message: 'The engine and model must run in a browser: no Node-only APIs.' }] },
      ],
    },
  },
  {
    // the one place where scenario loading touches the file system (kept out of the browser bundle)
    files: ['src/scenario/nodeIO.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
);
