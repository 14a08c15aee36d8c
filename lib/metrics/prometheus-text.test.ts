import { expect, test } from 'vitest';
import { toPrometheusText } from './prometheus-text';

test('families with help, type, escaped labels; null labels left out', () => {
  expect(
    toPrometheusText([
      {
        name: 'hapscope_server_flapping',
        help: 'Whether the server flaps',
        type: 'gauge',
        samples: [
          { labels: { instance: 'main', server: 'a"b\\c\nd', pool: null }, value: 1 },
          { labels: {}, value: NaN },
        ],
      },
      { name: 'hapscope_x_total', help: 'x', type: 'counter', samples: [] },
    ]),
  ).toBe(
    [
      '# HELP hapscope_server_flapping Whether the server flaps',
      '# TYPE hapscope_server_flapping gauge',
      'hapscope_server_flapping{instance="main",server="a\\"b\\\\c\\nd"} 1',
      'hapscope_server_flapping NaN',
      '# HELP hapscope_x_total x',
      '# TYPE hapscope_x_total counter',
      '',
    ].join('\n'),
  );
});
