import { it } from 'vitest';
import { Session } from 'node:inspector/promises';
import { writeFileSync } from 'node:fs';
import { expectExamplesRun } from '../docs/help-examples.js';
it('prof', async () => {
  const s = new Session(); s.connect();
  await s.post('Profiler.enable'); await s.post('Profiler.setSamplingInterval', { interval: 1000 }); await s.post('Profiler.start');
  for (const c of ['play', 'run', 'compare', 'explain', 'validate', 'report', 'plot', 'hindcast', 'sources']) await expectExamplesRun(c);
  const { profile } = await s.post('Profiler.stop');
  writeFileSync('/tmp/s4/help.cpuprofile', JSON.stringify(profile));
}, 600000);
