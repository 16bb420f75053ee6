import { describe, expect, it } from "vitest";
import { AppError } from "../../lib/errors.ts";
import {
  MAX_QUANTITY,
  checkDate,
  checkDelta,
  checkExpiry,
  checkKind,
  checkPageSize,
  checkPositiveQuantity,
  checkSku,
  checkStatus,
  checkStockLevel,
  checkText,
} from "../../node/worker/domain/validate.ts";

/** The AppError a call throws (the call must throw one). */
function thrown(fn: () => unknown): AppError {
  try {
    fn();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error("expected an AppError");
}
const refused = (fn: () => unknown, field?: string) => {
  const error = thrown(fn);
  expect(error.code).toBe("BAD_USER_INPUT");
  if (field) expect(error.details).toMatchObject({ field });
  return error;
};

describe("quantities", () => {
  it("accept positive whole counts up to MAX_QUANTITY", () => {
    expect(MAX_QUANTITY).toBe(1_000_000_000);
    expect(checkPositiveQuantity(1)).toBe(1);
    expect(checkPositiveQuantity(250)).toBe(250);
    expect(checkPositiveQuantity(1e9)).toBe(1e9);
  });

  it.each([0, -1, 1.5, 1e9 + 1, 1e12, NaN, Infinity, -Infinity])("refuse %d as a positive quantity", (value) => {
    refused(() => checkPositiveQuantity(value), "quantity");
  });

  it.each(["5", null, undefined, true, [3], { n: 3 }])("refuse the non-number %j", (value) => {
    refused(() => checkPositiveQuantity(value), "quantity");
  });

  it("say what was wrong", () => {
    expect(refused(() => checkPositiveQuantity(0)).message).toMatch(/positive/);
    expect(refused(() => checkPositiveQuantity(1.5)).message).toMatch(/whole number/);
    expect(refused(() => checkPositiveQuantity(1e9 + 1)).message).toContain(String(MAX_QUANTITY));
    expect(refused(() => checkPositiveQuantity(0, "units"), "units").message).toContain("units");
  });

  it("allow a stock level of 0 but not below or above the limit", () => {
    expect(checkStockLevel(0)).toBe(0);
    expect(checkStockLevel(1e9)).toBe(1e9);
    refused(() => checkStockLevel(-1), "quantity");
    refused(() => checkStockLevel(1.5), "quantity");
    refused(() => checkStockLevel(1e9 + 1), "quantity");
  });

  it("take signed, non-zero ADJUSTMENT deltas within ±MAX_QUANTITY", () => {
    expect(checkDelta(-3)).toBe(-3);
    expect(checkDelta(3)).toBe(3);
    expect(checkDelta(-1e9)).toBe(-1e9);
    refused(() => checkDelta(0), "quantity");
    refused(() => checkDelta(0.5), "quantity");
    refused(() => checkDelta(1e9 + 1), "quantity");
    refused(() => checkDelta(-1e9 - 1), "quantity");
  });
});

describe("checkSku", () => {
  it.each([
    ["A", "A"],
    ["tornillo-M6", "tornillo-M6"],
    ["ab.c_d-e/f", "ab.c_d-e/f"],
    ["  SKU-1  ", "SKU-1"],
    ["x".repeat(64), "x".repeat(64)],
  ])("accepts %j as %j", (value, sku) => {
    expect(checkSku(value)).toBe(sku);
  });

  it.each(["", "   ", "has space", "-leading", ".leading", "/leading", "x".repeat(65), "ñ", "a\nb", "a;b", 12, null, undefined])(
    "refuses %j",
    (value) => {
      refused(() => checkSku(value), "sku");
    },
  );

  it("reports the field name it was given", () => {
    refused(() => checkSku("", "toSku"), "toSku");
  });
});

describe("checkText", () => {
  it("trims, and makes an absent optional value null", () => {
    expect(checkText("  hola  ", "name", 10)).toBe("hola");
    expect(checkText(undefined, "name", 10)).toBeNull();
    expect(checkText(null, "name", 10)).toBeNull();
    expect(checkText("", "name", 10)).toBe("");
    expect(checkText("tab\there\nnewline", "name", 100)).toBe("tab\there\nnewline");
  });

  it("refuses a missing or empty required value", () => {
    expect(refused(() => checkText(undefined, "name", 10, { required: true }), "name").message).toMatch(/required/);
    expect(refused(() => checkText("   ", "name", 10, { required: true }), "name").message).toMatch(/empty/);
  });

  it("refuses non-text, over-long text and control characters", () => {
    refused(() => checkText(5, "name", 10), "name");
    expect(checkText("x".repeat(10), "name", 10)).toBe("x".repeat(10));
    refused(() => checkText("x".repeat(11), "name", 10), "name");
    refused(() => checkText("a\u0000b", "name", 10), "name");
    refused(() => checkText("a\u001bb", "name", 10), "name");
    refused(() => checkText("a\u007fb", "name", 10), "name");
  });
});

describe("enumerations", () => {
  it("accept the movement kinds and reservation statuses of schema/jobs.ts only", () => {
    for (const kind of ["PURCHASE", "SALE", "TRANSFER_OUT", "TRANSFER_IN", "ADJUSTMENT", "RETURN"]) expect(checkKind(kind)).toBe(kind);
    for (const status of ["ACTIVE", "RELEASED", "FULFILLED", "EXPIRED"]) expect(checkStatus(status)).toBe(status);
    refused(() => checkKind("STOLEN"), "kind");
    refused(() => checkKind("sale"), "kind");
    refused(() => checkKind(undefined), "kind");
    refused(() => checkStatus("active"), "status");
    refused(() => checkStatus(null), "status");
  });
});

describe("dates, page sizes and leases", () => {
  it("parse ISO date-times and refuse other values", () => {
    expect(checkDate("2026-12-04T10:00:00.000Z", "from")!.toISOString()).toBe("2026-12-04T10:00:00.000Z");
    expect(checkDate(undefined, "from")).toBeNull();
    expect(checkDate(null, "from")).toBeNull();
    refused(() => checkDate("yesterday", "from"), "from");
    refused(() => checkDate("", "to"), "to");
    refused(() => checkDate(1_700_000_000_000, "to"), "to");
  });

  it("default, accept and bound page sizes", () => {
    expect(checkPageSize(undefined)).toBe(50);
    expect(checkPageSize(null, 20)).toBe(20);
    expect(checkPageSize(1)).toBe(1);
    expect(checkPageSize(500)).toBe(500);
    refused(() => checkPageSize(0), "first");
    refused(() => checkPageSize(501), "first");
    refused(() => checkPageSize(2.5), "first");
    refused(() => checkPageSize(11, 5, 10), "first");
  });

  it("accept a lease of 1 second to 366 days", () => {
    expect(checkExpiry(undefined)).toBeNull();
    expect(checkExpiry(null)).toBeNull();
    expect(checkExpiry(1)).toBe(1);
    expect(checkExpiry(366 * 24 * 3600)).toBe(366 * 24 * 3600);
    refused(() => checkExpiry(0), "expiresInSeconds");
    refused(() => checkExpiry(-5), "expiresInSeconds");
    refused(() => checkExpiry(366 * 24 * 3600 + 1), "expiresInSeconds");
    refused(() => checkExpiry(1.5), "expiresInSeconds");
  });
});
