// Seeded streams: each is Tyche-i (./tychei.ts, seedrandom's tychei), seeded by a SHA-256 of
// (seed, labels…), so streams never depend on run order or worker count.
import { hash } from 'node:crypto';
import type { RandomSource, Rng } from '../engine/types.js';
import { tychei } from './tychei.js';

/** Hex key for a stream: hash of the parts joined by "/". */
export const deriveKey = (...parts: (string | number)[]): string =>
  hash('sha256', parts.map(String).join('/'), 'hex');

export function makeRng(key: string): Rng {
  const prng = tychei(key);
  return { next: () => prng.double() };
}

export function makeRandomSource(): RandomSource {
  return {
    algorithm: 'seedrandom.tychei/sha256',
    // Seeded on the first draw: a run asks for many streams it never draws from.
    stream: (seed, ...labels) => {
      let prng: { double(): number } | undefined;
      return {
        next: () => {
          prng ??= tychei(deriveKey(seed, ...labels));
          return prng.double();
        },
      };
    },
  };
}

/** The seed string of one run of a batch: hash of (master seed, design point, replication). */
export const runSeed = (masterSeed: number | string, point: number, replication: number): string =>
  deriveKey('run', masterSeed, point, replication).slice(0, 16);
