// The only module that creates a Prisma client (DESIGN.md rule 1): imported by the worker process alone.
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient, type Prisma } from "./generated/prisma/client.ts";

export type Db = PrismaClient;
/** What a job handler gets: the open transaction of its batch. */
export type Tx = Prisma.TransactionClient;

export async function openDatabase(file: string): Promise<Db> {
  const prisma = new PrismaClient({ adapter: new PrismaBetterSQLite3({ url: `file:${file}` }) });
  // Per-connection settings; WAL itself was set when migrating and persists in the file.
  // synchronous=FULL: an acknowledged write survives a power cut, not only a crash of the process.
  await prisma.$executeRawUnsafe("PRAGMA synchronous = FULL");
  await prisma.$executeRawUnsafe("PRAGMA foreign_keys = ON");
  await prisma.$executeRawUnsafe("PRAGMA busy_timeout = 5000");
  // Zeroes deleted bytes on pages written anyway (no extra I/O): a rewritten value leaves no old copy in its page.
  await prisma.$executeRawUnsafe("PRAGMA secure_delete = FAST");
  return prisma;
}
