// Seeded streams: each is seedrandom's tychei, seeded by a SHA-256 of
// (seed, labels…), so streams never depend on run order or worker count.
import { createHash } from 'node:crypto';
import seedrandom from 'seedrandom';
import type { RandomSource, Rng } from '../engine/types.js';

/** Hex key for a stream: hash of the parts joined by "/". */
export const deriveKey = (...parts: (string | number)[]): string =>
  createHash('sha256').update(parts.map(String).join('/')).digest('hex');

export function makeRng(key: string): Rng {
  const prng = seedrandom.tychei(key);
  return { next: () => prng.double() };
}

export function makeRandomSource(): RandomSource {
  return {
    algorithm: 'seedrandom.tychei/sha256',
    stream: (seed, ...labels) => makeRng(deriveKey(seed, ...labels)),
  };
}

/** The seed string of one run of a batch: hash of (master seed, design point, replication). */
export const runSeed = (masterSeed: number | string, point: number, replication: number): string =>
  deriveKey('run', masterSeed, point, replication).slice(0, 16);
