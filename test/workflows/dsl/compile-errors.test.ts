import * as fs from 'node:fs';
import { compile, DefinitionError, fn, workflow, type Diagnostic, type Ended, type Steps } from '../../../workflows/dsl';

type Job = { id: string; size: number; tags: string[] };
const EXAMPLE: Job = { id: 'j-1', size: 3, tags: [] };
const FILE = 'test/workflows/dsl/compile-errors.test.ts';
const source = fs.readFileSync(__filename, 'utf8').split('\n');
/** `file:line` of the line carrying `marker`, where the builder call under test sits. */
const at = (marker: string) => `${FILE}:${source.findIndex((line) => line.includes(`// ${marker}`)) + 1}`;

function diagnosticsOf(build: (start: Steps<Job>) => Steps<unknown, unknown> | Ended): Diagnostic[] {
  try {
    return compile(workflow('broken-flow', { description: 'Broken on purpose.', example: EXAMPLE }, build)).warnings;
  } catch (error) {
    if (error instanceof DefinitionError) return [...error.diagnostics];
    throw error;
  }
}
const summary = ({ severity, code, statePath, location, message }: Diagnostic) => ({ severity, code, statePath, location, message });

describe('compile errors name the workflow, the state and the source line', () => {
  it('reports a state name used twice, even across Parallel branches', () => {
    const diagnostics = diagnosticsOf((start) =>
      start
        .pass('Prepare') // first-prepare
        .parallel('Fan out', [(b) => b.pass('Prepare')]), // second-prepare
    );

    expect(diagnostics.map(summary)).toStrictEqual([
      { severity: 'error', code: 'duplicate-state-name', statePath: ['Fan out', 'Prepare'], location: at('second-prepare'), message: `state name 'Prepare' is already used (first defined at ${at('first-prepare')}); state names must be unique in the whole workflow, branches included` },
    ]);
  });

  it('reports a goto to a state that does not exist, suggesting the closest name', () => {
    const diagnostics = diagnosticsOf((start) => start.wait('Wait for build', { seconds: 10 }).goto('Wait for bild')); // goto

    expect(diagnostics.map((d) => [d.code, d.statePath, d.location])).toContainEqual(['dangling-transition', ['Wait for build'], expect.stringMatching(/compile-errors\.test\.ts:\d+$/)]);
    expect(diagnostics.find((d) => d.code === 'dangling-transition')?.message).toMatch(/Wait for bild.*Wait for build/);
  });

  it('reports a state nothing leads to', () => {
    const diagnostics = diagnosticsOf((start) =>
      start
        .choice('Route', (c) => c.when(c.number('$.size').greaterThan(10), (b) => b.succeed('Big')).otherwise((b) => b.succeed('Small')))
        .pass('Orphan'), // orphan
    );

    expect(diagnostics.filter((d) => d.code === 'unreachable-state').map(summary)).toStrictEqual([
      { severity: 'error', code: 'unreachable-state', statePath: ['Orphan'], location: at('orphan'), message: 'State is unreachable: no transition leads to it from StartAt "Route"' },
    ]);
  });

  it('reports a Choice rule that leads nowhere at the end of the workflow', () => {
    const diagnostics = diagnosticsOf((start) => start.choice('Route', (c) => c.when(c.number('$.size').greaterThan(10), (b) => b).otherwise((b) => b.succeed('Done')))); // route

    expect(diagnostics.map(summary)).toContainEqual({ severity: 'error', code: 'missing-transition', statePath: ['Route'], location: at('route'), message: "a rule of 'Route' leads nowhere: add a state after it, or end that path with succeed(), fail() or goto()" });
  });

  it('reports a chain that continues after a terminal state', () => {
    const diagnostics = diagnosticsOf((start) => {
      const ended = start.succeed('Done') as unknown as Steps<Job>;
      return ended.pass('Too late'); // too-late
    });

    expect(diagnostics.map(summary)).toContainEqual({ severity: 'error', code: 'continues-after-terminal', statePath: ['Too late'], location: at('too-late'), message: "'Too late' follows 'Done', which is a Succeed state: nothing can come after it" });
  });

  it('reports HeartbeatSeconds not less than TimeoutSeconds', () => {
    const work = fn('do-work', (job: Job) => job.size);

    const diagnostics = diagnosticsOf((start) => start.task('Work', work, { timeout: '5m', heartbeat: '10m' })); // heartbeat

    expect(diagnostics.map(summary)).toStrictEqual([
      { severity: 'error', code: 'heartbeat-not-less-than-timeout', statePath: ['Work'], location: at('heartbeat'), message: 'HeartbeatSeconds (600) must be less than TimeoutSeconds (300)' },
    ]);
  });

  it('warns about a Choice without a default, and still compiles', () => {
    const diagnostics = diagnosticsOf((start) => start.choice('Route', (c) => c.when(c.number('$.size').greaterThan(10), (b) => b.succeed('Big')))); // fall-through

    expect(diagnostics.map((d) => [d.severity, d.code, d.statePath, d.location])).toStrictEqual([['warning', 'choice-fall-through', ['Route'], at('fall-through')]]);
  });

  it('reports Retry on a state that cannot fail', () => {
    const diagnostics = diagnosticsOf((start) => start.pass('Shape').retry({ maxAttempts: 2 })); // retry-pass

    expect(diagnostics.map((d) => [d.code, d.statePath, d.location])).toContainEqual(['retry-catch-not-allowed', ['Shape'], at('retry-pass')]);
  });

  it('reports an invalid JSONPath', () => {
    const diagnostics = diagnosticsOf((start) => start.pass('Shape', { inputPath: '$..[bad' as never })); // bad-path

    expect(diagnostics.map((d) => [d.code, d.statePath, d.location])).toContainEqual(['invalid-path', ['Shape'], at('bad-path')]);
  });

  it('reports a JSONata syntax error', () => {
    const diagnostics = diagnosticsOf((start) => start.pass('Shape', { queryLanguage: 'JSONata', output: '{% $states.input.( %}' })); // bad-jsonata

    expect(diagnostics.map((d) => [d.code, d.statePath, d.location])).toContainEqual(['jsonata-syntax', ['Shape'], at('bad-jsonata')]);
  });

  it('reports a waitForTaskToken task that does not pass the token', () => {
    const diagnostics = diagnosticsOf((start) => start.task('Ask', 'arn:aws:states:::lambda:invoke.waitForTaskToken', { parameters: { FunctionName: 'ask', 'Payload.$': '$' } })); // no-token

    expect(diagnostics.map((d) => [d.code, d.statePath, d.location])).toContainEqual(['task-token-missing', ['Ask'], at('no-token')]);
  });

  it('reports a definition over the 1 MiB limit', () => {
    const diagnostics = diagnosticsOf((start) => start.pass('Huge', { result: 'x'.repeat(1024 * 1024) }));

    expect(diagnostics.map((d) => d.code)).toContain('definition-too-large');
  });

  it('reports Distributed-only Map settings on an inline Map', () => {
    const diagnostics = diagnosticsOf((start) => start.map('Each tag', { itemsPath: '$.tags', toleratedFailurePercentage: 10 }, (item) => item.pass('Tag'))); // inline-map

    expect(diagnostics.map(summary)).toStrictEqual([
      { severity: 'error', code: 'distributed-map-only', statePath: ['Each tag'], location: at('inline-map'), message: "toleratedFailurePercentage only applies to a Map in DISTRIBUTED mode; set mode: 'DISTRIBUTED'" },
    ]);
  });

  it('reports a malformed duration', () => {
    const work = fn('do-more-work', (job: Job) => job.size);

    const diagnostics = diagnosticsOf((start) => start.task('Work', work, { timeout: '5 minutes' as never })); // bad-duration

    expect(diagnostics.map(summary)).toStrictEqual([
      { severity: 'error', code: 'invalid-duration', statePath: ['Work'], location: at('bad-duration'), message: "timeout: duration '5 minutes' is not valid: use a number with s, m, h or d (e.g. '90s', '24h')" },
    ]);
  });

  it('reports every problem at once, and the error message lists them one per line', () => {
    const work = fn('do-everything', (job: Job) => job.size);
    const build = (start: Steps<Job>) => start.task('Work', work, { timeout: '1m', heartbeat: '2m' }).pass('Shape', { inputPath: '$..[bad' as never }).goto('Nowhere');

    const error = (() => {
      try {
        compile(workflow('broken-flow', { description: 'Broken.', example: EXAMPLE }, build));
      } catch (caught) {
        return caught as DefinitionError;
      }
      throw new Error('compile did not fail');
    })();

    expect(error).toBeInstanceOf(DefinitionError);
    expect(error.diagnostics.map((d) => d.code)).toEqual(expect.arrayContaining(['heartbeat-not-less-than-timeout', 'invalid-path', 'dangling-transition']));
    expect(error.message.split('\n')).toHaveLength(error.diagnostics.length);
    expect(error.message).toMatch(/^test\/workflows\/dsl\/compile-errors\.test\.ts:\d+ broken-flow › Work: /m);
  });
});
