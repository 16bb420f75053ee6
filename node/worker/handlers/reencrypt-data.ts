import { badInput } from "../../../lib/errors.ts";
import { FieldDecryptError, SEALED_PREFIX } from "../crypto/field-cipher.ts";
import { aadOf, fieldCipher, SEALED_TABLES, type SealedColumn } from "../crypto/sealed-columns.ts";
import type { Handler } from "./types.ts";

const DEFAULT_LIMIT = 500;

/**
 * One step of re-encryption: the next `limit` rows of one table holding a value not sealed under the
 * current key, in key order after `after`. Raw SQL on purpose: a Prisma update would bump `updatedAt`,
 * and a rewrite under a new key is not a change of the transfer or reservation.
 */
export const reencryptData: Handler<"reencryptData"> = async (tx, args) => {
  const index = args.table == null ? 0 : SEALED_TABLES.findIndex((t) => t.table === args.table);
  if (index < 0) throw badInput(`table must be one of ${SEALED_TABLES.map((t) => t.table).join(", ")}`, { field: "table" });
  const limit = Math.min(Math.max(Math.trunc(args.limit ?? DEFAULT_LIMIT), 1), 5000);
  const spec = SEALED_TABLES[index]!;
  const cipher = fieldCipher();
  const prefix = cipher.currentPrefix;

  // instr(...) <> 1 rather than NOT LIKE: key ids may contain "_", a LIKE wildcard.
  const stale = spec.columns.map((c) => `("${c}" IS NOT NULL AND instr("${c}", ?) <> 1)`).join(" OR ");
  const params: unknown[] = spec.columns.map(() => prefix);
  let sql = `SELECT "${spec.key}" AS k, "${spec.scope}" AS s, ${spec.columns.map((c) => `"${c}"`).join(", ")} FROM "${spec.table}" WHERE (${stale})`;
  if (args.after != null) {
    sql += ` AND "${spec.key}" > ?`;
    params.push(spec.numericKey ? Number(args.after) : args.after);
  }
  sql += ` ORDER BY "${spec.key}" LIMIT ?`;
  params.push(limit);
  const rows = await tx.$queryRawUnsafe<Record<string, unknown>[]>(sql, ...params);

  let rewritten = 0;
  let plaintext = 0;
  let unreadable = 0;
  for (const row of rows) {
    const scope = String(row.s);
    const values: (string | null)[] = [];
    for (const column of spec.columns) {
      const stored = row[column] as string | null;
      const aad = aadOf(`${spec.table}.${column}` as SealedColumn, scope);
      if (cipher.isCurrent(stored)) {
        values.push(stored);
        continue;
      }
      try {
        values.push(cipher.seal(cipher.open(stored, aad), aad));
        rewritten++;
        if (!stored!.startsWith(SEALED_PREFIX)) plaintext++;
      } catch (error) {
        // Left as it is (and counted): a value no key opens must not stop the others being rewritten.
        if (!(error instanceof FieldDecryptError)) throw error;
        values.push(stored);
        unreadable++;
      }
    }
    const set = spec.columns.map((c) => `"${c}" = ?`).join(", ");
    await tx.$executeRawUnsafe(`UPDATE "${spec.table}" SET ${set} WHERE "${spec.key}" = ?`, ...values, row.k);
  }

  const last = rows.length ? String(rows[rows.length - 1]!.k) : null;
  const next =
    rows.length === limit
      ? { table: spec.table, after: last }
      : index + 1 < SEALED_TABLES.length
        ? { table: SEALED_TABLES[index + 1]!.table, after: null }
        : null;
  return { kid: cipher.currentKid, rewritten, plaintext, unreadable, next };
};
