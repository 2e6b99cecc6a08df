import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

/** The pure core: codes, crypto, the vault's logic, import parsers, QR decoding, field detection. */
const PURE = [
  'lib/otp/**',
  'lib/crypto/**',
  'lib/vault/**',
  'lib/import/**',
  'lib/backup/**',
  'lib/qr/**',
  'lib/autofill/detect/**',
  'lib/recovery-codes/**',
];

/** What only adapters may reach: the browser, the UI runtime, the database. */
const ADAPTER_IMPORTS = [
  { group: ['wxt', 'wxt/*', '@webext-core/*'], message: 'Pure core: pass browser APIs in.' },
  {
    group: ['react', 'react-dom', 'react-dom/*', 'preact', 'preact/*'],
    message: 'Pure core: no UI.',
  },
  { group: ['dexie'], message: 'Pure core: storage is passed in (lib/db is the adapter).' },
];

export default tseslint.config(
  { ignores: ['node_modules', '.output', '.wxt', '.tmp'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { parserOptions: { projectService: true } },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      // A promise nobody awaits hides its error: await it, or mark it `void` on purpose.
      '@typescript-eslint/no-floating-promises': 'error',
    },
  },
  {
    files: PURE.map((dir) => `${dir}/*.ts`).concat(PURE),
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', { patterns: ADAPTER_IMPORTS }],
      'no-restricted-globals': [
        'error',
        { name: 'browser', message: 'Pure core: pass browser APIs in.' },
        { name: 'chrome', message: 'Pure core: pass browser APIs in.' },
        { name: 'document', message: 'Pure core: pass the document in.' },
        { name: 'window', message: 'Pure core: pass the window in.' },
        { name: 'localStorage', message: 'Pure core: storage is passed in.' },
      ],
      'no-restricted-properties': [
        'error',
        { object: 'Date', property: 'now', message: 'Pure core: pass `now` in.' },
      ],
    },
  },
  {
    // Presentational components: props in, callbacks out; browser calls live in lib/hooks.
    files: ['components/**/*.tsx', 'components/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['wxt', 'wxt/*', '@webext-core/*'],
              message: 'Components take props; use a hook.',
            },
            {
              group: ['**/messaging', '**/lib/storage'],
              allowTypeImports: true,
              message: 'Components take props; use a hook.',
            },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        { name: 'browser', message: 'Components take props; browser calls live in hooks.' },
        { name: 'chrome', message: 'Components take props; browser calls live in hooks.' },
      ],
    },
  },
  {
    files: ['**/*.{js,mjs}'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
  },
);
