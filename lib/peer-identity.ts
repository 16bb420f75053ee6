import type { IncomingMessage } from "node:http";
import type { TLSSocket } from "node:tls";
import { AppError } from "./errors.ts";

/**
 * The one place that decides which company server is calling (DESIGN.md rule 6): a TLS client
 * certificate signed by the company CA, whose common name is the server's id. People's clients
 * present none and get null.
 */
export function peerIdentity(req: IncomingMessage | undefined): string | null {
  const socket = req?.socket as TLSSocket | undefined;
  if (!socket || typeof socket.getPeerCertificate !== "function" || !socket.authorized) return null;
  const cn = socket.getPeerCertificate()?.subject?.CN;
  return typeof cn === "string" && cn ? cn : null;
}

/** The refusal every server-only route gives a caller without a company certificate. */
export const certificateRequired = () => new AppError("UNAUTHENTICATED", "A company server certificate is required");

/** yoga hands the Node request to plugins as `serverContext.req`. */
export function requestOf(serverContext: unknown): IncomingMessage | undefined {
  return (serverContext as { req?: IncomingMessage } | undefined)?.req;
}
