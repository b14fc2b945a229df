import { renderPrompt } from '../../../bot/emulator/render-prompt';

describe('renderPrompt', () => {
  const intent = {
    name: 'StartWorkflow',
    slots: { WorkflowName: { shape: 'Scalar' as const, value: { interpretedValue: 'nightly-report' } }, RunInput: null },
  };

  it.each([
    ['Start {WorkflowName} now?', 'Start nightly-report now?'],
    ['Input: {RunInput}.', 'Input: .'],
    ['Hi [user], start {WorkflowName}?', 'Hi Ada, start nightly-report?'],
    ['Keep {Unknown} and [missing] as they are', 'Keep {Unknown} and [missing] as they are'],
  ])('renders %j as %j', (template, expected) => {
    const rendered = renderPrompt(template, intent, { user: 'Ada' });

    expect(rendered).toBe(expected);
  });
});
