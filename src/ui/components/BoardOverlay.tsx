// The live Council board (key c): before any vote, each member state's
// support score and likely ballot, grouped, with the pivotal states marked.
import { Box, Text } from 'ink';
import type { CouncilView, Scenario } from '../../engine/index.js';
import { boardColumns, PIVOTAL } from '../board.js';
import { SYMBOL, useColor } from '../theme.js';
import { Card } from './Card.js';

const signed = (x: number, digits = 1) => `${x >= 0 ? '+' : ''}${x.toFixed(digits)}`;
/** The longest wording that fits the width. */
const fits = (forms: readonly string[], width: number): string =>
  forms.find((f) => f.length <= width) ?? forms[forms.length - 1]!;

export function BoardOverlay({
  sc,
  view,
  width,
  height,
}: {
  sc: Scenario;
  view: CouncilView;
  width: number;
  height: number;
}) {
  const color = useColor();
  const r = view.result;
  const n = view.ballots.length;
  // Title, intro, a blank line above and below the columns, two summary lines.
  const { columns, width: colWidth } = boardColumns(view, height - 6, width);
  const pivotal = view.ballots.filter((b) => view.pivotal.includes(b.id));
  const pivotalPop = pivotal.reduce((sum, b) => sum + b.population, 0);
  return (
    <Card title="Council board · likely ballots before a vote · any key closes" width={width} height={height}>
      <Text wrap="truncate-end" color={color('muted')}>
        {fits(
          [
            `Each state's support score (log-odds) gives its ballot: for at ≥ ${sc.params.voteFor}, against at ≤ ${sc.params.voteAgainst}, else abstain; population in % of the EU.`,
            `Ballot by support score: for ≥ ${sc.params.voteFor}, against ≤ ${sc.params.voteAgainst}, else abstain · pop. %`,
          ],
          width,
        )}
      </Text>
      <Text> </Text>
      <Box>
        {columns.map((col, c) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: columns are positional
          <Box key={c} flexDirection="column" width={colWidth + 1}>
            {col.map((l) => (
              <Text
                key={l.text}
                wrap="truncate-end"
                bold={l.header || l.pivotal}
                color={l.header ? color(l.ballot) : undefined}
              >
                {l.text}
              </Text>
            ))}
          </Box>
        ))}
      </Box>
      <Text> </Text>
      <Text bold wrap="truncate-end" color={r.qualifiedMajorityFor ? color('good') : color('bad')}>
        QM for {r.qualifiedMajorityFor ? `${SYMBOL.for} would be reached` : `${SYMBOL.against} would fail`}:{' '}
        {r.for.states} of {n} states ({signed(r.marginFor.states, 0)}), {r.for.population.toFixed(1)}% of
        population ({signed(r.marginFor.population)} pts)
        {r.deemedFor ? ', deemed: fewer than 4 states not for' : ''}
        {r.qualifiedMajorityAgainst ? ' · QM AGAINST' : r.blockingMinority ? ' · blocking minority' : ''}
      </Text>
      <Text wrap="truncate-end">
        {pivotal.length === 0
          ? `${PIVOTAL} pivotal: none — no single state's switch changes the result`
          : fits(
              [
                `${PIVOTAL} pivotal: ${pivotal.length} state${pivotal.length === 1 ? '' : 's'}, ${pivotalPop.toFixed(1)}% of population — one switching ${r.qualifiedMajorityFor ? 'away from for would lose' : 'to for would win'} the majority`,
                `${PIVOTAL} pivotal: ${pivotal.length}, ${pivotalPop.toFixed(1)}% of pop.: one switching ${r.qualifiedMajorityFor ? 'away from for loses' : 'to for wins'} the QM`,
              ],
              width,
            )}
      </Text>
    </Card>
  );
}
