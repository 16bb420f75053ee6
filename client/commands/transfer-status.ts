import { defineCommand, emit, flags, need, onePositional } from "./command.ts";
import { waitFlag } from "./transfer.ts";
import { followTransfer, renderTransfer, transferOf } from "./transfer-follow.ts";

export default defineCommand({
  name: "transfer-status",
  args: "<transfer-id> ",
  summary: "cmd.transferStatus",
  options: (t) => ({ warehouse: { ...flags.warehouse(t), help: t("opt.fromWarehouse") }, wait: waitFlag(t("opt.wait")) }),
  async run(ctx, o) {
    const warehouseId = need(ctx, o.warehouse, "warehouse");
    const id = onePositional(ctx, o.positionals, "<transfer-id>");
    const transfer = o.wait > 0 ? await followTransfer(ctx, warehouseId, id, o.wait) : await transferOf(ctx, warehouseId, id);
    emit(ctx, transfer, () => renderTransfer(ctx, transfer));
  },
});
