import { newIdempotencyKey } from "../api.ts";
import type { Ctx } from "../context.ts";
import { warnUnavailable } from "../commands/command.ts";
import { cancelTransfer } from "../commands/cancel-transfer.ts";
import { followTransfer, renderTransfer, transferOf } from "../commands/transfer-follow.ts";
import { listTransfers, renderTransfers } from "../commands/transfers.ts";
import { FINAL_TRANSFER_STATUSES, type Transfer } from "../types.ts";
import { select } from "./ask.ts";
import { backToMenu } from "./pick.ts";

/** The company's recent transfers; pick one to refresh, follow until it arrives, or cancel it. */
export async function transfersFlow(ctx: Ctx): Promise<void> {
  const { t, fmt } = ctx;
  const transfers = await listTransfers(ctx, {});
  warnUnavailable(ctx, transfers.unavailableWarehouses);
  ctx.out(renderTransfers(ctx, transfers.items));
  if (!transfers.items.length) return;
  const id = await select(t("ask.transfer"), [
    ...transfers.items.slice(0, 50).map((x) => ({ name: `${x.from}/${x.id}`, message: `${x.id}  ${x.sku} × ${fmt.number(x.quantity)}  ${x.from} → ${x.to}  ${fmt.dim(t(`transfer.${x.status}`))}` })),
    { name: "back", message: t("menu.back") },
  ]);
  if (id === "back") return;
  const [from, transferId] = id.split("/") as [string, string];
  let transfer: Transfer = transfers.items.find((x) => x.from === from && x.id === transferId) ?? backToMenu(ctx, t("result.noTransfers"));
  for (;;) {
    const open = !FINAL_TRANSFER_STATUSES.includes(transfer.status);
    const action = await select(t("ask.transferAction", { id: transfer.id }), [
      { name: "refresh", message: t("ask.refresh") },
      ...(open ? [{ name: "follow", message: t("ask.follow") }, { name: "cancel", message: t("ask.cancelTransfer") }] : []),
      { name: "back", message: t("menu.back") },
    ]);
    if (action === "back") return;
    if (action === "refresh") transfer = await transferOf(ctx, from, transfer.id);
    if (action === "follow") transfer = await followTransfer(ctx, from, transfer.id, 60);
    if (action === "cancel") transfer = await cancelTransfer(ctx, from, transfer.id, newIdempotencyKey());
    ctx.out(renderTransfer(ctx, transfer));
  }
}
