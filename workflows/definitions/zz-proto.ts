import { compile, fn, workflow } from '../dsl';

type In = { reportDate: string; regions: string[] };
type RegionIn = { region: string; date: string };
const fetchM = fn('p-fetch', async (i: RegionIn) => ({ region: i.region, revenue: 1 }));
const agg = fn('p-agg', async (i: { date: string; metrics: { region: string; revenue: number }[] }) => ({ total: i.metrics.length }));

export const w = workflow('zz-proto', { description: 'd', example: { reportDate: 'x', regions: ['a'] } as In, queryLanguage: 'JSONata' }, (start) =>
  start
    .pass('Plan', { assign: { reportDate: '{% $states.input.reportDate %}' } })
    .map('Each', { items: '{% $states.input.regions %}', itemSelector: { region: '{% $states.context.Map.Item.Value %}', date: '{% $reportDate %}' }, maxConcurrency: 2 }, (item) =>
      item.task('Fetch', fetchM))
    .task('Agg', agg, { arguments: { date: '{% $reportDate %}', metrics: '{% $states.input %}' } })
    .succeed('Done'),
);
export const out = compile(w);
