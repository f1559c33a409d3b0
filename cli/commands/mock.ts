import { resolve } from "node:path";
import { parse, type Io } from "../args.js";
import { InputError } from "../errors.js";

export const usage = "oxen-contracts mock [--port N] [--schemas DIR]";
const help = `${usage}

Runs a local Oxen-compatible server on 127.0.0.1 until interrupted: the model endpoints (from a
snapshot folder), the sync generate call, the queue, /api/events and result files, with no real
work and no real key. Point a client at it with OXEN_BASE_URL and OXEN_API_KEY as printed.

  --port N       the port; default 0 (any free port)
  --schemas DIR  the snapshot folder whose models/*.json are served; default the package's schemas/`;

export async function mockCommand(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parse(argv, { port: { type: "string" }, schemas: { type: "string" } }, usage);
  if (values.help) return io.out(help), 0;
  if (positionals.length > 0) throw new InputError(`unexpected argument "${positionals[0]}"\nusage: ${usage}`);
  const port = Number(values.port ?? 0);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new InputError(`--port must be a port number, not "${values.port}"\nusage: ${usage}`);
  // Loaded here, not at the top: the server validates with generated/, which the other commands must not need.
  const { DEMO_API_KEY, startMockServer } = await import("../../mock/index.js");
  const server = await startMockServer({ port, schemasDir: values.schemas === undefined ? undefined : resolve(values.schemas) });
  io.out(`oxen mock server listening on ${server.url}`);
  io.out(`OXEN_BASE_URL=${server.url} OXEN_API_KEY=${DEMO_API_KEY}`);
  io.err("press Ctrl-C to stop");
  await new Promise((stop) => {
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
  });
  await server.close();
  return 0;
}
