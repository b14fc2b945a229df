import { compile, DefinitionError, workflow, type Diagnostic } from '../../../workflows/dsl';
import { refundRequest } from '../../../workflows/definitions';

const example = { id: 'j-1' };

function errorsOf(build: () => unknown): Diagnostic[] {
  try {
    build();
    return [];
  } catch (error) {
    if (error instanceof DefinitionError) return [...error.diagnostics];
    throw error;
  }
}

describe('the workflow type', () => {
  it('is Standard unless the workflow asks for Express', () => {
    expect(compile(workflow('quick', { description: 'Quick.', example }, (start) => start.pass('Done'))).type).toBe('STANDARD');
    expect(compile(workflow('quick', { description: 'Quick.', example, type: 'EXPRESS' }, (start) => start.pass('Done'))).type).toBe(
      'EXPRESS',
    );
  });

  it('refuses an Express workflow that waits for an approval, naming the state', () => {
    const express = { ...refundRequest, options: { ...refundRequest.options, type: 'EXPRESS' as const } };

    const errors = errorsOf(() => compile(express)).filter((diagnostic) => diagnostic.code === 'express-unsupported');

    expect(errors.length).toBeGreaterThan(0);
    expect(errors[0].message).toBe(
      'Express workflows cannot wait for a task token (approval steps and callbacks): make the workflow Standard (the default) or do not wait here',
    );
    expect(errors[0].statePath.length).toBeGreaterThan(0);
  });

  it('refuses an Express workflow whose timeout is longer than five minutes', () => {
    const errors = errorsOf(() =>
      compile(workflow('slow', { description: 'Slow.', example, type: 'EXPRESS', timeout: '10m' }, (start) => start.pass('Done'))),
    );

    expect(errors.map((diagnostic) => [diagnostic.code, diagnostic.message])).toEqual([
      ['express-unsupported', 'timeout is 600 s, but Express executions are stopped after 300 s'],
    ]);
  });
});
