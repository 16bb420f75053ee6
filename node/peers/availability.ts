import type { PeerDirectory } from "./directory.ts";
import { peerRequest } from "./peer-request.ts";

interface PeerStock {
  sku: string;
  onHand: number;
  reserved: number;
  available: number;
  archived: boolean;
}

/** "Where else is this sku available": every other warehouse asked in parallel, each with a deadline. */
export async function availabilityElsewhere(deps: { directory: PeerDirectory; fetch: typeof fetch; timeoutMs: number }, sku: string) {
  const peers = deps.directory.list();
  const unavailable = peers.filter((p) => !p.online).map((p) => p.id);
  const online = peers.filter((p) => p.online);
  const answers = await Promise.allSettled(
    online.map((peer) => peerRequest<PeerStock>(deps.fetch, `${peer.url}/api/stock/${encodeURIComponent(sku)}`, { timeoutMs: deps.timeoutMs })),
  );
  const items: { warehouseId: string; onHand: number; reserved: number; available: number }[] = [];
  answers.forEach((answer, i) => {
    const peer = online[i]!;
    if (answer.status === "rejected" || (answer.value.status !== 200 && answer.value.status !== 404)) unavailable.push(peer.id);
    else if (answer.value.status === 200 && !answer.value.body.archived && answer.value.body.available > 0) {
      const { onHand, reserved, available } = answer.value.body;
      items.push({ warehouseId: peer.id, onHand, reserved, available });
    }
  });
  items.sort((a, b) => b.available - a.available || a.warehouseId.localeCompare(b.warehouseId));
  return { sku, items, unavailableWarehouses: unavailable.sort() };
}
