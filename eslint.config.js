import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['tests/fixtures/lint/**', '.tmp/**', 'dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', '.data/**', 'build/**'] },
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'electron', message: 'Only electron/main and electron/preload may import electron.' },
          ],
        },
      ],
    },
  },
  {
    files: ['electron/main/**', 'electron/preload/**'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    files: ['renderer/**'],
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']", message: 'Never inject text as HTML; use the sanitised Markdown component.' },
      ],
    },
  },
  {
    files: ['renderer/ui/Markdown.tsx'],
    rules: { 'no-restricted-syntax': 'off' },
  },
  {
    // A focused or disabled test hides failures. `it.skipIf(!process.env.DATABASE_URL)` stays allowed:
    // it depends on the machine, not on an edit, and CI sets DATABASE_URL, so there it always runs.
    files: ['tests/**'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: 'MemberExpression[object.name=/^(it|test|describe|suite|bench)$/][property.name=/^(only|skip|todo|fixme)$/]',
          message: 'No focused or disabled tests: fix the test, or delete it.',
        },
        {
          selector: 'MemberExpression[object.property.name=/^(describe|serial|parallel|each)$/][property.name=/^(only|skip|todo|fixme)$/]',
          message: 'No focused or disabled tests: fix the test, or delete it.',
        },
      ],
    },
  },
  {
    // Plain JavaScript (this file, the dependency-cruiser config) is not in any tsconfig.
    files: ['**/*.{js,cjs,mjs}'],
    ...tseslint.configs.disableTypeChecked,
  },
);
