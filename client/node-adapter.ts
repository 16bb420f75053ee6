import { Kind, type DocumentNode, type FieldNode, type OperationDefinitionNode } from "graphql";
import { LocalApiError } from "./errors.ts";
import type { Operation } from "./operations.ts";
import type { CompanyStock, Transfer } from "./types.ts";

type Send = (operation: Operation, variables: Record<string, unknown>) => Promise<any>;
type Vars = Record<string, unknown>;

/**
 * Direct mode: makes one warehouse node answer the client's gateway operations. Per-warehouse ones
 * are rewritten (the `warehouseId` argument dropped, `warehouse(id:) { … }` hoisted to the root);
 * the company-wide ones (warehouses, stock, inventory, movements, transfers) are built from the
 * node's own answers as a one-warehouse company.
 */
export class NodeAdapter {
  private self: { id: string; name: string } | undefined;
  private readonly rewritten = new Map<string, Operation>();

  constructor(private readonly send: Send, private readonly operations: Map<string, Operation>, private readonly url: string) {}

  async run(operation: Operation, variables: Vars): Promise<unknown> {
    const company = this.company[operation.name];
    if (company) return company(variables);
    const { warehouseId, ...rest } = variables;
    if (typeof warehouseId === "string") await this.checkWarehouse(warehouseId);
    const hoisted = rootField(operation.definition).name.value === "warehouse";
    const data = await this.send(this.rewrite(operation, hoisted), rest);
    return hoisted ? { warehouse: data } : data;
  }

  private async warehouse() {
    this.self ??= (await this.send(this.op("nodeWarehouse"), {})).warehouse as { id: string; name: string };
    return this.self;
  }

  private async checkWarehouse(id: string) {
    const self = await this.warehouse();
    if (id !== self.id) throw new LocalApiError("NOT_FOUND", `connected to warehouse ${self.id} directly, not ${id}`, { warehouseId: id, connectedTo: self.id });
  }

  private readonly company: Record<string, (v: Vars) => Promise<unknown>> = {
    warehouses: async () => {
      const self = await this.warehouse();
      return { warehouses: [{ ...self, url: this.url, online: true, lastSeen: new Date().toISOString() }] };
    },
    stock: async (v) => {
      const { product } = await this.send(this.op("nodeProduct"), { sku: v.sku });
      // From one warehouse, in transit is what it is still delivering.
      const transfers = (await this.send(this.op("nodeTransfers"), { sku: v.sku, status: ["PENDING", "IN_TRANSIT"] })).transfers as Transfer[];
      const inTransit = transfers.reduce((sum, t) => sum + t.quantity, 0);
      return { stock: { ...toStock(String(v.sku), (await this.warehouse()).id, product), inTransit } };
    },
    inventory: async (v) => {
      const id = (await this.warehouse()).id;
      const items: CompanyStock[] = [];
      let after: string | null = null;
      for (let page = 0; page < 20; page++) {
        const { products } = await this.send(this.op("nodeProducts"), { search: v.search ?? null, after });
        for (const p of products.items) if (!p.archived) items.push(toStock(p.sku, id, p));
        if (!(after = products.nextCursor)) break;
      }
      return { inventory: { items, unavailableWarehouses: [] } };
    },
    movements: async (v) => {
      const id = (await this.warehouse()).id;
      if (v.warehouseId) await this.checkWarehouse(String(v.warehouseId));
      const { movements } = await this.send(this.op("nodeMovements"), { sku: v.sku, kind: v.kind, from: v.from, to: v.to, first: v.first });
      return { movements: { items: movements.items.map((m: object) => ({ warehouseId: id, ...m })), unavailableWarehouses: [] } };
    },
    transfers: async (v) => {
      const id = (await this.warehouse()).id;
      const mine = !v.warehouseId || v.warehouseId === id;
      const items = mine ? (await this.send(this.op("nodeTransfers"), { status: v.status, sku: v.sku })).transfers : [];
      return { transfers: { items, unavailableWarehouses: [] } };
    },
  };

  private op(name: string): Operation {
    const operation = this.operations.get(name);
    if (!operation) throw new Error(`unknown operation ${name}`);
    return operation;
  }

  private rewrite(operation: Operation, hoisted: boolean): Operation {
    const key = operation.name;
    let done = this.rewritten.get(key);
    if (!done) this.rewritten.set(key, (done = { ...operation, ...withoutWarehouse(operation.definition, hoisted) }));
    return done;
  }
}

export const rootField = (definition: OperationDefinitionNode) => definition.selectionSet.selections[0] as FieldNode;

/** The same operation as a node understands it: no `$warehouseId`, and `warehouse(id:)`'s fields at the root. */
export function withoutWarehouse(definition: OperationDefinitionNode, hoisted: boolean): { document: DocumentNode; definition: OperationDefinitionNode } {
  const root = rootField(definition);
  const selections = hoisted
    ? root.selectionSet!.selections
    : [{ ...root, arguments: root.arguments?.filter((a) => a.name.value !== "warehouseId") }];
  const rewritten: OperationDefinitionNode = {
    ...definition,
    variableDefinitions: definition.variableDefinitions?.filter((v) => v.variable.name.value !== "warehouseId"),
    selectionSet: { ...definition.selectionSet, selections },
  };
  return { document: { kind: Kind.DOCUMENT, definitions: [rewritten] }, definition: rewritten };
}

function toStock(sku: string, warehouseId: string, product: { name: string; onHand: number; reserved: number; available: number; archived: boolean } | null): CompanyStock {
  const live = product && !product.archived ? product : null;
  return {
    sku,
    name: live?.name ?? null,
    onHand: live?.onHand ?? 0,
    reserved: live?.reserved ?? 0,
    available: live?.available ?? 0,
    byWarehouse: live ? [{ warehouseId, onHand: live.onHand, reserved: live.reserved, available: live.available }] : [],
    unavailableWarehouses: [],
  };
}
