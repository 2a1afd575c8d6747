import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },
  {
    // core/ is pure maths: no UI libraries, no state library, no DOM.
    files: ['src/core/**/*.ts'],
    languageOptions: { globals: { ...globals.es2022 } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ['react', 'react-dom', 'd3', 'zustand', 'katex'].map((name) => ({
            name,
            message: 'src/core is pure TypeScript: no UI, DOM or state imports.',
          })),
          patterns: [
            { group: ['react/*', 'react-dom/*', 'd3-*', 'zustand/*'], message: 'src/core is pure TypeScript.' },
            { group: ['../store/*', '../ui/*', '../embed/*', '../store', '../ui', '../embed'], message: 'core imports nothing from the app.' },
          ],
        },
      ],
      'no-restricted-globals': ['error', 'window', 'document', 'navigator', 'localStorage', 'location', 'HTMLElement'],
    },
  },
  {
    // tour/ is the tour file and link formats: pure like core, which is all it may import.
    files: ['src/tour/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ['react', 'react-dom', 'd3', 'zustand', 'katex'].map((name) => ({ name, message: 'src/tour is pure TypeScript: no UI, DOM or state imports.' })),
          patterns: [{ group: ['../store/*', '../ui/*', '../embed/*', '../store', '../ui', '../embed'], message: 'tour imports only core.' }],
        },
      ],
      'no-restricted-globals': ['error', 'window', 'document', 'navigator', 'localStorage', 'location', 'HTMLElement'],
    },
  },
);
