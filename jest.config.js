// One jest config, one project per area (STYLE.md §4). Types are checked by `tsc --noEmit`,
// so tests are transformed with swc for speed.
const transform = { '^.+\\.tsx?$': ['@swc/jest', { jsc: { target: 'es2022' } }] };

/** @param {string} area */
const project = (area) => ({
  displayName: area,
  testEnvironment: 'node',
  transform,
  setupFiles: ['<rootDir>/test/helpers/jest-setup.ts'],
  testMatch: [`<rootDir>/test/${area}/**/*.test.ts`],
});

/** @type {import('jest').Config} */
module.exports = {
  projects: ['workflows', 'cli', 'api', 'bot', 'web', 'infra'].map(project),
};
