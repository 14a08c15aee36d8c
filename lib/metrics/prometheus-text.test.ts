import { expect, test } from 'vitest';
import { toPrometheusText, type MetricFamily } from './prometheus-text';

test('families with help, type, escaped labels; null labels left out', () => {
  expect(
    toPrometheusText([
      {
        name: 'hapscope_server_flapping',
        help: 'Whether the server flaps\nback\\slash',
        type: 'gauge',
        samples: [
          { labels: { source: 'main', server: 'a"b\\c\nd', pool: null }, value: 1 },
          { labels: {}, value: NaN },
          { labels: { source: 'x' }, value: -Infinity },
        ],
      },
      { name: 'hapscope_x_total', help: 'x', type: 'counter', samples: [] },
    ]),
  ).toBe(
    [
      '# HELP hapscope_server_flapping Whether the server flaps\\nback\\\\slash',
      '# TYPE hapscope_server_flapping gauge',
      'hapscope_server_flapping{source="main",server="a\\"b\\\\c\\nd"} 1',
      'hapscope_server_flapping NaN',
      'hapscope_server_flapping{source="x"} -Inf',
      '# HELP hapscope_x_total x',
      '# TYPE hapscope_x_total counter',
      '',
    ].join('\n'),
  );
});

test.each([
  ['a metric name with a dash', 'hapscope-x', { a: '1' }, 'invalid metric name "hapscope-x"'],
  ['a metric name starting with a digit', '1x', {}, 'invalid metric name "1x"'],
  ['a label name with a dot', 'hapscope_x', { 'a.b': '1' }, 'invalid label name "a.b"'],
  ['a reserved label name', 'hapscope_x', { __name: '1' }, 'invalid label name "__name"'],
])('%s is refused', (_case, name, labels, message) => {
  const family: MetricFamily = { name, help: 'h', type: 'gauge', samples: [{ labels, value: 1 }] };
  expect(() => toPrometheusText([family])).toThrow(message);
});
