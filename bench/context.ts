/** What every workload gets from the bench runner. */
export interface BenchContext {
  quick: boolean;
  /** The project root. */
  root: string;
  /** The committed snapshot. */
  schemas: string;
  /** A scratch folder of this run. */
  work: string;
  /** The built generator command (dist/generator-package/generator/cli.js), run as users run the installed package. */
  cli: string;
  /** The built client command (dist/esm/cli/main.js): `mock`, as users run the installed package. */
  clientCli: string;
}
