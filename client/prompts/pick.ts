import type { Ctx } from "../context.ts";
import { listReservations } from "../commands/reservations.ts";
import { searchCompany, searchWarehouse } from "../commands/search.ts";
import { listWarehouses } from "../commands/warehouses.ts";
import { autocomplete, select, type Choice } from "./ask.ts";

/** Cancels the current flow (back to the menu) the way Ctrl-C does. */
export const backToMenu = (ctx: Ctx, why: string): never => {
  ctx.note(ctx.fmt.yellow(why));
  throw "";
};

/** Online warehouses first; offline ones are shown but marked. A single warehouse is not asked for. */
export async function pickWarehouse(ctx: Ctx, message = ctx.t("ask.warehouse"), exclude?: string): Promise<string> {
  const warehouses = (await listWarehouses(ctx)).filter((w) => w.id !== exclude);
  if (warehouses.length === 1) return warehouses[0]!.id;
  const sorted = [...warehouses].sort((a, b) => Number(b.online) - Number(a.online) || a.id.localeCompare(b.id));
  const choices: Choice[] = sorted.map((w) => ({ name: w.id, message: `${w.id}  ${ctx.fmt.dim(w.name)}`, hint: w.online ? "" : `(${ctx.t("state.offline")})` }));
  return select(message, choices);
}

/** A sku, by autocomplete on sku and name: the company's catalogue, or one warehouse's. */
export async function pickProduct(ctx: Ctx, warehouseId?: string): Promise<string> {
  const { fmt, t } = ctx;
  const choices: Choice[] = warehouseId
    ? (await searchWarehouse(ctx, warehouseId, undefined)).map((p) => ({
        name: p.sku, message: `${p.sku}  ${p.name}  ${fmt.dim(`${t("col.available")}: ${fmt.number(p.available)} · ${fmt.price(p.price)}`)}`,
      }))
    : (await searchCompany(ctx, undefined)).items.map((i) => ({
        name: i.sku, message: `${i.sku}  ${i.name ?? ""}  ${fmt.dim(`${t("col.available")}: ${fmt.number(i.available)}`)}`,
      }));
  if (!choices.length) backToMenu(ctx, t("result.noProducts"));
  const sku = await autocomplete(t("ask.product"), choices);
  return sku || backToMenu(ctx, t("ask.noProducts"));
}

/** One of a warehouse's active reservations. */
export async function pickReservation(ctx: Ctx, warehouseId: string): Promise<string> {
  const { fmt, t } = ctx;
  const active = await listReservations(ctx, warehouseId, { status: "ACTIVE" });
  if (!active.length) backToMenu(ctx, t("result.noReservations"));
  const choices = active.map((r) => ({
    name: r.id, message: `${r.id}  ${r.sku} × ${fmt.number(r.quantity)}  ${fmt.dim(`${r.reference ?? ""} ${fmt.dateTime(r.createdAt)}`)}`,
  }));
  return select(t("ask.reservation"), choices);
}
