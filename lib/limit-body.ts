import type { IncomingMessage, RequestListener, ServerResponse } from "node:http";

/**
 * Refuses request bodies larger than `maxBytes` with 413 before the GraphQL server buffers a byte
 * of them. The size is judged by Content-Length, so a body of unknown length (chunked) is refused
 * with 411: every HTTP client we serve sends the length of a JSON body.
 */
export function limitBody(handler: RequestListener, maxBytes: number): RequestListener {
  return (req: IncomingMessage, res: ServerResponse) => {
    const refuse = (status: number, message: string) => {
      res.writeHead(status, { "content-type": "application/json" });
      res.end(JSON.stringify({ errors: [{ message, extensions: { code: "BAD_USER_INPUT" } }] }));
      // Read and drop what is still coming so the client gets the answer rather than a broken pipe,
      // but only up to a bound: past it, the connection is cut.
      let dropped = 0;
      req.on("data", (chunk: Buffer) => {
        dropped += chunk.length;
        if (dropped > 64 * maxBytes) req.destroy();
      });
      req.resume();
    };
    const length = req.headers["content-length"];
    if (length === undefined && req.headers["transfer-encoding"]) return refuse(411, "Send the body with a Content-Length");
    if (Number(length ?? 0) > maxBytes) return refuse(413, `Request body is larger than ${maxBytes} bytes`);
    handler(req, res);
  };
}
