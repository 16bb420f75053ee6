/** One sku's stock summed over the warehouses that carry it. */
export interface CompanyStock {
  sku: string;
  name: string | null;
  onHand: number;
  reserved: number;
  available: number;
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
  return { sku, name: null, onHand: 0, reserved: 0, available: 0, byWarehouse: [], unavailableWarehouses };
}

export function addToStock(stock: CompanyStock, warehouseId: string, product: MemberProduct): void {
  if (product.archived) return;
  stock.name ??= product.name;
  stock.onHand += product.onHand;
  stock.reserved += product.reserved;
  stock.available += product.available;
  stock.byWarehouse.push({ warehouseId, onHand: product.onHand, reserved: product.reserved, available: product.available });
}
