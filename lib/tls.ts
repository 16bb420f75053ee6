import { Agent, fetch as undiciFetch } from "undici";
import type { ServerTlsFiles } from "../certs/generate.ts";

/** What an HTTPS client needs: the company CA to trust, and for servers a certificate to present. */
export interface ClientTls {
  ca: string;
  cert?: string;
  key?: string;
}

/** A fetch that trusts only the company CA and, when given one, presents a client certificate. */
export function createTlsFetch(tls: ClientTls, options: { connectTimeoutMs?: number } = {}): typeof fetch {
  const dispatcher = new Agent({
    connect: { ca: tls.ca, cert: tls.cert, key: tls.key, rejectUnauthorized: true, timeout: options.connectTimeoutMs ?? 5000 },
    keepAliveTimeout: 10_000,
  });
  return ((input: Parameters<typeof fetch>[0], init?: Parameters<typeof fetch>[1]) =>
    undiciFetch(input as never, { ...(init as object), dispatcher } as never)) as unknown as typeof fetch;
}

/** Options for `https.createServer`: our certificate, and client certificates checked against the CA when presented. */
export function serverTlsOptions(files: ServerTlsFiles) {
  return {
    key: files.key,
    cert: files.cert,
    ca: files.ca,
    // People's clients have no certificate; servers do. Routes that must come from a server check
    // `socket.authorized` themselves, so the handshake only asks and does not insist.
    requestCert: true,
    rejectUnauthorized: false,
    minVersion: "TLSv1.2" as const,
  };
}
