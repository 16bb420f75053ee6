import Enquirer from "enquirer";
import type { Ctx } from "../context.ts";
import { parseInteger } from "../input.ts";

/** One choice of a menu: `name` is what the prompt returns, `message` what people read. */
export interface Choice {
  name: string;
  message: string;
  hint?: string;
}

/** One enquirer prompt, its answer returned; Ctrl-C or Esc rejects with "" (see errors.ts isCancel). */
async function ask<V>(options: Record<string, unknown>): Promise<V> {
  const answer = (await Enquirer.prompt({ name: "value", ...options } as never)) as { value: V };
  return answer.value;
}

/** Returns the chosen `name`; enquirer echoes the submitted choice's name, so it is given the message to show. */
export async function select(message: string, choices: Choice[], initial?: string): Promise<string> {
  const shown = choices.map((c) => ({ name: c.message, hint: c.hint }));
  const start = initial ? Math.max(0, choices.findIndex((c) => c.name === initial)) : 0;
  const picked = await ask<string>({ type: "select", message, choices: shown, initial: start });
  return choices.find((c) => c.message === picked)?.name ?? picked;
}

export const input = (message: string, options: { initial?: string; validate?: (text: string) => true | string } = {}) =>
  ask<string>({ type: "input", message, initial: options.initial, validate: options.validate }).then((text) => text.trim());

export const confirm = (message: string, initial = false) => ask<boolean>({ type: "confirm", message, initial });

/** A whole number within bounds, asked again until it is one. */
export async function integer(ctx: Ctx, message: string, options: { min?: number; nonZero?: boolean; initial?: number } = {}): Promise<number> {
  const min = options.min ?? -1_000_000_000;
  const text = await input(message, {
    initial: options.initial === undefined ? undefined : String(options.initial),
    validate: (value) => {
      const n = parseInteger(value);
      if (n === null) return ctx.t("valid.int");
      if (options.nonZero && n === 0) return ctx.t("valid.nonZero");
      if (n < min) return ctx.t(min === 1 ? "valid.positive" : "valid.int");
      return true;
    },
  });
  return parseInteger(text)!;
}

const { AutoComplete, Select } = Enquirer as unknown as Record<string, new (options: object) => { run(): Promise<string> }>;

/**
 * enquirer's AutoComplete highlights matches with `new RegExp(typed)`, which throws on "(" or "+"
 * (product names have them): this one draws its choices without highlighting.
 */
class PlainAutoComplete extends AutoComplete! {
  render() {
    return (Select!.prototype as unknown as { render(): Promise<void> }).render.call(this);
  }
}

/**
 * Autocomplete over a list loaded once (sku and name together), so typing never waits for the
 * network and results cannot arrive out of order.
 */
export function autocomplete(message: string, choices: Choice[], limit = 10): Promise<string> {
  return new PlainAutoComplete({
    message,
    limit,
    choices,
    // Matches anywhere in "sku  name", case-insensitively.
    suggest: (typed: string, all: Choice[]) => all.filter((c) => `${c.name} ${c.message}`.toLowerCase().includes(typed.toLowerCase())),
  }).run();
}
