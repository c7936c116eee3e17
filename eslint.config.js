// Lint rules for civsim: typescript-eslint's recommended set, plus the project's own promises:
// - no Math.random anywhere in src (randomness is injected through named streams);
// - the universal part of src (everything but src/node, src/cli and src/bench) runs in a browser too:
//   no Node-only imports and no Node globals (process, Buffer, __dirname…) there.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const nodeOnly = ['src/node/**', 'src/cli/**', 'src/bench/**'];

export default tseslint.config(
  { ignores: ['node_modules/', 'results/', 'coverage/', '.ci/', 'notebooks/', '.scratch/', 'dist/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['src/**/*.ts'],
    rules: {
      'no-restricted-properties': [
        'error',
        {
          object: 'Math',
          property: 'random',
          message: 'Use an injected random stream (src/engine/random.ts).',
        },
      ],
    },
  },
  {
    // the universal library: only what every JavaScript engine has
    files: ['src/**/*.ts'],
    ignores: nodeOnly,
    languageOptions: { globals: { ...globals['shared-node-browser'] } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                'node:*',
                'fs',
                'path',
                'os',
                'child_process',
                'worker_threads',
                'url',
                'crypto',
                'piscina',
                '@resvg/*',
              ],
              message: 'The universal library must run in a browser: Node-only code goes in src/node/.',
            },
            {
              group: ['**/node/*', '**/cli/*'],
              message: 'The universal library must not import the Node entry or the CLI.',
            },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        ...['process', 'Buffer', '__dirname', '__filename', 'require', 'module', 'global'].map((name) => ({
          name,
          message: 'The universal library must run in a browser: Node-only code goes in src/node/.',
        })),
      ],
    },
  },
  {
    files: [...nodeOnly, 'test/**/*.ts', '*.js', '*.ts', '.ci/**'],
    languageOptions: { globals: { ...globals.node } },
  },
);
