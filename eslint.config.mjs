// ESLint (`make lint`): typescript-eslint's type-checked recommendations on every TypeScript file, typed by the
// nearest tsconfig (tsconfig.json, or web/tsconfig.json for the console); the few plain .js/.mjs files get the core rules.
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';

/** Node's CommonJS globals for jest.config.js and cli/bin/statecraft.js (the `globals` package is not installed). */
const COMMONJS_GLOBALS = {
  require: 'readonly',
  module: 'writable',
  exports: 'writable',
  process: 'readonly',
  __dirname: 'readonly',
  console: 'readonly',
};

export default defineConfig(
  { ignores: ['**/node_modules/', 'dist/', 'web/dist/', 'cdk.out/', 'test-results/', '.statecraft/', 'coverage/'] },
  { linterOptions: { reportUnusedDisableDirectives: 'error' } },
  js.configs.recommended,
  {
    files: ['**/*.{ts,tsx,mts,cts}'],
    extends: [tseslint.configs.recommendedTypeChecked],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { prefer: 'type-imports', fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/switch-exhaustiveness-check': ['error', { considerDefaultExhaustiveForUnions: true }],
      // As with tsc's noUnusedLocals/noUnusedParameters, a leading `_` marks a name unused on purpose (omitted fields, positional params).
      '@typescript-eslint/no-unused-vars': [
        'error',
        {
          argsIgnorePattern: '^_',
          varsIgnorePattern: '^_',
          caughtErrorsIgnorePattern: '^_',
          destructuredArrayIgnorePattern: '^_',
          ignoreRestSiblings: true,
        },
      ],
      // Off: `async` without `await` is deliberate where a Promise-returning type is implemented (intent handlers, fakes): throws reject.
      '@typescript-eslint/require-await': 'off',
      // A variable a closure reads before its one assignment (a handler wired after the server it serves) cannot be const.
      'prefer-const': ['error', { ignoreReadBeforeAssign: true }],
      // Rethrowing or rejecting with what was caught (typed unknown) passes the original error on unchanged.
      '@typescript-eslint/only-throw-error': ['error', { allowThrowingAny: true, allowThrowingUnknown: true }],
      '@typescript-eslint/prefer-promise-reject-errors': ['error', { allowThrowingAny: true, allowThrowingUnknown: true }],
    },
  },
  {
    // In the DSL's type-level code `{}` is the empty data shape, the identity of the intersections it builds.
    files: ['workflows/dsl/**/*.ts'],
    rules: { '@typescript-eslint/no-empty-object-type': ['error', { allowObjectTypes: 'always' }] },
  },
  {
    // Tests read untyped answers (supertest's `res.body`, parsed JSON) and assert on them: a wrong field fails the assertion.
    files: ['test/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-base-to-string': 'off',
      '@typescript-eslint/restrict-template-expressions': 'off',
    },
  },
  {
    files: ['**/*.{js,cjs}'],
    languageOptions: { sourceType: 'commonjs', globals: COMMONJS_GLOBALS },
  },
);
