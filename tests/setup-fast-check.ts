// Property tests run from a fixed seed so CI is repeatable; FC_SEED=random
// (or a number) explores other seeds. fast-check prints the seed of a failure.
import fc from 'fast-check';

const env = process.env.FC_SEED;
if (env !== 'random') fc.configureGlobal({ seed: env ? Number(env) : 20251104 });
