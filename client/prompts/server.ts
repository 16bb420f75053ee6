import type { Ctx } from "../context.ts";
import { explain, errorInfo, isCancel, type Target, type Unreachable } from "../errors.ts";
import { input, select, type Choice } from "./ask.ts";

const validUrl = (ctx: Ctx) => (v: string) => /^https:\/\/\S+$/.test(v.trim()) || ctx.t("valid.url");

/** Where to go next: a warehouse seen earlier, or an address typed in. */
async function chooseServer(ctx: Ctx, kind: Target["kind"]): Promise<Target> {
  const { t } = ctx;
  if (kind === "gateway") return { kind, url: await input(t("ask.gatewayUrl"), { initial: ctx.api.target.kind === "gateway" ? ctx.api.target.url : "https://localhost:4000", validate: validUrl(ctx) }) };
  const seen: Choice[] = ctx.known.map((w) => ({ name: w.url, message: `${w.id}  ${ctx.fmt.dim(w.url)}` }));
  const url = seen.length ? await select(t("ask.nodeUrl"), [...seen, { name: "other", message: t("ask.otherUrl") }]) : "other";
  return { kind, url: url === "other" ? await input(t("ask.nodeUrl"), { validate: validUrl(ctx) }) : url };
}

/**
 * Called by the API when the server stayed down for the whole reconnect window, in the middle of
 * an action: retrying (or switching server) resends the same request with the same idempotency key.
 */
export async function whenUnreachable(ctx: Ctx, error: Unreachable): Promise<Target | "retry" | null> {
  const { t } = ctx;
  ctx.status.clear();
  ctx.note(ctx.fmt.red(explain(errorInfo(error), t, ctx.fmt)));
  const other = error.target.kind === "gateway" ? "node" : "gateway";
  try {
    const choice = await select(t("ask.unreachable", { url: error.target.url }), [
      { name: "retry", message: t("ask.retry") },
      { name: other, message: t(other === "node" ? "ask.useNode" : "ask.useGateway") },
      { name: "give-up", message: t("ask.giveUp") },
    ]);
    if (choice === "give-up") return null;
    if (choice === "retry") return "retry";
    const target = await chooseServer(ctx, other);
    announce(ctx, target);
    return target;
  } catch (cancelled) {
    if (isCancel(cancelled)) return null;
    throw cancelled;
  }
}

/** The menu's "change server": back to the gateway, or straight to one warehouse. */
export async function changeServerFlow(ctx: Ctx): Promise<void> {
  const { t } = ctx;
  const kind = (await select(t("menu.server"), [
    { name: "gateway", message: t("ask.useGateway") },
    { name: "node", message: t("ask.useNode") },
  ])) as Target["kind"];
  const target = await chooseServer(ctx, kind);
  ctx.api.setTarget(target);
  announce(ctx, target);
}

export function announce(ctx: Ctx, target: Target): void {
  const kind = ctx.t(target.kind === "gateway" ? "app.kind.gateway" : "app.kind.node");
  ctx.out(ctx.fmt.cyan(ctx.t("app.connected", { kind, url: target.url })));
}
