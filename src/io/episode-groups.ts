// One problem found in several episodes of one command (calibrate, hindcast)
// is one message, which says where: in every episode, or in those named.
import type { Diagnostic } from './diagnostics.js';

export interface EpisodeGroup {
  readonly first: Diagnostic;
  readonly episodes: string[];
}

export class EpisodeGroups {
  private readonly byKey = new Map<string, EpisodeGroup>();

  /** A problem of `episode`; problems with the same key are one. */
  add(key: string, d: Diagnostic, episode: string): void {
    const seen = this.byKey.get(key);
    if (seen) seen.episodes.push(episode);
    else this.byKey.set(key, { first: d, episodes: [episode] });
  }

  list(): EpisodeGroup[] {
    return [...this.byKey.values()];
  }
}

/** "every episode" when all `of` episodes (more than one) have the problem, else their names. */
export const whichEpisodes = (episodes: readonly string[], of: number): string =>
  episodes.length === of && of > 1 ? 'every episode' : episodes.join(', ');
