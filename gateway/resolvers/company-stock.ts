/** One sku's stock summed over the warehouses that carry it. */
export interface CompanyStock {
  sku: string;
  name: string | null;
  onHand: number;
  reserved: number;
  available: number;
  inTransit: number;
  byWarehouse: { warehouseId: string; onHand: number; reserved: number; available: number }[];
  unavailableWarehouses: string[];
}

export interface MemberProduct {
  sku: string;
  name: string;
  onHand: number;
  reserved: number;
  available: number;
  archived: boolean;
}

export function emptyStock(sku: string, unavailableWarehouses: string[]): CompanyStock {
  return { sku, name: null, onHand: 0, reserved: 0, available: 0, inTransit: 0, byWarehouse: [], unavailableWarehouses };
}

export function addToStock(stock: CompanyStock, warehouseId: string, product: MemberProduct): void {
  if (product.archived) return;
  stock.name ??= product.name;
  stock.onHand += product.onHand;
  stock.reserved += product.reserved;
  stock.available += product.available;
  stock.byWarehouse.push({ warehouseId, onHand: product.onHand, reserved: product.reserved, available: product.available });
}

/**
 * What each member says about transfers, for the in-transit count, all in the same snapshot as its
 * stock: what it sent and is still delivering, what it sent that was received recently, and what
 * it received recently ("recently" by the destination's clock, which both sides record).
 */
export interface MemberTransfers {
  outgoing: { id: string; sku: string; quantity: number }[];
  acked: { id: string; sku: string; quantity: number }[];
  received: { id: string }[];
}

/** Receipts within this window are matched between sources and destinations. */
export const RECEIPT_WINDOW_MS = 10 * 60_000;

/**
 * Units on their way, per sku. A transfer counts as in transit unless its destination's snapshot
 * already has it in onHand. The members' snapshots are taken at slightly different moments, so the
 * source may already know of the receipt that the destination's (earlier) snapshot does not show:
 * it then still lists the transfer among its recently acknowledged ones, and it is counted once,
 * here. A receipt older than the window is in both snapshots for sure, so in neither list.
 */
export function inTransitBySku(parts: MemberTransfers[]): Map<string, number> {
  const received = new Set(parts.flatMap((p) => p.received.map((r) => r.id)));
  const bySku = new Map<string, number>();
  for (const transfer of parts.flatMap((p) => [...p.outgoing, ...p.acked]))
    if (!received.has(transfer.id)) bySku.set(transfer.sku, (bySku.get(transfer.sku) ?? 0) + transfer.quantity);
  return bySku;
}
