import fs from "node:fs";
import type { Ctx } from "../context.ts";
import { UsageError } from "../errors.ts";
import { toCsv } from "../format.ts";
import { dayRange, parseDay, today } from "../input.ts";
import { MOVEMENT_KINDS, type CompanyMovement, type MovementSummary } from "../types.ts";
import { defineCommand, emit, flags } from "./command.ts";
import { readMovements, readSummary, type ReportFilter } from "./movement-report.ts";

export function renderMovements(ctx: Ctx, items: CompanyMovement[]): string {
  const { t, fmt } = ctx;
  if (!items.length) return t("result.noMovements");
  return fmt.table(
    [{ header: t("col.date") }, { header: t("col.warehouse") }, { header: t("col.sku") }, { header: t("col.kind") }, { header: t("col.quantity"), align: "right" }, { header: t("col.balance"), align: "right" }, { header: t("col.reference") }, { header: t("col.counterparty") }],
    items.map((m) => [fmt.dateTime(m.occurredAt), m.warehouseId, m.sku, t(`kind.${m.kind}`), fmt.signedNumber(m.quantity), fmt.number(m.balanceAfter), m.reference ?? "", m.counterparty ?? ""]),
  );
}

export function renderSummary(ctx: Ctx, items: (MovementSummary & { warehouseId: string })[]): string {
  const { t, fmt } = ctx;
  if (!items.length) return t("result.noMovements");
  return fmt.table(
    [{ header: t("col.warehouse") }, { header: t("col.sku") }, { header: t("col.kind") }, { header: t("col.count"), align: "right" }, { header: t("col.quantity"), align: "right" }],
    items.map((s) => [s.warehouseId, s.sku, t(`kind.${s.kind}`), fmt.number(s.count), fmt.signedNumber(s.quantity)]),
  );
}

export const movementsCsv = (items: CompanyMovement[]) =>
  toCsv(
    ["occurredAt", "warehouseId", "id", "sku", "kind", "quantity", "balanceAfter", "reference", "counterparty", "transferId", "actor"],
    items.map((m) => [m.occurredAt, m.warehouseId, m.id, m.sku, m.kind, m.quantity, m.balanceAfter, m.reference, m.counterparty, m.transferId, m.actor]),
  );

export const summaryCsv = (items: (MovementSummary & { warehouseId: string })[]) =>
  toCsv(["warehouseId", "sku", "kind", "count", "quantity"], items.map((s) => [s.warehouseId, s.sku, s.kind, s.count, s.quantity]));

export default defineCommand({
  name: "movements",
  summary: "cmd.movements",
  options: (t) => ({
    from: { type: "string", help: t("opt.from") },
    to: { type: "string", help: t("opt.to") },
    warehouse: flags.warehouse(t),
    sku: { type: "string", help: t("opt.sku") },
    kind: { type: "string", help: `${t("opt.kind")}: ${MOVEMENT_KINDS.join(", ")}` },
    summary: { type: "boolean", default: false, help: t("opt.summary") },
    csv: { type: "boolean", default: false, help: t("opt.csv") },
    out: { type: "string", help: t("opt.out") },
  }),
  async run(ctx, o) {
    const day = (flag: string, value: string) => {
      const date = parseDay(value);
      if (!date) throw new UsageError(ctx.t("usage.bad", { flag, problem: ctx.t("valid.date") }));
      return date;
    };
    const from = day("--from", o.from ?? "");
    const range = dayRange(from, day("--to", o.to ?? today()));
    const kind = o.kind?.toUpperCase();
    if (kind && !(MOVEMENT_KINDS as readonly string[]).includes(kind)) throw new UsageError(ctx.t("usage.bad", { flag: "--kind", problem: MOVEMENT_KINDS.join(", ") }));
    const filter: ReportFilter = { ...range, warehouseId: o.warehouse, sku: o.sku, kind };
    const report = o.summary ? await readSummary(ctx, filter) : await readMovements(ctx, filter);
    const csv = () => (o.summary ? summaryCsv(report.items as never) : movementsCsv(report.items as never));
    if (o.out) {
      fs.writeFileSync(o.out, csv());
      return emit(ctx, { file: o.out, rows: report.items.length, unavailableWarehouses: report.unavailableWarehouses }, () =>
        ctx.fmt.green(ctx.t("result.csvWritten", { rows: ctx.fmt.number(report.items.length), file: o.out! })));
    }
    if (o.csv) return void process.stdout.write(csv());
    emit(ctx, report, () => (o.summary ? renderSummary(ctx, report.items as never) : renderMovements(ctx, report.items as never)));
  },
});
