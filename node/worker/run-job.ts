import { createHash } from "node:crypto";
import { AppError, badInput, conflict } from "../../lib/errors.ts";
import type { JobName } from "../../schema/jobs.ts";
import { openField, sealField } from "./crypto/sealed-columns.ts";
import type { Tx } from "./db.ts";
import { handlers, WRITE_JOBS, type JobContext } from "./handlers/index.ts";

/**
 * Runs one job inside the batch transaction. A write carrying an `idempotencyKey` is looked up first:
 * a repeat returns the stored first result and writes nothing; the key with other input is a CONFLICT.
 * The key is stored in the same transaction as the write, so both happen or neither does.
 */
export async function runJob(tx: Tx, name: JobName, args: Record<string, unknown>, ctx: JobContext): Promise<unknown> {
  const handler = handlers[name] as ((tx: Tx, args: unknown, ctx: JobContext) => Promise<unknown>) | undefined;
  if (!handler) throw new AppError("BAD_USER_INPUT", `Unknown job ${String(name).slice(0, 40)}`);
  const key = WRITE_JOBS.has(name) ? checkKey(args.idempotencyKey) : null;
  if (key === null) return handler(tx, args, ctx);

  const argsHash = hashArgs(args);
  const seen = await tx.idempotencyKey.findUnique({ where: { key } });
  if (seen) {
    if (seen.command !== name || seen.argsHash !== argsHash)
      throw conflict(`idempotencyKey ${key} was already used for a different request`, { idempotencyKey: key });
    return JSON.parse(openField("IdempotencyKey.result", key, seen.result)!);
  }
  const result = await handler(tx, args, ctx);
  // Encrypted: the first result repeats the sensitive fields it wrote.
  await tx.idempotencyKey.create({ data: { key, command: name, argsHash, result: sealField("IdempotencyKey.result", key, JSON.stringify(result))! } });
  return result;
}

function checkKey(value: unknown): string | null {
  if (value === undefined || value === null) return null;
  if (typeof value !== "string" || !value.trim() || value.length > 200)
    throw badInput("idempotencyKey must be 1-200 characters", { field: "idempotencyKey" });
  return value;
}

/** Same request = same job input, whoever sends it and whether absent fields are null or missing. */
function hashArgs(args: Record<string, unknown>): string {
  const canonical = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(canonical);
    if (value && typeof value === "object")
      return Object.fromEntries(
        Object.entries(value)
          .filter(([k, v]) => v !== null && v !== undefined && k !== "idempotencyKey" && k !== "actor")
          .sort(([a], [b]) => (a < b ? -1 : 1))
          .map(([k, v]) => [k, canonical(v)]),
      );
    return value;
  };
  return createHash("sha256").update(JSON.stringify(canonical(args))).digest("hex");
}
