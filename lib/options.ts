import { parseArgs } from "node:util";

/**
 * A small declarative flag parser shared by every program: each option may also come from an
 * environment variable, is checked once at start-up, and a bad value fails fast with a clear message.
 */
export type OptionSpec =
  | { type: "string"; env?: string; default?: string; help: string; pattern?: RegExp; patternHelp?: string }
  | { type: "int"; env?: string; default?: number; help: string; min: number; max: number }
  | { type: "boolean"; env?: string; default?: boolean; help: string }
  | { type: "list"; env?: string; default?: string[]; help: string };

export type OptionValues<S extends Record<string, OptionSpec>> = {
  [K in keyof S]: S[K] extends { type: "int" }
    ? number
    : S[K] extends { type: "boolean" }
      ? boolean
      : S[K] extends { type: "list" }
        ? string[]
        : string | undefined;
};

export class ConfigError extends Error {
  name = "ConfigError";
}

export function parseOptions<S extends Record<string, OptionSpec>>(
  spec: S,
  argv: string[],
  env: Record<string, string | undefined>,
): OptionValues<S> & { help: boolean; positionals: string[] } {
  const parseSpec: Record<string, { type: "string" | "boolean" }> = { help: { type: "boolean" } };
  for (const [name, opt] of Object.entries(spec)) parseSpec[name] = { type: opt.type === "boolean" ? "boolean" : "string" };
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: parseSpec, strict: true, allowPositionals: true });
  } catch (error) {
    throw new ConfigError((error as Error).message);
  }
  const out: Record<string, unknown> = { help: parsed.values.help === true, positionals: parsed.positionals };
  for (const [name, opt] of Object.entries(spec)) {
    const flag = parsed.values[name];
    const fromEnv = opt.env ? env[opt.env] : undefined;
    const raw = flag !== undefined ? flag : fromEnv !== undefined && fromEnv !== "" ? fromEnv : undefined;
    const source = flag !== undefined ? `--${name}` : `${opt.env}`;
    out[name] = raw === undefined ? opt.default : convert(name, opt, raw, source);
  }
  return out as OptionValues<S> & { help: boolean; positionals: string[] };
}

function convert(name: string, opt: OptionSpec, raw: string | boolean, source: string): unknown {
  switch (opt.type) {
    case "boolean":
      if (typeof raw === "boolean") return raw;
      if (/^(1|true|yes|on)$/i.test(raw)) return true;
      if (/^(0|false|no|off)$/i.test(raw)) return false;
      throw new ConfigError(`${source} must be true or false, got "${raw}"`);
    case "int": {
      const value = Number(raw);
      if (!/^-?\d+$/.test(String(raw)) || value < opt.min || value > opt.max)
        throw new ConfigError(`${source} must be a whole number from ${opt.min} to ${opt.max}, got "${raw}"`);
      return value;
    }
    case "list":
      return String(raw)
        .split(",")
        .map((s) => s.trim())
        .filter(Boolean);
    case "string":
      if (opt.pattern && !opt.pattern.test(String(raw)))
        throw new ConfigError(`${source} ${opt.patternHelp ?? `is not valid`}, got "${raw}"`);
      if (String(raw) === "") throw new ConfigError(`${source} must not be empty`);
      return String(raw);
  }
  void name;
}

export function usage(command: string, spec: Record<string, OptionSpec>): string {
  const lines = Object.entries(spec).map(([name, opt]) => {
    const env = opt.env ? ` [env ${opt.env}]` : "";
    const def = opt.default !== undefined && !(Array.isArray(opt.default) && !opt.default.length) ? ` (default ${String(opt.default)})` : "";
    return `  --${name.padEnd(18)} ${opt.help}${def}${env}`;
  });
  return `Usage: ${command} [options]\n\n${lines.join("\n")}\n  --help               show this help\n`;
}

/** Parses or prints a clear message and exits: 0 for --help, 2 for a bad option. */
export function parseOrExit<S extends Record<string, OptionSpec>>(
  command: string,
  spec: S,
  argv = process.argv.slice(2),
  env: Record<string, string | undefined> = process.env,
) {
  try {
    const values = parseOptions(spec, argv, env);
    if (values.help) {
      process.stdout.write(usage(command, spec));
      process.exit(0);
    }
    return values;
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`${command}: ${error.message}\n\n${usage(command, spec)}`);
    process.exit(2);
  }
}
