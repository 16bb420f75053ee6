import { transferDto } from "../domain/dto.ts";
import { checkTransferId } from "../domain/validate.ts";
import type { Handler } from "./types.ts";

export const getTransfer: Handler<"getTransfer"> = async (tx, args) => {
  const row = await tx.transfer.findUnique({ where: { id: checkTransferId(args.id) } });
  return row ? transferDto(row) : null;
};
