import type { Plugin } from "graphql-yoga";
import { AppError } from "../../lib/errors.ts";
import { errorResponse, jsonResponse } from "../../lib/http-json.ts";
import { certificateRequired, peerIdentity, requestOf } from "../../lib/peer-identity.ts";
import type { TransferOffer } from "../../schema/jobs.ts";
import type { JobCaller } from "../resolvers/context.ts";

const REFUSE = /^\/api\/transfers\/([^/]+)\/refuse$/;
const STOCK = /^\/api\/stock\/([^/]+)$/;

/**
 * The REST endpoints other warehouses call (company servers only, identified by certificate):
 * POST /api/transfers (deliver), POST /api/transfers/:id/refuse (cancel handshake),
 * GET /api/stock/:sku (availability look-ups).
 */
export function usePeerRoutes(call: JobCaller): Plugin {
  return {
    async onRequest({ request, url, endResponse, fetchAPI, serverContext }) {
      const path = url.pathname;
      const isTransfer = path === "/api/transfers" || REFUSE.test(path);
      if (!isTransfer && !STOCK.test(path)) return;
      const peer = peerIdentity(requestOf(serverContext));
      const fail = (error: unknown) => endResponse(errorResponse(fetchAPI.Response, error));
      if (!peer) return fail(certificateRequired());
      try {
        if (request.method === "GET" && STOCK.test(path)) {
          const sku = decodeURIComponent(STOCK.exec(path)![1]!);
          const product = await call("getProduct", { sku });
          if (!product) throw new AppError("NOT_FOUND", `No product with sku ${sku}`, { sku });
          const { onHand, reserved, available, archived } = product;
          return endResponse(jsonResponse(fetchAPI.Response, 200, { sku, onHand, reserved, available, archived }));
        }
        if (request.method !== "POST" || !isTransfer) throw new AppError("BAD_USER_INPUT", `Use POST for ${path}`);
        let offer: TransferOffer;
        try {
          offer = (await request.json()) as TransferOffer;
        } catch {
          throw new AppError("BAD_USER_INPUT", "The body must be JSON");
        }
        // A warehouse acts only for itself: the offer must come from the server its certificate names.
        if (offer?.from !== peer) throw new AppError("FORBIDDEN", `Certificate is for ${peer}, not ${String(offer?.from).slice(0, 40)}`);
        const refused = REFUSE.exec(path);
        if (refused && decodeURIComponent(refused[1]!) !== offer.id) throw new AppError("BAD_USER_INPUT", "The transfer id in the path and body differ");
        const transfer = await call(refused ? "refuseTransfer" : "receiveTransfer", offer);
        return endResponse(jsonResponse(fetchAPI.Response, 200, { transfer }));
      } catch (error) {
        return fail(error);
      }
    },
  };
}
