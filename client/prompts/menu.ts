import type { Ctx } from "../context.ts";
import { createContext, type ContextOptions } from "../context.ts";
import { errorInfo, explain, isCancel } from "../errors.ts";
import { select, type Choice } from "./ask.ts";
import { archiveFlow } from "./archive.ts";
import { movementFlow } from "./movement.ts";
import { createFlow, editFlow } from "./product-form.ts";
import { reportFlow } from "./report.ts";
import { reservationsFlow } from "./reservations.ts";
import { reserveFlow } from "./reserve.ts";
import { searchFlow } from "./search.ts";
import { announce, changeServerFlow, whenUnreachable } from "./server.ts";
import { stockFlow } from "./stock.ts";
import { transferFlow } from "./transfer.ts";
import { transfersFlow } from "./transfers.ts";
import { warehousesFlow } from "./warehouses.ts";
import { listWarehouses } from "../commands/warehouses.ts";

/** The main menu, in this order; search first because it is what clerks do most. */
const FLOWS: [name: Parameters<Ctx["t"]>[0], flow: (ctx: Ctx) => Promise<void>][] = [
  ["menu.search", searchFlow],
  ["menu.stock", stockFlow],
  ["menu.warehouses", warehousesFlow],
  ["menu.reserve", (ctx) => reserveFlow(ctx)],
  ["menu.reservations", reservationsFlow],
  ["menu.movement", (ctx) => movementFlow(ctx)],
  ["menu.transfer", (ctx) => transferFlow(ctx)],
  ["menu.transfers", transfersFlow],
  ["menu.create", createFlow],
  ["menu.edit", editFlow],
  ["menu.archive", archiveFlow],
  ["menu.report", reportFlow],
  ["menu.server", changeServerFlow],
];

/** The interactive session: a menu that always comes back, whatever an action met. */
export async function interactive(options: ContextOptions): Promise<number> {
  const ctx: Ctx = createContext({ ...options, onUnreachable: (error) => whenUnreachable(ctx, error) });
  // Ctrl-C outside a prompt (while waiting for the server) ends the session cleanly.
  process.on("SIGINT", () => {
    ctx.status.clear();
    process.stdout.write(`\n${ctx.t("app.bye")}\n`);
    process.exit(130);
  });
  ctx.out(ctx.fmt.bold(ctx.t("app.title")));
  announce(ctx, ctx.api.target);
  await greet(ctx);
  const choices: Choice[] = [...FLOWS.map(([key]) => ({ name: key, message: ctx.t(key) })), { name: "exit", message: ctx.t("menu.exit") }];
  let last: string | undefined;
  for (;;) {
    let choice: string;
    try {
      choice = await select(ctx.t("menu.title"), choices, last);
    } catch (error) {
      if (isCancel(error)) break;
      throw error;
    }
    if (choice === "exit") break;
    last = choice;
    try {
      await FLOWS.find(([key]) => key === choice)![1](ctx);
    } catch (error) {
      ctx.status.clear();
      if (isCancel(error)) ctx.note(ctx.fmt.dim(ctx.t("menu.cancelled")));
      else showError(ctx, error);
    }
  }
  ctx.out(ctx.t("app.bye"));
  return 0;
}

/** Which warehouses answer, at once (and `ctx.known` filled for a switch to a node later on). */
async function greet(ctx: Ctx): Promise<void> {
  try {
    const warehouses = await ctx.status.spin(ctx.t("working"), () => listWarehouses(ctx));
    const online = warehouses.filter((w) => w.online).map((w) => w.id);
    const offline = warehouses.filter((w) => !w.online).map((w) => w.id);
    ctx.out(ctx.fmt.dim(ctx.t("app.online", { online: online.join(", ") || ctx.t("none"), offline: offline.join(", ") || ctx.t("none") })));
  } catch (error) {
    if (!isCancel(error)) showError(ctx, error);
  }
}

function showError(ctx: Ctx, error: unknown): void {
  const info = errorInfo(error);
  ctx.note(ctx.fmt.red(explain(info, ctx.t, ctx.fmt)));
  if (info.code === "UNREACHABLE") ctx.note(ctx.t("error.unreachableHint"));
}
