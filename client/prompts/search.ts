import type { Ctx } from "../context.ts";
import { select } from "./ask.ts";
import { movementFlow } from "./movement.ts";
import { pickProduct } from "./pick.ts";
import { reserveFlow } from "./reserve.ts";
import { showStock } from "./stock.ts";
import { transferFlow } from "./transfer.ts";

/**
 * Search, then a product card: its stock everywhere and what to do next. After each action the
 * card is shown again, so the change in stock is right there.
 */
export async function searchFlow(ctx: Ctx): Promise<void> {
  const { t } = ctx;
  const sku = await pickProduct(ctx);
  for (;;) {
    await showStock(ctx, sku);
    const next = await select(t("ask.productAction", { sku }), [
      { name: "reserve", message: t("menu.reserve") },
      { name: "movement", message: t("menu.movement") },
      { name: "transfer", message: t("menu.transfer") },
      { name: "back", message: t("menu.back") },
    ]);
    if (next === "back") return;
    if (next === "reserve") await reserveFlow(ctx, sku);
    if (next === "movement") await movementFlow(ctx, sku);
    if (next === "transfer") await transferFlow(ctx, sku);
  }
}
