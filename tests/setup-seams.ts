// Seams the tests set in every test file (vitest setupFiles).
//
// Batch worker threads started by tests run dist/batch/worker.js, which
// tests/global-setup.ts has just built from these sources, rather than
// worker.ts behind tsx's loader: the same code at a fraction of the start-up
// CPU. A test's own worker entry (tests/fixtures/workers) is JavaScript, so it
// also starts without tsx.
//
// YAML files parsed without problems are kept by their text, so that the
// hundreds of commands run in one test process parse the shipped models once
// (each gets its own copy of the data).
import { startBuiltWorkers } from '../src/batch/pool.js';
import { memoizeYamlParses } from '../src/io/yaml-source.js';

startBuiltWorkers(new URL('../dist/batch/worker.js', import.meta.url));
memoizeYamlParses(true);
