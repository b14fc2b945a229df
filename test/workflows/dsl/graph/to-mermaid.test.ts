import type { StateMachine } from '../../../../workflows/asl';
import { toGraph, toMermaid } from '../../../../workflows/dsl/graph';
import type { WorkflowGraph } from '../../../../workflows/dsl/graph';

describe('toMermaid', () => {
  it('writes a flowchart with shapes by type, a Map subgraph, labelled edges and a classDef per used type', () => {
    const definition: StateMachine = {
      StartAt: 'Check order',
      States: {
        'Check order': {
          Type: 'Choice',
          Choices: [{ Variable: '$.total', NumericGreaterThan: 1000, Next: 'Ship items' }],
          Default: 'Rejected',
        },
        'Ship items': {
          Type: 'Map',
          MaxConcurrency: 2,
          Next: 'Done',
          Catch: [{ ErrorEquals: ['States.ALL'], Next: 'Rejected' }],
          ItemProcessor: { StartAt: 'Ship', States: { Ship: { Type: 'Task', Resource: 'arn:ship', End: true } } },
        },
        Done: { Type: 'Succeed' },
        Rejected: { Type: 'Fail' },
      },
    };

    const text = toMermaid(toGraph(definition));

    expect(text).toBe(
      [
        'flowchart TD',
        '  n_start(("Start")):::typeStart',
        '  n_Check_order{"Check order"}:::typeChoice',
        '  n_Ship_items[["Ship items"]]:::typeMap',
        '  subgraph g_Ship_items ["Ship items · each item"]',
        '    n_Ship_items_start(("Start")):::typeStart',
        '    n_Ship_items_Ship["Ship"]:::typeTask',
        '    n_Ship_items_end(("End")):::typeEnd',
        '  end',
        '  n_Done(["Done"]):::typeSucceed',
        '  n_Rejected(["Rejected"]):::typeFail',
        '  n_end(("End")):::typeEnd',
        '  n_start --> n_Check_order',
        '  n_Check_order -->|"$.total #gt; 1000"| n_Ship_items',
        '  n_Check_order -->|"default"| n_Rejected',
        '  n_Ship_items ==>|"max 2 at once"| n_Ship_items_start',
        '  n_Ship_items --> n_Done',
        '  n_Ship_items -.->|"States.ALL"| n_Rejected',
        '  n_Ship_items_start --> n_Ship_items_Ship',
        '  n_Ship_items_Ship --> n_Ship_items_end',
        '  n_Done --> n_end',
        '  n_Rejected --> n_end',
        '  classDef typeStart fill:#e0f2fe,stroke:#0369a1',
        '  classDef typeEnd fill:#e0f2fe,stroke:#0369a1',
        '  classDef typeTask fill:#eef2ff,stroke:#4f46e5',
        '  classDef typeChoice fill:#fef3c7,stroke:#d97706',
        '  classDef typeSucceed fill:#dcfce7,stroke:#16a34a',
        '  classDef typeFail fill:#fee2e2,stroke:#dc2626',
        '  classDef typeMap fill:#fdf4ff,stroke:#c026d3',
        '',
      ].join('\n'),
    );
  });

  it('draws one subgraph per Parallel branch, titled from 1, with a nested Map subgraph inside', () => {
    const definition: StateMachine = {
      StartAt: 'Checks',
      States: {
        Checks: {
          Type: 'Parallel',
          End: true,
          Branches: [
            { StartAt: 'Lint', States: { Lint: { Type: 'Pass', End: true } } },
            {
              StartAt: 'Each',
              States: {
                Each: {
                  Type: 'Map',
                  End: true,
                  Iterator: { StartAt: 'Pause', States: { Pause: { Type: 'Wait', Seconds: 1, End: true } } },
                },
              },
            },
          ],
        },
      },
    };

    const lines = toMermaid(toGraph(definition)).split('\n');

    expect(lines.slice(1, 19)).toStrictEqual([
      '  n_start(("Start")):::typeStart',
      '  n_Checks[["Checks"]]:::typeParallel',
      '  subgraph g_Checks_0 ["Checks · branch 1"]',
      '    n_Checks_0_start(("Start")):::typeStart',
      '    n_Checks_Lint("Lint"):::typePass',
      '    n_Checks_0_end(("End")):::typeEnd',
      '  end',
      '  subgraph g_Checks_1 ["Checks · branch 2"]',
      '    n_Checks_1_start(("Start")):::typeStart',
      '    n_Checks_Each[["Each"]]:::typeMap',
      '    subgraph g_Checks_Each ["Each · each item"]',
      '      n_Checks_Each_start(("Start")):::typeStart',
      '      n_Checks_Each_Pause{{"Pause"}}:::typeWait',
      '      n_Checks_Each_end(("End")):::typeEnd',
      '    end',
      '    n_Checks_1_end(("End")):::typeEnd',
      '  end',
      '  n_end(("End")):::typeEnd',
    ]);
    expect(lines).toContain('  n_Checks --> n_Checks_0_start');
    expect(lines).toContain('  n_Checks_Each ==> n_Checks_Each_start');
  });

  it('escapes quotes, brackets, HTML and pipes in labels, keeps Unicode, and derives ASCII ids in graph order', () => {
    const name = 'Say "hi" [1] {x} <b>|#2 & `go` — déjà 部署 🚀';
    const definition: StateMachine = {
      StartAt: name,
      States: {
        [name]: { Type: 'Choice', Choices: [{ Variable: '$.v', StringEquals: 'a"b|c', Next: 'end' }] },
        end: { Type: 'Succeed' },
      },
    };

    const lines = toMermaid(toGraph(definition)).split('\n');

    const id = 'n_Say_hi_1_x_b_2_go_deja_u90e8_u7f72';
    expect(lines).toContain(`  ${id}{"Say #quot;hi#quot; [1] {x} #lt;b#gt;#124;#35;2 #amp; #96;go#96; — déjà 部署 🚀"}:::typeChoice`);
    expect(lines).toContain('  n_end(["end"]):::typeSucceed');
    expect(lines).toContain('  n_end_2(("End")):::typeEnd');
    expect(lines).toContain(`  ${id} -->|"$.v == #quot;a\\#quot;b#124;c#quot;"| n_end`);
    expect(lines).toContain('  n_end --> n_end_2');
  });

  it('suffixes ids whose slugs clash, in graph order, so they stay unique and stable', () => {
    const graph: WorkflowGraph = {
      nodes: [
        { id: 'Send mail', name: 'Send mail', type: 'Pass' },
        { id: 'Send-mail', name: 'Send-mail', type: 'Pass' },
        { id: '🚀', name: '🚀', type: 'Pass' },
        { id: '✨', name: '✨', type: 'Pass' },
      ],
      edges: [{ id: 'e', from: 'Send mail', to: 'Send-mail', kind: 'next' }],
    };

    const text = toMermaid(graph);

    expect(text).toBe(
      [
        'flowchart TD',
        '  n_Send_mail("Send mail"):::typePass',
        '  n_Send_mail_2("Send-mail"):::typePass',
        '  n("🚀"):::typePass',
        '  n_2("✨"):::typePass',
        '  n_Send_mail --> n_Send_mail_2',
        '  classDef typePass fill:#f3f4f6,stroke:#6b7280',
        '',
      ].join('\n'),
    );
    expect(toMermaid(graph)).toBe(text);
  });
});
