// Batch worker threads started by tests run dist/batch/worker.js, which
// tests/global-setup.ts has just built from these sources, rather than
// worker.ts behind tsx's loader: the same code at a third of the start-up CPU.
// A test's own worker entry (tests/fixtures/workers) is JavaScript, so also starts without tsx.
import { startBuiltWorkers } from '../src/batch/pool.js';

startBuiltWorkers(new URL('../dist/batch/worker.js', import.meta.url));
