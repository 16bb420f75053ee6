import fs from "node:fs";
import path from "node:path";
import type { OptionSpec } from "../lib/options.ts";
import type { Lang, T } from "./i18n/index.ts";

/** The options every command takes (the flags of lib/options.ts, with their environment variables). */
export function globalOptions(t: T) {
  return {
    url: { type: "string", env: "WMS_URL", default: "https://localhost:4000", help: t("opt.url") },
    node: { type: "string", env: "WMS_NODE_URL", help: t("opt.node") },
    ca: { type: "string", env: "WMS_CA", default: path.join("certs", "ca.crt"), help: t("opt.ca") },
    token: { type: "string", env: "WMS_TOKEN", help: t("opt.token") },
    lang: { type: "string", env: "WMS_LANG", pattern: /^(es|en)$/, patternHelp: "must be es or en", help: t("opt.lang") },
    json: { type: "boolean", default: false, help: t("opt.json") },
    timeout: { type: "int", env: "WMS_TIMEOUT_MS", default: 10_000, min: 100, max: 600_000, help: t("opt.timeout") },
    "reconnect-for": { type: "int", env: "WMS_RECONNECT_MS", default: 30_000, min: 0, max: 3_600_000, help: t("opt.reconnectFor") },
  } satisfies Record<string, OptionSpec>;
}

export const DEFAULT_TOKEN_FILE = path.join("data", "admin.token");

/**
 * The language before the flags are parsed (the help text itself is translated): `--lang`, then
 * WMS_LANG, then the locale (LC_ALL, LC_MESSAGES, LANG); Spanish when it says so, else English.
 */
export function detectLang(argv: string[], env: Record<string, string | undefined>): Lang {
  const i = argv.findIndex((a) => a === "--lang" || a.startsWith("--lang="));
  const flag = i < 0 ? undefined : argv[i]!.includes("=") ? argv[i]!.split("=")[1] : argv[i + 1];
  // Empty variables count as unset, as the C library treats them.
  const chosen = flag || env.WMS_LANG || env.LC_ALL || env.LC_MESSAGES || env.LANG || "";
  return /^es\b|^es[_-]/i.test(chosen) ? "es" : "en";
}

/** The token: the flag or WMS_TOKEN, else data/admin.token when that file exists. */
export function readToken(flag: string | undefined): string | undefined {
  if (flag) return flag;
  try {
    return fs.readFileSync(DEFAULT_TOKEN_FILE, "utf8").trim() || undefined;
  } catch {
    return undefined;
  }
}

/**
 * The command's name: the first word that is not a flag or a global flag's value, so both
 * `--url X stock SKU` and `stock SKU --url X` work.
 */
export function splitCommand(argv: string[], valueFlags: Set<string>): { command: string | undefined; rest: string[] } {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === "--") break;
    if (arg.startsWith("-")) {
      if (!arg.includes("=") && valueFlags.has(arg.replace(/^--?/, ""))) i++;
      continue;
    }
    return { command: arg, rest: [...argv.slice(0, i), ...argv.slice(i + 1)] };
  }
  return { command: undefined, rest: argv };
}
