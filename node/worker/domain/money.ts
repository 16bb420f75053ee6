import { badInput } from "../../../lib/errors.ts";

/** Prices are integer cents in the database and exact decimal strings in the API: never floats. */
const PRICE_PATTERN = /^(\d{1,8})(?:\.(\d{1,2}))?$/;

export function parsePrice(value: unknown, field = "price"): number {
  const text = typeof value === "string" ? value.trim() : typeof value === "number" ? String(value) : "";
  const match = PRICE_PATTERN.exec(text);
  if (!match)
    throw badInput(`${field} must be a decimal amount with at most two decimals, like "12.50"`, { field });
  const cents = Number(match[1]) * 100 + Number((match[2] ?? "").padEnd(2, "0"));
  if (cents > 1_000_000_000) throw badInput(`${field} must not exceed 10000000.00`, { field });
  return cents;
}

export function formatPrice(cents: number): string {
  const sign = cents < 0 ? "-" : "";
  const abs = Math.abs(cents);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, "0")}`;
}
