import { type OptionSpec, type OptionValues } from "../../lib/options.ts";
import type { Ctx } from "../context.ts";
import { LocalApiError, UsageError } from "../errors.ts";
import type { MessageKey, T } from "../i18n/index.ts";

export type Parsed<S extends Record<string, OptionSpec>> = OptionValues<S> & { positionals: string[] };

/** One subcommand: its flags (besides the global ones), what it does, and how it prints. */
export interface Command {
  name: string;
  /** Positional arguments for the usage line, e.g. "<sku>". */
  args?: string;
  summary: MessageKey;
  options(t: T): Record<string, OptionSpec>;
  run(ctx: Ctx, options: any): Promise<void>;
}

export function defineCommand<S extends Record<string, OptionSpec>>(command: {
  name: string;
  args?: string;
  summary: MessageKey;
  options(t: T): S;
  run(ctx: Ctx, options: Parsed<S>): Promise<void>;
}): Command {
  return command;
}

/** A flag the command cannot do without. */
export function need<V>(ctx: Ctx, value: V | undefined, flag: string): V {
  if (value === undefined || value === null || value === "") throw new UsageError(ctx.t("usage.missing", { flag: `--${flag}` }));
  return value;
}

/** The one positional argument a command takes (a sku, an id). */
export function onePositional(ctx: Ctx, positionals: string[], name: string): string {
  const [first, extra] = positionals;
  if (extra !== undefined) throw new UsageError(ctx.t("usage.extra", { arg: extra }));
  if (!first) throw new UsageError(ctx.t("usage.missing", { flag: name }));
  return first;
}

/** JSON (as the API answered, locale-free) or the human rendering. */
export function emit(ctx: Ctx, data: unknown, human: () => string): void {
  ctx.out(ctx.json ? JSON.stringify(data, null, 2) : human());
}

/** A company-wide answer that is missing some warehouses says so (on stderr; JSON has the list). */
export function warnUnavailable(ctx: Ctx, ids: string[]): void {
  if (ids.length && !ctx.json) ctx.note(ctx.fmt.yellow(ctx.t("unavailable", { list: ids.join(", ") })));
}

/** Shared flag specs, so every command describes them the same way. */
export const flags = {
  warehouse: (t: T) => ({ type: "string", env: "WMS_WAREHOUSE", help: t("opt.warehouse") }) as const,
  key: (t: T) => ({ type: "string", help: t("opt.key") }) as const,
  qty: (t: T) => ({ type: "int", min: 1, max: 1_000_000_000, help: t("opt.qty") }) as const,
  reference: (t: T) => ({ type: "string", help: t("opt.reference") }) as const,
};

/** `warehouse(id:)` answers null for an unknown id: that is the caller's NOT_FOUND. */
export function known<W>(warehouse: W | null | undefined, id: string): W {
  if (!warehouse) throw new LocalApiError("NOT_FOUND", `No warehouse with id ${id}`, { warehouseId: id });
  return warehouse;
}
