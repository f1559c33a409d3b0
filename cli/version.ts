import { readFileSync } from "node:fs";

/** `name@version` of the package `name` whose folder holds `moduleUrl`: the nearest package.json up from it with that name. */
export function packageVersion(moduleUrl: string, name: string): string {
  for (let url = new URL("./", moduleUrl); ; url = new URL("../", url)) {
    try {
      const pkg = JSON.parse(readFileSync(new URL("package.json", url), "utf8")) as { name?: string; version?: string };
      if (pkg.name === name) return `${name}@${pkg.version}`;
    } catch {
      // no package.json here: look further up
    }
    if (url.pathname === "/") return `${name}@unknown`;
  }
}
