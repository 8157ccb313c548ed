// A measure's card: who takes it, on what legal basis and what that means
// procedurally in this scenario, its ACI Annex I category, and its ladder.
import { RUNG_NAMES } from '../../engine/index.js';
import type { LoadedScenario } from '../../io/load-scenario.js';
import { num, provenanceText, sideNames, table, wrap } from './text.js';

/** Rounds from an ACI request to the measure applying, when every vote passes at once (aci.ts). */
export function aciRounds(l: LoadedScenario, lead: number): number {
  const p = l.def.procedure;
  return (
    p.examination + p.determination + p.engagement + (p.committee - 1) + Math.max(1, p.application + lead)
  );
}

/** What the legal basis means, in this scenario's numbers. */
export function legalBasisLines(l: LoadedScenario, id: string, width: number): string[] {
  const m = l.def.measures[id]!;
  const p = l.def.procedure;
  const lead = m.lead_rounds;
  const rounds = (n: number) => `${n} round${n === 1 ? '' : 's'}`;
  let text: string;
  switch (m.legal_basis) {
    case 'aci':
      text = `aci — an EU response measure under the Anti-Coercion Instrument (Reg. (EU) 2023/2675). The first request opens the procedure: the Commission examines the coercion (${rounds(p.examination)}), the Council determines it by qualified majority, 55% of states and 65% of population (${rounds(p.determination)}; a failed vote is retried next round; after three failures ACI measures are off the table for three rounds, then a new request reopens the case), then engagement with the other side (${rounds(p.engagement)}). Each level is then adopted by implementing act in the committee of member states (${rounds(p.committee)}): a qualified majority for adopts it, against blocks it, neither sends it to the appeal committee (${p.appeal[0]}-${p.appeal[1]} rounds), where no opinion lets the Commission adopt. It applies ${rounds(p.application)} after adoption plus its lead time of ${rounds(lead)}: at best ${rounds(aciRounds(l, lead))} after the first request in this scenario.`;
      break;
    case 'trade_defence':
      text = `trade_defence — an anti-dumping or anti-subsidy duty (basic regulations (EU) 2016/1036 and 2016/1037), adopted by the Commission in the examination procedure (Reg. (EU) No 182/2011 Art. 5): no determination of coercion comes first. Each level goes to the committee of member states (${rounds(p.committee)}); only a qualified majority against, 55% of states and 65% of population, blocks it; otherwise the Commission adopts it and it applies after its lead time of ${rounds(lead)}.`;
      break;
    case 'national':
      text = `national — ${m.holder} decides alone under its own export-control law: no Council vote. It acts when its own support score is at least 0 (drawn from the seeded stream when voting is stochastic) and the level applies after ${rounds(lead)}. Its cost falls on the states in its lever table (models/member-states.yaml).`;
      break;
    case 'government':
      text = `government — ${sideNames(l)[m.bloc]} decides alone; a new level applies after ${rounds(lead)}.`;
      break;
    case 'wider':
      text = `wider — the rung a broken deal unlocks (for the EU, the financial sector). Closed until the other side breaks a deal (the snapback then puts it at level 1); after that ${l.def.blocs[m.bloc]?.decides === 'eu_council' ? 'it goes through the ACI like any response measure and applies' : 'it applies'} ${rounds(lead)} after ${l.def.blocs[m.bloc]?.decides === 'eu_council' ? 'adoption' : 'the decision'}.`;
      break;
  }
  return wrap(text, width, '  ');
}

/** The ladder: level, name, intensity or tariff, rung, then where each calibrated number comes from. */
export function ladderLines(l: LoadedScenario, id: string, width: number): string[] {
  const m = l.def.measures[id]!;
  const start = l.def.start.levels[id] ?? 0;
  const tariffs = m.levels.some((lv) => lv.tariff > 0);
  const cols = (level: string, name: string, intensity: string, tariff: string, rung: string) =>
    tariffs ? [level, name, intensity, tariff, rung] : [level, name, intensity, rung];
  const rows: string[][] = [cols('level', 'name', 'intensity', 'tariff', 'rung')];
  rows.push(cols(start === 0 ? '0 *' : '0', 'off', '0', '0', '0'));
  m.levels.forEach((lv, i) => {
    rows.push(
      cols(
        `${i + 1}${start === i + 1 ? ' *' : ''}`,
        lv.name,
        num(lv.intensity),
        lv.tariff > 0 ? `${num(lv.tariff * 100)}%` : '0',
        String(lv.rung),
      ),
    );
  });
  const out = table(rows).map((line) => (line.length > width ? `${line.slice(0, width - 1)}…` : line));
  out.push('  * in force at the start of this scenario');
  const rungs = [...new Set([0, ...m.levels.map((lv) => lv.rung)])].sort((a, b) => a - b);
  out.push(...wrap(`rungs: ${rungs.map((r) => `${r} ${RUNG_NAMES[r]}`).join(', ')}`, width, '  ', '    '));
  m.levels.forEach((lv, i) => {
    const field = lv.tariff > 0 ? 'tariff' : 'intensity';
    const prov = l.provenance.get(`measures.${id}.levels[${i}].${field}`);
    if (!prov?.source && !prov?.assumed && prov?.file !== '--set') return;
    out.push(
      ...wrap(`level ${i + 1} ${field} ${num(lv[field])}: ${provenanceText(prov)}`, width, '  ', '      '),
    );
  });
  return out;
}

/** The card's top: name, side, description, legal basis, category, lead time. */
export function measureHead(l: LoadedScenario, id: string, width: number): string[] {
  const m = l.def.measures[id]!;
  const out = wrap(`${id} — ${m.name}`, width, '', '  ');
  out.push(
    `  taken by ${sideNames(l)[m.bloc]}; acts on ${m.acts_on.length > 0 ? m.acts_on.join(', ') : 'no flow'}`,
  );
  if (m.description) out.push('', ...wrap(m.description, width, '  '));
  out.push('', ...legalBasisLines(l, id, width));
  out.push(
    '',
    ...wrap(
      `ACI Annex I category: ${m.category ?? (l.def.blocs[m.bloc]?.decides === 'eu_council' ? 'not given' : `none (a measure of ${sideNames(l)[m.bloc]})`)}`,
      width,
      '  ',
      '    ',
    ),
  );
  out.push(
    `  lead time ${m.lead_rounds} round(s); ${m.reversible ? 'reversible' : 'cannot be lifted once in force'}`,
  );
  return out;
}

/** The other side's sticks and carrots: the fall in each state's support at full strength. */
export function pressureLines(l: LoadedScenario, id: string, width: number): string[] {
  const m = l.def.measures[id]!;
  const out: string[] = [];
  for (const [state, x] of Object.entries(m.pressure)) {
    out.push(`  ${state}  −${num(x)} log-odds of support at full strength`);
    out.push(
      ...wrap(
        provenanceText(l.provenance.get(`measures.${id}.pressure.${state}`)),
        width,
        '      ',
        '        ',
      ),
    );
  }
  if (out.length > 0)
    out.push(
      ...wrap(
        "A level's strength is its intensity, or its place on the ladder (level k of n counts k/n) when it stops nothing. A state votes for at a score of vote_for or more.",
        width,
        '  ',
      ),
    );
  return out;
}
