// The ceilings the node is measured against, each in its own process like the node:
//   yoga <certsDir>: a bare graphql-yoga answering `{ hello }`;  raw <certsDir>: node:https with a fixed JSON body.
// Same certificate and TLS options as the node, so the difference is what the node does per request.
import type { IncomingMessage, ServerResponse } from "node:http";
import https from "node:https";
import type { AddressInfo } from "node:net";
import { createSchema, createYoga } from "graphql-yoga";
import { ensureServerCert } from "../../certs/generate.ts";
import { serverTlsOptions } from "../../lib/tls.ts";

const [mode, certsDir] = process.argv.slice(2);
if ((mode !== "yoga" && mode !== "raw") || !certsDir) {
  process.stderr.write("usage: baseline.ts yoga|raw <certsDir>\n");
  process.exit(2);
}

const tls = serverTlsOptions(await ensureServerCert(certsDir, "bench"));
const body = JSON.stringify({ data: { hello: "world" } });
const handler =
  mode === "yoga"
    ? createYoga({
        schema: createSchema({ typeDefs: "type Query { hello: String! }", resolvers: { Query: { hello: () => "world" } } }),
        // As the node runs in production: no GraphiQL, quiet logs.
        graphiql: false,
        landingPage: false,
        logging: "warn",
      })
    : (req: IncomingMessage, res: ServerResponse) => {
        // Reads the request body like any real handler would, then answers.
        req.resume().on("end", () => {
          res.writeHead(200, { "content-type": "application/json", "content-length": Buffer.byteLength(body) });
          res.end(body);
        });
      };

const server = https.createServer(tls, handler as never);
server.listen(0, "127.0.0.1", () => {
  process.stdout.write(JSON.stringify({ msg: "listening", port: (server.address() as AddressInfo).port }) + "\n");
});
process.on("SIGTERM", () => process.exit(0));
