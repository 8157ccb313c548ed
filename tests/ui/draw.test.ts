import { describe, expect, it } from 'vitest';
import { fmtBn, fmtDelta, markerAt, padTo, runs, sparkline, stackBar, zoneBar } from '../../src/ui/draw.js';
import { layoutFor, tooSmall } from '../../src/ui/layout.js';

describe('sparkline', () => {
  it('scales to the maximum and right-aligns the last values', () => {
    expect(sparkline([0, 1, 2, 4, 8], 5)).toBe('▁▂▃▅█');
    expect(sparkline([1, 2], 4)).toBe('  ▅█');
    expect(sparkline([5, 6, 7, 8, 9, 10], 3)).toBe('▇▇█');
  });
  it('draws a flat line for no pain', () => {
    expect(sparkline([0, 0, 0], 3)).toBe('▁▁▁');
    expect(sparkline([], 3)).toBe('   ');
  });
});

describe('bars', () => {
  it('draws the landing zone: EU range, China range, the overlap', () => {
    expect(zoneBar(10, 0.6, 0.4)).toBe('════██────');
    expect(zoneBar(10, 0.2, 0.8)).toBe('══······──');
  });
  it('stacks shares and marks thresholds', () => {
    expect(
      stackBar(10, [
        [0.5, '█'],
        [0.2, '▒'],
        [0.3, '░'],
      ]),
    ).toBe('█████▒▒░░░');
    expect(stackBar(10, [[0.5, '█']], [0.7])).toBe('█████  ┃  ');
  });
  it('puts a marker under q', () => {
    expect(markerAt(10, 0.45)).toBe('    ▲');
    expect(markerAt(10, 1)).toBe('         ▲');
  });
  it('splits runs for colouring', () => {
    expect(runs('══██─')).toEqual(['══', '██', '─']);
  });
});

describe('numbers and text', () => {
  it('formats EUR bn', () => {
    expect([0, 0.001, 0.04, 3.21, 42.42, 1234.5].map(fmtBn)).toEqual([
      '0',
      '<0.01',
      '0.04',
      '3.21',
      '42.4',
      '1235',
    ]);
    expect([0.12, -0.5, 0.001].map(fmtDelta)).toEqual(['+0.12', '-0.50', '±0']);
  });
  it('fits text to a width', () => {
    expect(padTo('Stop servicing DUV tools', 10)).toBe('Stop serv…');
    expect(padTo('ok', 4)).toBe('ok  ');
  });
});

describe('layout', () => {
  it('fits 80×24 in 23 lines and gives larger terminals more rows', () => {
    const small = layoutFor(80, 24);
    expect(1 + small.topRows + small.midRows + 1 + small.feedRows + 1).toBe(23);
    expect(small.leftWidth + 1 + small.rightWidth).toBe(80);
    const big = layoutFor(160, 50, 20, 30);
    expect(1 + big.topRows + big.midRows + 1 + big.feedRows + 1).toBe(49);
    expect(big.topRows).toBeGreaterThan(small.topRows);
    expect(big.stockRows).toBeGreaterThan(small.stockRows);
    expect(big.sparkWidth).toBeGreaterThan(small.sparkWidth);
  });
  it('knows the minimum size', () => {
    expect(tooSmall(79, 24)).toBe(true);
    expect(tooSmall(80, 23)).toBe(true);
    expect(tooSmall(80, 24)).toBe(false);
  });
});
