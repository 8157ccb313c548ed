// Problems in what the episodes of one command share (--set values, a
// posterior file) are found once per episode; the user gets one message per problem.
import type { Diagnostic } from '../io/diagnostics.js';
import { EpisodeGroups, whichEpisodes } from '../io/episode-groups.js';

const UNKNOWN_PATH = new Set(['override/unknown-path', 'posterior/unknown-path']);

/**
 * Problems in what every episode shares (--set, the posterior file): one
 * message per problem, not one per episode.
 */
export class SharedProblems {
  private readonly groups = new EpisodeGroups();

  add(d: Diagnostic, episode: string): void {
    // A path that names nothing is one problem whatever each episode's message lists.
    const key = UNKNOWN_PATH.has(d.code)
      ? `${d.file}\0${d.path}`
      : `${d.file}\0${d.line}:${d.col}\0${d.path}\0${d.message}`;
    this.groups.add(key, d, episode);
  }

  /** --set problems in the order the flags were given, after the posterior's. */
  diagnostics(all: readonly string[], order: readonly string[]): Diagnostic[] {
    const rank = (d: Diagnostic) => order.indexOf(d.path);
    const groups = this.groups.list().sort((a, b) => rank(a.first) - rank(b.first));
    return groups.map(({ first, episodes }) => {
      const every = episodes.length === all.length;
      if (!UNKNOWN_PATH.has(first.code)) {
        if (first.file !== '--set' || all.length === 1) return first;
        return { ...first, message: `${first.message} (in ${whichEpisodes(episodes, all.length)})` };
      }
      if (every && all.length === 1) return first;
      // --set's own message says what the path lacks (the fields there are); the posterior's names one scenario.
      if (every && first.file === '--set')
        return { ...first, message: `${first.message} (in every episode)` };
      if (every) return { ...first, message: `"${first.path}" names no number of any episode named` };
      const has = all.filter((e) => !episodes.includes(e));
      return {
        ...first,
        message: `names no number of ${episodes.join(', ')}; it is one of ${has.join(', ')} only: name those episodes`,
      };
    });
  }
}
