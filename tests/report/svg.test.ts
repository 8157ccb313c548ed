// The chart helpers: scales and ticks, and the SVG they write — structure,
// legends, patterns told apart by id, and no NaN whatever the data.
import { describe, expect, it } from 'vitest';
import { bandChart } from '../../src/report/svg/band-chart.js';
import { barChart, binValues, histogram } from '../../src/report/svg/histogram.js';
import { lineChart } from '../../src/report/svg/line-chart.js';
import { linear, niceDomain, roundTicks, tickLabel } from '../../src/report/svg/scale.js';
import { el, esc, num, textWidth } from '../../src/report/svg/xml.js';
import { assertFiniteGeometry, assertWellFormed } from './helpers.js';

const count = (s: string, re: RegExp) => (s.match(re) ?? []).length;

describe('scales', () => {
  it('maps a domain linearly onto a range, inverted for y', () => {
    const y = linear([0, 10], [200, 0]);
    expect(y(0)).toBe(200);
    expect(y(10)).toBe(0);
    expect(y(2.5)).toBe(150);
  });

  it('maps a flat domain to the middle of the range instead of NaN', () => {
    expect(linear([3, 3], [0, 100])(3)).toBe(50);
  });

  it('widens to nice steps of 1, 2 or 5', () => {
    expect(niceDomain(0, 2.97, 5)).toEqual({ domain: [0, 3], ticks: [0, 1, 2, 3] });
    expect(niceDomain(0, 2.97, 8).ticks).toEqual([0, 0.5, 1, 1.5, 2, 2.5, 3]);
    expect(niceDomain(0, 100, 5).ticks).toEqual([0, 20, 40, 60, 80, 100]);
    expect(niceDomain(0.13, 0.57, 8).ticks).toEqual([0.1, 0.2, 0.3, 0.4, 0.5, 0.6]);
    expect(niceDomain(0.13, 0.57, 10).ticks).toEqual([
      0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6,
    ]);
  });

  it('gives a usable domain for empty, flat and negative data', () => {
    expect(niceDomain(0, 0).domain).toEqual([0, 1]);
    expect(niceDomain(4, 4).domain[0]).toBe(0);
    expect(niceDomain(-3, -3).domain[1]).toBe(0);
    expect(niceDomain(Number.NaN, Number.NaN).domain).toEqual([0, 1]);
  });

  it('labels ticks with the decimals the step needs', () => {
    expect(tickLabel(0.25, 0.05)).toBe('0.25');
    expect(tickLabel(20, 5)).toBe('20');
    expect(tickLabel(0.5, 0.5)).toBe('0.5');
  });

  it('thins round ticks on long games', () => {
    expect(roundTicks(0, 12)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    expect(roundTicks(0, 36)).toEqual([0, 3, 6, 9, 12, 15, 18, 21, 24, 27, 30, 33, 36]);
  });
});

describe('xml', () => {
  it('escapes text and attributes and refuses non-finite coordinates', () => {
    expect(esc(`<a & "b">'`)).toBe('&lt;a &amp; &quot;b&quot;&gt;&#39;');
    expect(el('text', { x: 1.234, y: -0.001 }, esc('a<b'))).toBe('<text x="1.23" y="0">a&lt;b</text>');
    expect(() => num(Number.NaN)).toThrow(/not a finite number/);
  });
});

describe('lineChart', () => {
  const spec = {
    id: 'pain',
    title: 'Harm & cost <per round>',
    desc: 'test',
    x: [0, 1, 2, 3, 4],
    xLabel: 'round',
    yLabel: 'EUR bn',
    series: [
      {
        name: 'harm to the EU',
        values: [null, 0, 1.5, 2.9, 0.4],
        color: '#0072B2',
        marker: 'circle' as const,
      },
      {
        name: 'cost',
        values: [null, 0.1, Number.NaN, 0.2, 0.3],
        color: '#D55E00',
        dash: '6 3',
        marker: 'square' as const,
      },
    ],
    refLines: [{ y: 2, label: 'line' }],
  };
  const svg = lineChart(spec);

  it('is a well-formed standalone SVG with title, description and size', () => {
    assertWellFormed(svg);
    expect(svg).toMatch(
      /^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" id="pain" class="chart" width="720" height="320" viewBox="0 0 720 320"/,
    );
    expect(svg).toContain('<title id="pain-title">Harm &amp; cost &lt;per round&gt;</title>');
    expect(svg).toContain('aria-labelledby="pain-title pain-desc"');
  });

  it('draws one path per unbroken run and leaves gaps at null and NaN', () => {
    const paths = [...svg.matchAll(/<g class="series" data-series="(\d)">(.*?)<\/g>/g)];
    expect(paths).toHaveLength(2);
    expect(count(paths[0]![2]!, /M/g)).toBe(1);
    expect(count(paths[1]![2]!, /M/g)).toBe(2); // broken at the NaN
    expect(count(paths[0]![2]!, /<circle/g)).toBe(4); // a marker per value
    assertFiniteGeometry(svg);
  });

  it('has axes with tick labels, axis titles, a legend entry per series and the reference line', () => {
    expect(svg).toContain('>round</text>');
    expect(svg).toContain('>EUR bn</text>');
    for (const t of ['0', '1', '2', '3']) expect(svg).toContain(`>${t}</text>`);
    expect(svg).toMatch(/<g class="legend">.*harm to the EU.*cost<\/text>/);
    expect(svg).toContain('stroke-dasharray="6 3"');
    expect(svg).toContain('>line</text>');
  });

  it('puts y = 0 on the x axis and the largest value inside the plot', () => {
    const series = svg.match(/<g class="series" data-series="0">.*?<\/g>/)![0];
    const ys = [...series.matchAll(/<circle cx="[\d.]+" cy="([\d.]+)"/g)].map((m) => Number(m[1]));
    const axis = Number(svg.match(/<g class="axes"><line x1="[\d.]+" x2="[\d.]+" y1="([\d.]+)"/)![1]);
    expect(Math.max(...ys)).toBeCloseTo(axis, 5); // the 0 of round 1
    expect(Math.min(...ys)).toBeGreaterThan(30); // 2.9 below the top of a [0, 3] axis
  });

  it('stays finite for empty, flat and single-point data, and steps for rung charts', () => {
    for (const values of [[], [0, 0, 0], [5], [null, null]]) {
      const s = lineChart({
        ...spec,
        x: values.map((_, i) => i),
        series: [{ name: 'a', values, color: '#000' }],
        refLines: [],
      });
      assertWellFormed(s);
      assertFiniteGeometry(s);
    }
    const step = lineChart({
      ...spec,
      step: true,
      yTicks: [0, 1, 2].map((v) => ({ value: v, label: `${v} rung` })),
    });
    expect(step).toMatch(/d="M[\d.,]+H[\d.]+V[\d.]+/);
    expect(step).toContain('>2 rung</text>');
  });
});

describe('bandChart', () => {
  const svg = bandChart({
    id: 'zone',
    names: { target: 'EU', coercer: 'China' },
    title: 'The landing zone',
    desc: 'test',
    xLabel: 'round',
    columns: [
      { round: 1, targetMax: 0.1, coercerMin: 0.8 },
      { round: 2, targetMax: 0.6, coercerMin: 0.5 },
      { round: 3, targetMax: 0.65, coercerMin: 0.45, deal: 0.5 },
      { round: 4, targetMax: null, coercerMin: null, holding: 0.5 },
    ],
  });

  it('draws each side’s range per round, the overlap only where it exists, and the deal', () => {
    assertWellFormed(svg);
    assertFiniteGeometry(svg);
    expect(count(svg, /class="eu"/g)).toBe(3);
    expect(count(svg, /class="cn"/g)).toBe(3);
    expect(count(svg, /class="zone"/g)).toBe(2);
    expect(svg).toContain('>deal q = 0.50</text>');
    expect(count(svg, /class="holding"/g)).toBe(1);
  });

  it('tells the ranges apart by hatch patterns whose ids carry the chart id', () => {
    for (const p of ['zone-eu', 'zone-cn', 'zone-zone']) {
      expect(svg).toContain(`<pattern id="${p}"`);
      expect(svg).toContain(`fill="url(#${p})"`);
    }
    expect(svg).toMatch(/EU accepts.*China accepts.*landing zone.*deal struck at q.*deal in force/);
  });

  it('puts q = 1 at the top of the plot and q = 0 on the axis', () => {
    const cn = svg.match(
      /<rect x="[\d.]+" y="([\d.]+)" width="[\d.]+" height="([\d.]+)" fill="url\(#zone-cn\)"/,
    )!;
    const eu = svg.match(
      /<rect x="[\d.]+" y="([\d.]+)" width="[\d.]+" height="([\d.]+)" fill="url\(#zone-eu\)"/,
    )!;
    expect(Number(cn[1])).toBe(34); // top of the plot area
    expect(Number(eu[1]) + Number(eu[2])).toBeCloseTo(Number(cn[1]) + Number(cn[2]) / 0.2, 0); // [0.8,1] is 1/5 of [0,1]
  });
});

describe('histogram and bars', () => {
  it('bins whole numbers one per value and continuous values by nice edges', () => {
    expect(binValues([3, 3, 4, 7], true).map((b) => b.count)).toEqual([2, 1, 0, 0, 1]);
    const bins = binValues([0.1, 0.12, 0.5, 0.9], false, 4);
    expect(bins.reduce((a, b) => a + b.count, 0)).toBe(4);
    expect(bins[0]!.lo).toBeLessThanOrEqual(0.1);
    expect(bins[bins.length - 1]!.hi).toBeGreaterThanOrEqual(0.9);
  });

  it('marks this game and draws shares of all runs', () => {
    const svg = histogram({
      id: 'deal-round',
      title: 'Round of the deal',
      desc: 'test',
      values: [3, 3, 4, 4, 4, 9],
      total: 10,
      discrete: true,
      xLabel: 'round',
      mark: { value: 5, label: 'your deal: round 5' },
      emptyNote: 'none',
    });
    assertWellFormed(svg);
    assertFiniteGeometry(svg);
    expect(count(svg, /class="bin"/g)).toBe(7); // rounds 3..9
    expect(svg).toContain('class="mark"');
    expect(svg).toContain('>your deal: round 5</text>');
    expect(svg).toContain('>30%</text>'); // 3 of 10 games in round 4
  });

  it('says so when there is nothing to draw', () => {
    const svg = histogram({
      id: 'h',
      title: 't',
      desc: 'd',
      values: [],
      total: 200,
      discrete: true,
      xLabel: 'round',
      mark: { value: null, label: 'no deal' },
      emptyNote: 'no computer-played game reached a deal',
    });
    assertWellFormed(svg);
    assertFiniteGeometry(svg);
    expect(svg).toContain('no computer-played game reached a deal');
  });

  it('outlines and labels the highlighted bar', () => {
    const svg = barChart({
      id: 'outcomes',
      title: 'Outcomes',
      desc: 'd',
      total: 200,
      highlightLabel: 'your game',
      bars: [
        { label: 'deal', count: 150, highlight: true },
        { label: 'stalemate', count: 50 },
        { label: 'spiral', count: 0 },
      ],
    });
    assertWellFormed(svg);
    assertFiniteGeometry(svg);
    expect(count(svg, /class="bar highlight"/g)).toBe(1);
    expect(svg).toContain('>75% (150) ← your game</text>');
    expect(svg).toContain('>0% (0)</text>');
  });

  it('moves a label that would leave the chart inside its bar, on a white card, or wraps it (never clipped)', () => {
    const bars = (count: number, highlightLabel: string) =>
      barChart({
        id: 'o',
        title: 'Outcomes',
        desc: 'd',
        bars: [
          { label: 'landing zone', count, highlight: true },
          { label: 'stalemate', count: 1000 - count },
        ],
        total: 1000,
        highlightLabel,
      });
    const inside = bars(968, "your game's outcome");
    assertWellFormed(inside);
    expect(inside).toMatch(
      /<rect [^>]*fill="#ffffff"\/><text [^>]*text-anchor="end">97% \(968\) ← your game&#39;s outcome<\/text>/,
    );
    // Too long beside a half bar and inside it: wrapped by words where there is more room.
    const wrapped = bars(500, 'your game: a deal struck in round 7, terms q = 0.42 in the zone');
    assertWellFormed(wrapped);
    const spans = [...wrapped.matchAll(/<tspan x="([\d.]+)" y="[\d.]+">([^<]*)<\/tspan>/g)];
    expect(spans.map((m) => m[2])).toEqual([
      '50% (500) ← your game: a deal struck in round 7, terms',
      'q = 0.42 in the zone',
    ]);
    for (const [, x, line] of spans) expect(Number(x) + textWidth(line!, 11)).toBeLessThanOrEqual(716);
  });
});
