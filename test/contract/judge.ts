import { readFileSync } from "node:fs";
import { createServer, request, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { createRequire } from "node:module";
import { OpenAPIBackend } from "openapi-backend";

type Ajv = Parameters<NonNullable<ConstructorParameters<typeof OpenAPIBackend>[0]["customizeAjv"]>>[0];
// ajv-formats is CommonJS with a default export.
const addFormats = (createRequire(import.meta.url)("ajv-formats") as { default: (ajv: Ajv) => Ajv }).default;

/** One request and its answer as they crossed the wire between the client and the local server. */
export interface Exchange {
  method: string;
  path: string;
  query: Record<string, string>;
  requestHeaders: IncomingHttpHeaders;
  requestBody: unknown;
  status: number;
  contentType: string;
  /** Parsed JSON, or the text; undefined for an event stream. */
  responseBody: unknown;
}

/** What the independent validator found wrong with one exchange. */
export interface Violation {
  /** `GET /api/ai/queue/{generation_id}` (the document's path), or the raw path when no operation matches. */
  operation: string;
  status: number;
  part: "operation" | "request" | "status" | "response";
  message: string;
}

/** The published document the judge holds everything to. */
export const DOCUMENT_PATH = join(import.meta.dirname, "..", "..", "schemas", "hub-openapi.json");

/**
 * A recording proxy on loopback: forwards every request to `target` unchanged and the answer back
 * unchanged (streams included), and keeps both for the judge.
 */
export async function startRecordingProxy(target: string): Promise<{ url: string; exchanges: Exchange[]; close(): Promise<void> }> {
  const exchanges: Exchange[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const body = Buffer.concat(chunks);
      const upstream = request(target + req.url, { method: req.method, headers: { ...req.headers, host: new URL(target).host } }, (answer) => {
        res.writeHead(answer.statusCode!, answer.headers);
        const url = new URL(req.url!, "http://proxy");
        const exchange: Exchange = {
          method: req.method!,
          path: url.pathname,
          query: Object.fromEntries(url.searchParams),
          requestHeaders: req.headers,
          requestBody: parse(body.toString("utf8"), req.headers["content-type"]),
          status: answer.statusCode!,
          contentType: answer.headers["content-type"] ?? "",
          responseBody: undefined,
        };
        exchanges.push(exchange);
        const received: Buffer[] = [];
        answer.on("data", (c: Buffer) => {
          if (!exchange.contentType.startsWith("text/event-stream")) received.push(c);
          res.write(c);
        });
        answer.on("end", () => {
          exchange.responseBody = parse(Buffer.concat(received).toString("utf8"), exchange.contentType);
          res.end();
        });
        answer.on("error", () => res.destroy());
      });
      upstream.on("error", () => res.destroy());
      res.on("close", () => upstream.destroy());
      upstream.end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    exchanges,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function parse(text: string, contentType: string | undefined): unknown {
  if (text === "") return undefined;
  if (!contentType?.includes("json")) return text;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/**
 * The judge: openapi-backend (its router and its Ajv validators, not our code) holds each exchange
 * to the document — an operation must exist for it, the request must fit the operation, the status
 * must be one the operation declares, and the body must fit that status's schema.
 */
export async function createJudge(): Promise<(exchange: Exchange) => Violation[]> {
  const definition = JSON.parse(readFileSync(DOCUMENT_PATH, "utf8"));
  // `quick` compiles an operation's validators when first used: the document's chat-completion schema
  // (`nullable` without `type`) cannot be compiled, and no operation of this client uses it.
  // ajv-formats adds the `uuid` format that openapi-backend's Ajv lacks.
  const api = new OpenAPIBackend({ definition, strict: false, validate: true, coerceTypes: true, quick: true, customizeAjv: (ajv) => addFormats(ajv) });
  await api.init();
  return (exchange) => {
    const request = { method: exchange.method, path: exchange.path, query: exchange.query, headers: exchange.requestHeaders as Record<string, string>, body: exchange.requestBody };
    const operation = api.matchOperation(request);
    if (operation === undefined) return [{ operation: `${exchange.method} ${exchange.path}`, status: exchange.status, part: "operation", message: "no operation of the document matches" }];
    const name = `${operation.method.toUpperCase()} ${operation.path}`;
    const violations: Violation[] = [];
    const found = (part: Violation["part"], errors: { instancePath?: string; message?: string }[] | null | undefined) => {
      for (const e of errors ?? []) violations.push({ operation: name, status: exchange.status, part, message: `${e.instancePath ?? ""} ${e.message ?? ""}`.trim() });
    };
    found("request", api.validateRequest(request, operation).errors);
    const declared = Object.keys(operation.responses ?? {});
    if (!declared.includes(String(exchange.status))) {
      violations.push({ operation: name, status: exchange.status, part: "status", message: `status ${exchange.status} is not declared (declared: ${declared.join(", ")})` });
    } else {
      found("response", api.validateResponse(exchange.responseBody, operation, exchange.status).errors);
    }
    return violations;
  };
}
