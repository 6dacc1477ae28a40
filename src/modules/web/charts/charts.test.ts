import { test } from 'node:test';
import assert from 'node:assert/strict';
import { h } from 'preact';
import { render } from 'preact-render-to-string';
import { BarChart, LineChart, StackedBarChart, type ChartProps } from './charts.tsx';
import { labelEvery, linear, niceTicks } from './scale.ts';

const base = (over: Partial<ChartProps> = {}): ChartProps => ({
  id: 'c1',
  locale: 'en',
  title: 'Intake per week',
  desc: 'Applications received each week.',
  xLabel: 'Week',
  yLabel: 'Applications',
  categories: [
    { key: 'a', label: 'Week 14' },
    { key: 'b', label: 'Week 15' },
  ],
  series: [{ key: 's', label: 'All', values: [3, 1200] }],
  tableLabel: 'Data as a table',
  emptyText: 'No data in this range',
  ...over,
});

const html = (c: (p: ChartProps) => unknown, p: ChartProps) => render(h(c as never, p as never));
const count = (s: string, needle: string | RegExp) => s.split(needle).length - 1;

test('nice ticks: round steps of 1, 2 or 5; integers for counts; zero gives 0..1', () => {
  assert.deepEqual(niceTicks(0, { integer: true }), [0, 1]);
  assert.deepEqual(niceTicks(3, { integer: true }), [0, 1, 2, 3]);
  assert.deepEqual(niceTicks(5, { integer: true }), [0, 1, 2, 3, 4, 5]);
  assert.deepEqual(niceTicks(23), [0, 5, 10, 15, 20, 25]);
  assert.deepEqual(niceTicks(1200), [0, 500, 1000, 1500]);
  assert.deepEqual(niceTicks(0.7), [0, 0.2, 0.4, 0.6, 0.8]);
  assert.deepEqual(niceTicks(Number.NaN, { integer: true }), [0, 1]);
  const y = linear(25, 244, 20);
  assert.equal(y(0), 244);
  assert.equal(y(25), 20);
  assert.equal(y(12.5), 132);
  assert.equal(labelEvery(6, 640, 3), 1);
  assert.equal(labelEvery(53, 640, 8), 7, '8 labels of 8 characters fit in 640');
});

test('a chart is an image named by its title and description, with axis labels and its data as a table', () => {
  const s = html(BarChart, base());
  assert.match(s, /<figure class="chart" id="c1">/);
  assert.match(s, /<svg [^>]*role="img"[^>]*aria-labelledby="c1-title c1-desc"/);
  assert.match(s, /<title id="c1-title">Intake per week<\/title><desc id="c1-desc">Applications received each week.<\/desc>/);
  assert.match(s, />Week<\/text>/);
  assert.match(s, />Applications<\/text>/);
  assert.match(s, /<details class="chart-data"><summary>Data as a table<\/summary>/);
  assert.match(s, /<caption>Intake per week<\/caption>/);
  assert.match(s, /<th scope="col">Week<\/th><th scope="col">All<\/th>/);
  assert.match(s, /<th scope="row">Week 14<\/th><td>3<\/td>/);
  assert.equal(count(s, '<rect'), 2, 'one bar per value');
  assert.doesNotMatch(s, /style=/, 'no inline style (CSP)');
  assert.doesNotMatch(s, /<script/);
});

test('numbers are formatted for the locale, in the ticks, the values and the table', () => {
  const en = html(BarChart, base());
  assert.match(en, /<td>1,200<\/td>/);
  assert.match(en, />1,500<\/text>/);
  const cs = html(BarChart, base({ locale: 'cs' }));
  assert.match(cs, /<td>1\u00a0200<\/td>/);
  assert.match(cs, />1\u00a0500<\/text>/);
  const days = html(
    LineChart,
    base({ locale: 'cs', format: { maximumFractionDigits: 1 }, series: [{ key: 'm', label: 'Medián', values: [12.5, null] }] }),
  );
  assert.match(days, /<td>12,5<\/td><\/tr><tr><th scope="row">Week 15<\/th><td>–<\/td>/);
});

test('labels, titles and the id are escaped', () => {
  const evil = '<script>alert("x")</script> & "q"';
  const s = html(
    StackedBarChart,
    base({
      id: 'x" onload="alert(1)',
      title: evil,
      desc: evil,
      xLabel: evil,
      categories: [{ key: 'a', label: evil }],
      series: [
        { key: 's1', label: evil, values: [1] },
        { key: 's2', label: 'b', values: [2] },
      ],
      totalLabel: evil,
    }),
  );
  assert.doesNotMatch(s, /<script>/);
  assert.doesNotMatch(s, /onload="/);
  assert.match(s, /id="x--onload--alert-1-"/);
  assert.match(
    s,
    /&lt;script>alert\(&quot;x&quot;\)&lt;\/script> &amp; &quot;q&quot;|&lt;script&gt;alert\("x"\)&lt;\/script&gt; &amp; "q"/,
  );
});

test('a stacked chart stacks the series, shows each column’s total and has a legend and a total column', () => {
  const s = html(
    StackedBarChart,
    base({
      categories: [
        { key: 'a', label: 'April' },
        { key: 'b', label: 'May' },
      ],
      series: [
        { key: 'g', label: 'Granted', values: [2, 0] },
        { key: 'r', label: 'Refused', values: [3, 1] },
      ],
      totalLabel: 'Total',
    }),
  );
  assert.equal(count(s, /<rect [^>]*stroke="#fff"/), 3, 'no rectangle for a zero');
  assert.match(s, /<th scope="row">April<\/th><td>2<\/td><td>3<\/td><td>5<\/td>/);
  assert.match(s, /class="chart-value">5<\/text>/);
  assert.match(s, /<ul class="chart-legend gov-list--plain"><li>.*Granted.*Refused/);
  // the bars sit on the axis and the stack reaches the total: 5 on a 0..5 axis is the plot's top
  assert.match(s, /y="20" width="[^"]+" height="[^"]+" fill="#b35900"/);
});

test('no data: the chart says so and draws no marks; no categories: no table rows either', () => {
  const zero = html(BarChart, base({ series: [{ key: 's', label: 'All', values: [0, 0] }] }));
  assert.match(zero, /class="chart-empty">No data in this range<\/text>/);
  assert.equal(count(zero, '<rect'), 0);
  assert.equal(count(zero, 'class="chart-value"'), 0);
  assert.match(zero, /<td>0<\/td>/, 'the table still shows the zeros');
  const none = html(LineChart, base({ categories: [], series: [{ key: 's', label: 'All', values: [] }] }));
  assert.match(none, /class="chart-empty">No data in this range<\/text>/);
  assert.doesNotMatch(none, /<table/);
  assert.match(none, /<summary>Data as a table<\/summary><p>No data in this range<\/p>/);
});

test('a line breaks at a missing value; series differ by dash and marker', () => {
  const s = html(
    LineChart,
    base({
      categories: ['a', 'b', 'c', 'd'].map((k) => ({ key: k, label: k })),
      series: [
        { key: 'm', label: 'Median', values: [10, 12, null, 8] },
        { key: 'p', label: '90th percentile', values: [20, 25, null, 9] },
      ],
    }),
  );
  assert.equal(count(s, '<path d="M'), 4, 'two runs per series (the second a single point)');
  assert.equal(count(s, '<circle'), 3 + 1, 'three points of the first series and its legend marker');
  assert.match(s, /stroke-dasharray="6 4"/);
});
