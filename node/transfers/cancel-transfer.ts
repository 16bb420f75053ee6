import { AppError, conflict, notFound } from "../../lib/errors.ts";
import type { TransferDto } from "../../schema/jobs.ts";
import type { PeerDirectory } from "../peers/directory.ts";
import { peerError, peerRequest, PeerUnreachable } from "../peers/peer-request.ts";
import type { JobCaller } from "../resolvers/context.ts";

/**
 * Cancels an outgoing transfer only when the destination has certainly not applied it: it must
 * answer that it refuses that id from now on. Then the units come back here. If it already applied
 * it, the transfer is RECEIVED and the cancel is a CONFLICT; if it cannot be asked, nothing changes.
 */
export async function cancelTransfer(
  deps: { call: JobCaller; directory: PeerDirectory; fetch: typeof fetch },
  args: { id: string; idempotencyKey?: string | null; actor: string },
): Promise<TransferDto> {
  const transfer = await deps.call("getTransfer", { id: args.id });
  if (!transfer || transfer.direction !== "OUT") throw notFound(`No outgoing transfer with id ${args.id}`, { id: args.id });
  const returned = () => deps.call("transferReturned", { id: transfer.id, status: "CANCELLED", reason: "cancelled", actor: args.actor, idempotencyKey: args.idempotencyKey });
  if (transfer.status === "CANCELLED") return returned(); // a repeat: same answer, nothing new
  if (transfer.status !== "PENDING" && transfer.status !== "IN_TRANSIT")
    throw conflict(`Transfer ${transfer.id} is ${transfer.status} and can no longer be cancelled`, { id: transfer.id, status: transfer.status });

  const offer = { id: transfer.id, sku: transfer.sku, quantity: transfer.quantity, from: transfer.from, to: transfer.to, name: "", description: "", price: "0", reference: transfer.reference };
  const unreachable = () =>
    new AppError("WAREHOUSE_UNAVAILABLE", `Cannot reach ${transfer.to} to make sure it has not received the transfer; try again later`, { warehouseId: transfer.to });
  const ask = async () => {
    const peer = await deps.directory.resolve(transfer.to);
    if (!peer) throw unreachable();
    return peerRequest<unknown>(deps.fetch, `${peer.url}/api/transfers/${encodeURIComponent(transfer.id)}/refuse`, { method: "POST", body: offer });
  };
  let answer;
  try {
    answer = await ask().catch(async (error) => {
      // The destination may have moved (restarted on another address): look again, once.
      if (!(error instanceof PeerUnreachable) || !(await deps.directory.refresh())) throw error;
      return ask();
    });
  } catch (error) {
    throw error instanceof PeerUnreachable ? unreachable() : error;
  }
  if (answer.status === 200) return returned();
  const error = peerError(answer.body, `${transfer.to} answered HTTP ${answer.status}`);
  if (error.details.reason === "RECEIVED") {
    await deps.call("transferDelivered", { id: transfer.id, receivedAt: typeof error.details.receivedAt === "string" ? error.details.receivedAt : null });
    throw conflict(`Transfer ${transfer.id} was already received by ${transfer.to}`, { id: transfer.id, status: "RECEIVED" });
  }
  throw error;
}
