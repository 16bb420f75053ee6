import fs from "node:fs";
import { ConfigError, parseOptions, usage, type OptionSpec } from "../lib/options.ts";
import { findCommand, COMMANDS } from "./commands/index.ts";
import type { Command } from "./commands/command.ts";
import { detectLang, globalOptions, readToken, splitCommand } from "./config.ts";
import { createContext, type Ctx } from "./context.ts";
import { errorInfo, EXIT, explain, UsageError } from "./errors.ts";
import { translator, type Lang, type T } from "./i18n/index.ts";
import { loadOperations } from "./operations.ts";
import { interactive } from "./prompts/menu.ts";

/** Parses the command line, runs one command or the menus, and returns the exit status. */
export async function run(argv: string[], env: Record<string, string | undefined>): Promise<number> {
  const lang = detectLang(argv, env);
  const t = translator(lang);
  const global = globalOptions(t);
  const valueFlags = new Set(Object.entries(global).filter(([, o]) => o.type !== "boolean").map(([name]) => name));
  const { command: name, rest } = splitCommand(argv, valueFlags);
  const command = name === undefined || name === "help" ? undefined : findCommand(name);
  if (name !== undefined && name !== "help" && !command) {
    process.stderr.write(`${t("usage.unknown", { name })}\n\n${mainHelp(t, global)}`);
    return EXIT.usage;
  }
  const spec: Record<string, OptionSpec> = { ...global, ...command?.options(t) };
  let o: Record<string, any>;
  try {
    o = parseOptions(spec, rest, env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`${error.message}\n${t("usage.seeHelp", { name: command?.name ?? "" })}\n`);
    return EXIT.usage;
  }
  if (o.help || name === "help") {
    const about = command ?? findCommand(o.positionals[0] ?? "");
    process.stdout.write(about ? commandHelp(t, about, global) : mainHelp(t, global));
    return EXIT.ok;
  }
  const tty = process.stdin.isTTY === true && process.stdout.isTTY === true;
  if (!command && !tty) {
    process.stderr.write(`${t("app.noTty")}\n\n${mainHelp(t, global)}`);
    return EXIT.usage;
  }
  let ca: string;
  try {
    ca = fs.readFileSync(o.ca, "utf8");
  } catch {
    process.stderr.write(`${t("error.ca", { file: o.ca })}\n`);
    return EXIT.usage;
  }
  const options = {
    lang: (o.lang as Lang | undefined) ?? lang,
    json: o.json === true,
    target: o.node ? { kind: "node" as const, url: o.node as string } : { kind: "gateway" as const, url: o.url as string },
    ca,
    token: readToken(o.token),
    timeoutMs: o.timeout as number,
    reconnectForMs: o["reconnect-for"] as number,
    operations: loadOperations(),
  };
  if (!command) return interactive(options);
  const ctx = createContext(options);
  return runCommand(ctx, command, o, global);
}

async function runCommand(ctx: Ctx, command: Command, o: Record<string, any>, global: Record<string, OptionSpec>): Promise<number> {
  try {
    await command.run(ctx, o);
    return EXIT.ok;
  } catch (error) {
    ctx.status.clear();
    const info = errorInfo(error);
    if (error instanceof UsageError) process.stderr.write(`${error.message}\n${ctx.t("usage.seeHelp", { name: command.name })}\n`);
    else if (ctx.json) ctx.out(JSON.stringify({ error: { code: info.code, message: info.message, ...info.extensions } }, null, 2));
    else {
      ctx.note(ctx.fmt.red(explain(info, ctx.t, ctx.fmt)));
      if (info.code === "UNREACHABLE") ctx.note(ctx.t("error.unreachableHint"));
    }
    return info.exitCode;
  }
}

function mainHelp(t: T, global: Record<string, OptionSpec>): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  const commands = COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${t(c.summary)}`).join("\n");
  return `${t("usage.main")}\n\n${t("usage.commands")}\n${commands}\n\n${optionsHelp(global)}\n${t("usage.exit")}\n`;
}

function commandHelp(t: T, command: Command, global: Record<string, OptionSpec>): string {
  const own = command.options(t);
  const ownHelp = Object.keys(own).length ? `${optionsHelp(own)}\n` : "";
  return `${t("usage.title", { name: command.name, args: command.args ?? "" })}\n${t(command.summary)}\n\n${ownHelp}${optionsHelp(global)}\n${t("usage.exit")}\n`;
}

/** The option lines of lib/options.ts's usage, without its own "Usage:" heading and --help line. */
const optionsHelp = (spec: Record<string, OptionSpec>) =>
  usage("", spec).split("\n").filter((line) => line.startsWith("  --") && !line.startsWith("  --help")).join("\n") + "\n";
