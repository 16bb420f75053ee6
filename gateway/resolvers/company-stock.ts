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

/** What each member says about transfers, for the in-transit count. */
export interface MemberTransfers {
  outgoing: { id: string; sku: string; quantity: number }[];
  received: { id: string }[];
}

/** Received transfers this recent are matched against sources that may not have heard the ack yet. */
export const ACK_WINDOW_MS = 10 * 60_000;

/**
 * Units on their way, per sku: outgoing transfers their sources still hold as unacknowledged,
 * minus those a destination already counts in its onHand (received, ack not yet back at the source).
 */
export function inTransitBySku(parts: MemberTransfers[]): Map<string, number> {
  const received = new Set(parts.flatMap((p) => p.received.map((r) => r.id)));
  const bySku = new Map<string, number>();
  for (const transfer of parts.flatMap((p) => p.outgoing))
    if (!received.has(transfer.id)) bySku.set(transfer.sku, (bySku.get(transfer.sku) ?? 0) + transfer.quantity);
  return bySku;
}
