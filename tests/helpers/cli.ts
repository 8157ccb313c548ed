// Runs `aci-sim ARGS…` in this process through main(), with stdout and stderr
// captured: what a user of the binary would see, without spawning Node.
import { fileURLToPath } from 'node:url';
import { main } from '../../src/cli/main.js';

/** The repository: the default working directory of a command. */
export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface CliOptions {
  /** Default: the repository. */
  cwd?: string;
  /** The whole environment the command sees (default: none, so the caller's CI or SLURM_* do not leak in). */
  env?: Record<string, string | undefined>;
  /**
   * Also make `cwd` the process's working directory for the call: commands
   * open the files named on the command line (outputs, journals) as given,
   * so relative ones land in the process's cwd (src/cli/io.ts).
   */
  chdir?: boolean;
}

export async function cli(args: readonly string[], opts: CliOptions = {}): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const cwd = opts.cwd ?? ROOT;
  const was = process.cwd();
  if (opts.chdir) process.chdir(cwd);
  try {
    const code = await main(args, {
      stdout: { write: (s: string) => (stdout += s) },
      stderr: { write: (s: string) => (stderr += s) },
      cwd,
      env: { ...opts.env },
    });
    return { code, stdout, stderr };
  } finally {
    if (opts.chdir) process.chdir(was);
  }
}
