/** Parsing what people type, shared by the flags and the prompts. */

const SKU = /^[A-Za-z0-9][A-Za-z0-9._\-/]{0,63}$/;
export const isSku = (text: string) => SKU.test(text.trim());

/** "12,5" or "12.50" → "12.50"; null when it is not a price with at most two decimals. */
export function parsePrice(text: string): string | null {
  const match = /^(\d{1,8})(?:[.,](\d{1,2}))?$/.exec(text.trim());
  if (!match) return null;
  return `${match[1]}.${(match[2] ?? "").padEnd(2, "0")}`;
}

/** A whole number, or null (no "3.5", no "3 units"). */
export function parseInteger(text: string): number | null {
  const trimmed = text.trim();
  return /^[-+]?\d{1,9}$/.test(trimmed) ? Number(trimmed) : null;
}

/** "2026-01-31" → that day's local midnight; a full ISO date-time is taken as is. */
export function parseDay(text: string): Date | null {
  const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text.trim());
  const date = day ? new Date(Number(day[1]), Number(day[2]) - 1, Number(day[3])) : /^\d{4}-\d{2}-\d{2}T/.test(text) ? new Date(text) : null;
  if (!date || Number.isNaN(date.getTime())) return null;
  if (day && date.getDate() !== Number(day[3])) return null; // 2026-02-31
  return date;
}

export const today = () => {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, "0")}-${String(now.getDate()).padStart(2, "0")}`;
};

/** Inclusive days as the API's half-open range: `to` becomes the next day's local midnight (the node filters `< to`). */
export function dayRange(from: Date, toDay: Date): { from: string; to: string } {
  const end = new Date(toDay.getFullYear(), toDay.getMonth(), toDay.getDate() + 1);
  return { from: from.toISOString(), to: end.toISOString() };
}
