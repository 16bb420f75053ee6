import { badInput } from "./errors.ts";

/** Opaque page cursors: base64url JSON of the last item's sort key. */
export function encodeCursor(key: string | number): string {
  return Buffer.from(JSON.stringify({ k: key })).toString("base64url");
}

export function decodeCursor<T extends string | number>(cursor: string | null | undefined, type: "string" | "number"): T | null {
  if (cursor === undefined || cursor === null || cursor === "") return null;
  try {
    const parsed = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as { k?: unknown };
    if (type === "string" && typeof parsed.k === "string") return parsed.k as T;
    // Only ids we handed out: 1e400 parses to Infinity and must not reach a query.
    if (type === "number" && Number.isSafeInteger(parsed.k)) return parsed.k as T;
  } catch {
    // fall through to the error below
  }
  throw badInput("after is not a cursor this server gave out", { field: "after" });
}
