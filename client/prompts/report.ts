import fs from "node:fs";
import type { Ctx } from "../context.ts";
import { readMovements, readSummary, type ReportFilter } from "../commands/movement-report.ts";
import { movementsCsv, renderMovements, renderSummary } from "../commands/movements.ts";
import { dayRange, parseDay, today } from "../input.ts";
import { input, select } from "./ask.ts";

/** Totals for a period first (cheap), then every movement or a CSV file on request. */
export async function reportFlow(ctx: Ctx): Promise<void> {
  const { t, fmt } = ctx;
  const validDate = (v: string) => parseDay(v) !== null || t("valid.date");
  const from = await input(t("ask.from"), { initial: `${today().slice(0, 8)}01`, validate: validDate });
  const to = await input(t("ask.to"), { initial: today(), validate: validDate });
  const warehouses = (await ctx.api.request<{ warehouses: { id: string }[] }>("warehouses")).warehouses;
  const where = await select(t("ask.warehouse"), [{ name: "*", message: t("ask.allWarehouses") }, ...warehouses.map((w) => ({ name: w.id, message: w.id }))]);
  const filter: ReportFilter = { ...dayRange(parseDay(from)!, parseDay(to)!), warehouseId: where === "*" ? undefined : where };
  const summary = await readSummary(ctx, filter);
  ctx.out(renderSummary(ctx, summary.items));
  for (;;) {
    const next = await select(t("ask.reportAction"), [
      { name: "csv", message: t("ask.exportCsv") },
      { name: "detail", message: t("ask.showDetail") },
      { name: "back", message: t("menu.back") },
    ]);
    if (next === "back") return;
    const movements = await readMovements(ctx, filter);
    if (next === "detail") {
      ctx.out(renderMovements(ctx, movements.items));
      ctx.out(fmt.dim(t("result.movements", { count: fmt.number(movements.items.length), from: fmt.date(filter.from), to: fmt.date(parseDay(to)!.toISOString()) })));
      continue;
    }
    const file = await input(t("ask.csvFile"), { initial: `movements-${from}-${to}.csv` });
    fs.writeFileSync(file, movementsCsv(movements.items));
    ctx.out(fmt.green(t("result.csvWritten", { rows: fmt.number(movements.items.length), file })));
  }
}
