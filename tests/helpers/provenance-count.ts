// The provenance count lives in src/io/provenance-count.ts (`aci-sim sources`); the tests import it from here.
export * from '../../src/io/provenance-count.js';
