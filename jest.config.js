// One jest config, two projects (STYLE.md §4). Types are checked by `tsc --noEmit`, so tests are
// transformed with swc for speed.
//
// - `unit`: in-process tests with fakes, no server of their own, no child process, no browser
//   (supertest driving an Express app in-process counts as unit; so do test-kit runs, which start
//   dynalite in-process only for workflows that use a table).
// - `integration`: tests that start the emulator, dynalite, the Lex runtime, the API or the dev stack on
//   loopback, spawn processes, drive Chromium or synthesize the CDK app. Name them `*.int.test.ts`
//   (`*.e2e.test.ts` for the browser tests).
//
// Only the fast ones: `npx jest --selectProjects unit` (one area: `npx jest --selectProjects unit test/api`).
const transform = { '^.+\\.tsx?$': ['@swc/jest', { jsc: { target: 'es2022' } }] };

/** Integration tests by name. */
const INTEGRATION_BY_NAME = '\\.(int|e2e)\\.test\\.ts$';
/** The CLI's tests: each file runs its command in-process and spawns the real binary once. */
const INTEGRATION_BY_PATH = ['/test/cli/.+\\.test\\.ts$'];
const INTEGRATION = [INTEGRATION_BY_NAME, ...INTEGRATION_BY_PATH];

/** @param {string} displayName @param {Partial<import('jest').Config>} options */
const project = (displayName, options) => ({
  displayName,
  testEnvironment: 'node',
  transform,
  setupFiles: ['<rootDir>/test/helpers/jest-setup.ts'],
  ...options,
});

/** @type {import('jest').Config} */
module.exports = {
  projects: [
    project('unit', {
      testMatch: ['<rootDir>/test/**/*.test.ts'],
      testPathIgnorePatterns: ['/node_modules/', ...INTEGRATION],
    }),
    project('integration', {
      testRegex: INTEGRATION,
      // Starting a stack takes seconds, more on a busy machine: hooks and tests get 30 s unless they say otherwise.
      setupFilesAfterEnv: ['<rootDir>/test/helpers/integration-setup.ts'],
      // A directory the files of one run share, e.g. the functions bundled once (test/helpers/shared-bundles.ts).
      globalSetup: '<rootDir>/test/helpers/integration-global-setup.ts',
      globalTeardown: '<rootDir>/test/helpers/integration-global-teardown.ts',
    }),
  ],
  // One test file per core (jest's default leaves one core to itself: one worker on a 2-core machine). The unit
  // tests are CPU-bound; three workers on two cores measured no faster on the integration tests either.
  maxWorkers: '100%',
  // A worker that grew past this (CDK, Chromium's driver, the SDKs) is restarted between test files instead of slowing the rest.
  workerIdleMemoryLimit: '1GB',
};
