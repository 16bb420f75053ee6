import { describe, expect, it } from "vitest";
import { inTransitBySku, type MemberTransfers } from "../../gateway/resolvers/company-stock.ts";

const X = { id: "x", sku: "S", quantity: 5 };
const none: MemberTransfers = { outgoing: [], acked: [], received: [] };

describe("units in transit", () => {
  it("counts a transfer once whichever side's snapshot saw the receipt", () => {
    // Not yet received: only the source knows it.
    expect(inTransitBySku([{ ...none, outgoing: [X] }, none]).get("S")).toBe(5);
    // Received and acknowledged, both snapshots after the receipt: it is in the destination's onHand.
    expect(inTransitBySku([{ ...none, acked: [X] }, { ...none, received: [X] }]).get("S")).toBeUndefined();
    // Received, acknowledged before the source's snapshot but after the destination's: still on its way
    // as far as these two snapshots go, so counted here (the destination's onHand does not have it).
    expect(inTransitBySku([{ ...none, acked: [X] }, none]).get("S")).toBe(5);
    // Received, not yet acknowledged: in the destination's onHand, not in transit.
    expect(inTransitBySku([{ ...none, outgoing: [X] }, { ...none, received: [X] }]).get("S")).toBeUndefined();
  });

  it("sums per sku", () => {
    const parts = [{ ...none, outgoing: [X, { id: "y", sku: "S", quantity: 2 }, { id: "z", sku: "T", quantity: 1 }] }];
    expect(Object.fromEntries(inTransitBySku(parts))).toEqual({ S: 7, T: 1 });
  });
});
