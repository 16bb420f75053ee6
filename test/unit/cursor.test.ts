import { describe, expect, it } from "vitest";
import { AppError } from "../../lib/errors.ts";
import { decodeCursor, encodeCursor } from "../../lib/cursor.ts";

function codeOf(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    if (error instanceof AppError) return error.code;
    throw error;
  }
  throw new Error("expected an AppError");
}

const raw = (value: string) => Buffer.from(value).toString("base64url");

describe("page cursors", () => {
  it("round-trip numbers and strings", () => {
    expect(decodeCursor(encodeCursor(42), "number")).toBe(42);
    expect(decodeCursor(encodeCursor(0), "number")).toBe(0);
    expect(decodeCursor(encodeCursor("SKU-1/a.b"), "string")).toBe("SKU-1/a.b");
    expect(decodeCursor(encodeCursor(""), "string")).toBe("");
    expect(decodeCursor(encodeCursor("ñandú ü"), "string")).toBe("ñandú ü");
  });

  it("are opaque URL-safe text", () => {
    const cursor = encodeCursor("a/b+c?d=e");
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(cursor).not.toContain("a/b");
  });

  it("treat a missing cursor as the first page", () => {
    expect(decodeCursor(undefined, "number")).toBeNull();
    expect(decodeCursor(null, "string")).toBeNull();
    expect(decodeCursor("", "string")).toBeNull();
  });

  it("refuse a cursor of the other type", () => {
    expect(codeOf(() => decodeCursor(encodeCursor("12"), "number"))).toBe("BAD_USER_INPUT");
    expect(codeOf(() => decodeCursor(encodeCursor(12), "string"))).toBe("BAD_USER_INPUT");
  });

  it.each([
    ["garbage", "garbage"],
    ["not base64 JSON", raw("{not json")],
    ["JSON null", raw("null")],
    ["a bare number", raw("12")],
    ["an object without k", raw('{"x":1}')],
    ["k null", raw('{"k":null}')],
    ["k an object", raw('{"k":{"a":1}}')],
    // JSON.parse reads these as ±Infinity: no item has such a key, and Prisma fails on it.
    ["k overflowing to Infinity", raw('{"k":1e400}')],
    ["k overflowing to -Infinity", raw('{"k":-1e400}')],
  ])("refuse %s with BAD_USER_INPUT on field after", (_what, cursor) => {
    let decoded: unknown;
    let error: unknown = null;
    try {
      decoded = decodeCursor(cursor, "number");
    } catch (caught) {
      error = caught;
    }
    expect(error, `decoded to ${String(decoded)} instead of being refused`).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe("BAD_USER_INPUT");
    expect((error as AppError).details).toEqual({ field: "after" });
  });
});
