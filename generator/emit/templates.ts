import type Handlebars from "handlebars";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { sha256 } from "../snapshot/canonical.js";
import { identifier, jsDoc, jsDocText, jsString, jsValue } from "./escape.js";

const TEMPLATE_DIR = fileURLToPath(new URL("../../templates/", import.meta.url));
const require = createRequire(import.meta.url);

/** The options every template is compiled with: an unknown field is an error, not an empty string. */
export const COMPILE_OPTIONS = { strict: true } as const;

/** A template compiled at build time (scripts/build.ts): the sha256 of its source, and handlebars' spec of it. */
export interface Precompiled {
  source: string;
  spec: TemplateSpecification;
}

/** Where the build puts the precompiled form of the template at `path`: CommonJS, so it loads synchronously. */
export const precompiledPath = (path: string): string => `${path}.cjs`;

/**
 * A handlebars environment whose helpers are the only way values reach the output: `js` (string
 * literal), `jsValue` (any JSON value), `doc` (JSDoc block), `docInline` (text inside one),
 * `ident` (identifier), and `code` for
 * text the generator's own emitters produced. Plain `{{x}}` keeps handlebars' HTML escaping, so a
 * value that misses its helper shows up as visible entities in review, never as code.
 */
function createEnvironment(base: typeof Handlebars): typeof Handlebars {
  const hb = base.create();
  hb.registerHelper("js", (value: unknown) => new hb.SafeString(jsString(String(value))));
  hb.registerHelper("jsValue", (value: unknown, indent: unknown) => new hb.SafeString(jsValue(value, typeof indent === "string" ? indent : "")));
  hb.registerHelper("doc", (...args: unknown[]) => {
    const lines = args.slice(0, -1).filter((a): a is string => typeof a === "string" && a !== "");
    return new hb.SafeString(jsDoc(lines).trimEnd());
  });
  hb.registerHelper("docInline", (value: unknown) => new hb.SafeString(jsDocText(String(value)).join(" ")));
  hb.registerHelper("ident", (value: unknown) => new hb.SafeString(identifier(String(value))));
  hb.registerHelper("code", (value: unknown) => new hb.SafeString(String(value)));
  return hb;
}

/** The build's precompiled template, when it was compiled from `source` (the template was not edited since). */
function precompiled(path: string, source: string): Precompiled | undefined {
  try {
    const built = require(precompiledPath(path)) as Precompiled;
    return built.source === sha256(source) ? built : undefined;
  } catch {
    return undefined; // not built: a clone runs from its sources
  }
}

/** Each environment made once, when first needed: an installed generator loads only handlebars' run time. */
let runtime: typeof Handlebars | undefined;
let compiler: typeof Handlebars | undefined;
const cache = new Map<string, Handlebars.TemplateDelegate>();

function template(name: string): Handlebars.TemplateDelegate {
  const path = `${TEMPLATE_DIR}${name}.hbs`;
  const source = readFileSync(path, "utf8");
  const built = precompiled(path, source);
  if (built !== undefined) return (runtime ??= createEnvironment(require("handlebars/runtime.js") as typeof Handlebars)).template(built.spec);
  return (compiler ??= createEnvironment(require("handlebars") as typeof Handlebars)).compile(source, COMPILE_OPTIONS);
}

/** Renders `templates/<name>.hbs` with `data`; unknown fields are an error, not an empty string. */
export function render(name: string, data: object): string {
  let compiled = cache.get(name);
  if (compiled === undefined) cache.set(name, (compiled = template(name)));
  return compiled(data);
}
