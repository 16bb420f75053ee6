import { badInput, notFound } from "../../lib/errors.ts";
import type { TransferDto } from "../../schema/jobs.ts";
import { availabilityElsewhere } from "../peers/availability.ts";
import type { PeerDirectory } from "../peers/directory.ts";
import type { JobCaller } from "../resolvers/context.ts";
import { cancelTransfer } from "./cancel-transfer.ts";
import type { TransferDispatcher } from "./dispatcher.ts";

/** What the resolvers need for transfers and peer look-ups (errors are AppErrors). */
export interface TransferService {
  transferStock(args: { sku: string; quantity: number; to: string; reference?: string | null; idempotencyKey?: string | null; actor: string }): Promise<TransferDto>;
  cancelTransfer(args: { id: string; idempotencyKey?: string | null; actor: string }): Promise<TransferDto>;
  availabilityElsewhere(sku: string): ReturnType<typeof availabilityElsewhere>;
}

export function createTransferService(deps: {
  selfId: string;
  call: JobCaller;
  directory: PeerDirectory;
  dispatcher: TransferDispatcher;
  fetch: typeof fetch;
  peerTimeoutMs: number;
}): TransferService {
  return {
    async transferStock(args) {
      if (typeof args.to !== "string" || !/^[a-z0-9][a-z0-9-]{0,31}$/.test(args.to)) throw badInput("to must be a warehouse id", { field: "to" });
      if (args.to === deps.selfId) throw badInput("to must be another warehouse", { field: "to" });
      // A typo must not leave units in transit forever; with no gateway ever reached, the destination is trusted.
      if (!(await deps.directory.resolve(args.to)) && deps.directory.informed)
        throw notFound(`No warehouse ${args.to} in the federation`, { field: "to" });
      const transfer = await deps.call("transferStock", args);
      deps.dispatcher.kick();
      return transfer;
    },
    cancelTransfer: (args) => cancelTransfer(deps, args),
    availabilityElsewhere: (sku) => availabilityElsewhere({ directory: deps.directory, fetch: deps.fetch, timeoutMs: deps.peerTimeoutMs }, sku),
  };
}
