// A dependency's parameters, each with its source or assumption, and the
// measures that act on it.
import type { Mechanism } from '../../engine/index.js';
import type { LoadedScenario } from '../../io/load-scenario.js';
import { num, paramLines, sideNames, table, wrap } from './text.js';

const FIELDS: Record<string, { unit: string; used: Mechanism[] }> = {
  value: { unit: 'EUR bn a year', used: ['supply', 'service', 'market'] },
  share: { unit: 'share of need met (not used by formulas)', used: [] },
  criticality: { unit: 'EUR of output lost per EUR missing', used: ['supply', 'service'] },
  buffer_months: { unit: 'months of stocks', used: ['supply'] },
  short_run_alternatives: { unit: 'share of a cut filled at once by others', used: ['supply', 'service'] },
  substitution_years: { unit: 'years to replace it at full effort', used: ['supply', 'service', 'market'] },
  divertible: { unit: 'share of lost sales sold elsewhere', used: ['supply', 'service'] },
  decay_per_month: { unit: 'availability lost a month, unserviced', used: ['service'] },
  recovery_per_month: { unit: 'availability regained a month', used: ['service'] },
  elasticity: { unit: 'ε in trade_drop = 1 − (1 + τ)^(−ε)', used: ['market'] },
  margin: { unit: "exporter's profit margin", used: ['market'] },
  exporter_incidence: { unit: 'part of a tariff the exporter absorbs', used: ['market'] },
};

/** Header line: mechanism, who supplies whom, sector. */
export function dependencySummary(l: LoadedScenario, id: string): string {
  const d = l.def.dependencies[id]!;
  const SIDE = sideNames(l);
  const flow =
    d.mechanism === 'market'
      ? `${SIDE[d.supplier]} sells into ${SIDE[d.dependent]}'s market`
      : `${SIDE[d.supplier]} ${d.mechanism === 'service' ? 'services' : 'supplies'} ${SIDE[d.dependent]}`;
  return `${id} — ${d.name} (${d.mechanism}: ${flow}; sector ${d.sector})`;
}

/** The parameters the mechanism uses (and share, for information), then the dependent bloc's effort. */
export function parameterLines(l: LoadedScenario, id: string, width: number): string[] {
  const d = l.def.dependencies[id]!;
  const rec = d as unknown as Record<string, number>;
  const out: string[] = [];
  for (const [field, f] of Object.entries(FIELDS)) {
    if (f.used.length > 0 && !f.used.includes(d.mechanism)) continue;
    out.push(
      ...paramLines(field, num(rec[field]!), f.unit, l.provenance.get(`dependencies.${id}.${field}`), width),
    );
  }
  if (d.exposure) {
    const parts = Object.entries(d.exposure).map(([s, w]) => `${s} ${num(w)}`);
    out.push(
      ...wrap(`exposure (who bears the council side's pain): ${parts.join(', ')}`, width, '  ', '    '),
    );
  } else
    out.push(
      ...wrap(
        `exposure: member states' weights for sector "${d.sector}" (models/member-states.yaml)`,
        width,
        '  ',
        '    ',
      ),
    );
  // The learner is the importer for markets, the dependent side otherwise: both are `dependent`.
  const b = d.dependent;
  out.push(
    ...wrap(`Substitution effort of ${sideNames(l)[b]}, who learns to do without this flow:`, width, '  '),
  );
  for (const field of ['base_effort', 'pain_tolerance'] as const)
    out.push(
      ...paramLines(
        `blocs.${b}.${field}`,
        num(l.def.blocs[b]![field]),
        field === 'base_effort' ? 'effort with no pain' : '% of GDP a year',
        l.provenance.get(`blocs.${b}.${field}`),
        width,
      ),
    );
  return out;
}

/** The measures acting on a dependency: id, side, legal basis and ladder in brief. */
export function actingMeasures(l: LoadedScenario, id: string, width: number): string[] {
  const rows: string[][] = [];
  for (const [mid, m] of Object.entries(l.def.measures)) {
    if (!m.acts_on.includes(id)) continue;
    const steps = m.levels
      .map((lv) => (lv.tariff > 0 ? `${num(lv.tariff * 100)}%` : num(lv.intensity)))
      .join(' / ');
    const start = l.def.start.levels[mid];
    rows.push([mid, m.bloc, m.legal_basis, `${steps}${start ? `  (level ${start} at start)` : ''}`]);
  }
  if (rows.length === 0) return ['  none in this scenario'];
  return table([['measure', 'side', 'basis', 'levels 1.. (intensity or tariff)'], ...rows]).flatMap((line) =>
    line.length <= width ? [line] : wrap(line, width, '', '      '),
  );
}
