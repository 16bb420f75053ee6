import { describe, expect, it } from "vitest";
import { AppError } from "../../lib/errors.ts";
import { formatPrice, parsePrice } from "../../node/worker/domain/money.ts";

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

describe("parsePrice", () => {
  it.each([
    ["12.5", 1250],
    ["12.50", 1250],
    ["12", 1200],
    ["0", 0],
    ["0.05", 5],
    ["0.1", 10],
    ["  7.25  ", 725],
    ["00012.30", 1230],
    ["10000000", 1_000_000_000],
    ["10000000.00", 1_000_000_000],
  ])("reads %j as %i cents", (text, cents) => {
    expect(parsePrice(text)).toBe(cents);
  });

  it("reads a JSON number through its decimal text", () => {
    expect(parsePrice(12.5)).toBe(1250);
    expect(parsePrice(3)).toBe(300);
  });

  it.each([
    "12.345",
    "-1",
    "-1.00",
    "1e3",
    "1E3",
    "12.",
    ".5",
    "",
    "   ",
    "doce",
    "1,50",
    "+1",
    "0x10",
    "123456789",
    "10000000.01",
    "99999999.99",
    "Infinity",
    "NaN",
  ])("refuses %j with BAD_USER_INPUT", (text) => {
    const error = thrown(() => parsePrice(text));
    expect(error.code).toBe("BAD_USER_INPUT");
    expect(error.details).toEqual({ field: "price" });
  });

  it.each([[0.1 + 0.2], [1e21], [-5], [NaN], [null], [undefined], [true], [{}], [["1"]]])("refuses the non-price %j", (value) => {
    expect(thrown(() => parsePrice(value)).code).toBe("BAD_USER_INPUT");
  });

  it("names the field it was given", () => {
    const error = thrown(() => parsePrice("x", "unitPrice"));
    expect(error.message).toContain("unitPrice");
    expect(error.details).toEqual({ field: "unitPrice" });
  });

  it("says why an over-large price is refused", () => {
    expect(thrown(() => parsePrice("10000000.01")).message).toMatch(/must not exceed 10000000\.00/);
  });
});

describe("formatPrice", () => {
  it.each([
    [5, "0.05"],
    [0, "0.00"],
    [10, "0.10"],
    [99, "0.99"],
    [100, "1.00"],
    [1250, "12.50"],
    [123456, "1234.56"],
    [1_000_000_000, "10000000.00"],
    [-5, "-0.05"],
    [-1250, "-12.50"],
  ])("writes %i cents as %j", (cents, text) => {
    expect(formatPrice(cents)).toBe(text);
  });

  it("round-trips with parsePrice", () => {
    for (const cents of [0, 1, 9, 10, 99, 100, 101, 1999, 123456, 999_999_999, 1_000_000_000])
      expect(parsePrice(formatPrice(cents))).toBe(cents);
  });
});
