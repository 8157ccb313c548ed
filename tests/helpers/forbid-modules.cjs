// Preload (node --require) that makes the packages named in $ACI_SIM_FORBID
// (comma-separated) impossible to load, by require or by import, so a test
// can show that a command never loads them.
const Module = require('node:module');

const forbidden = (process.env.ACI_SIM_FORBID ?? '').split(',').filter(Boolean);
const packageOf = (spec) =>
  (spec.startsWith('@') ? spec.split('/').slice(0, 2) : spec.split('/', 1)).join('/');

// Nothing forbidden (the runs a test compares with): no hooks, and no loader thread.
if (forbidden.length > 0) {
  const resolveFilename = Module._resolveFilename;
  Module._resolveFilename = function (request, ...rest) {
    if (forbidden.includes(packageOf(request))) throw new Error(`forbidden module: ${request}`);
    return resolveFilename.call(this, request, ...rest);
  };

  const hooks = `
  const forbidden = ${JSON.stringify(forbidden)};
  const packageOf = ${packageOf.toString()};
  export async function resolve(spec, context, next) {
    if (forbidden.includes(packageOf(spec))) throw new Error('forbidden module: ' + spec);
    return next(spec, context);
  }`;
  Module.register(`data:text/javascript,${encodeURIComponent(hooks)}`);
}
