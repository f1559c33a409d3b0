import Handlebars from "handlebars";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { identifier, jsDoc, jsDocText, jsString, jsValue } from "./escape.js";

const TEMPLATE_DIR = fileURLToPath(new URL("../../templates/", import.meta.url));

/**
 * A handlebars environment whose helpers are the only way values reach the output: `js` (string
 * literal), `jsValue` (any JSON value), `doc` (JSDoc block), `docInline` (text inside one),
 * `ident` (identifier), and `code` for
 * text the generator's own emitters produced. Plain `{{x}}` keeps handlebars' HTML escaping, so a
 * value that misses its helper shows up as visible entities in review, never as code.
 */
function createEnvironment(): typeof Handlebars {
  const hb = Handlebars.create();
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

const environment = createEnvironment();
const cache = new Map<string, Handlebars.TemplateDelegate>();

/** Renders `templates/<name>.hbs` with `data`; unknown fields are an error, not an empty string. */
export function render(name: string, data: object): string {
  let template = cache.get(name);
  if (template === undefined) {
    template = environment.compile(readFileSync(`${TEMPLATE_DIR}${name}.hbs`, "utf8"), { strict: true });
    cache.set(name, template);
  }
  return template(data);
}
