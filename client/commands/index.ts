import archive from "./archive.ts";
import cancelTransfer from "./cancel-transfer.ts";
import type { Command } from "./command.ts";
import create from "./create.ts";
import edit from "./edit.ts";
import fulfil from "./fulfil.ts";
import movements from "./movements.ts";
import product from "./product.ts";
import record from "./record.ts";
import release from "./release.ts";
import reservations from "./reservations.ts";
import reserve from "./reserve.ts";
import search from "./search.ts";
import stock from "./stock.ts";
import transfer from "./transfer.ts";
import transferStatus from "./transfer-status.ts";
import transfers from "./transfers.ts";
import warehouses from "./warehouses.ts";

/** Every subcommand, in the order `--help` lists them. */
export const COMMANDS: Command[] = [
  warehouses, search, stock, product, create, edit, archive, reserve, reservations, release, fulfil, record,
  transfer, transfers, transferStatus, cancelTransfer, movements,
];

export const findCommand = (name: string) => COMMANDS.find((c) => c.name === name);
