import { GraphQLClient } from "graphql-request";
import { certsDir, newDataDir, tlsFetch } from "./node.ts";
import { killPid, spawnTs, type Spawned } from "./processes.ts";
import { waitFor } from "./wait.ts";
import { adminToken, withToken } from "./tokens.ts";

export interface StartedGateway {
  url: string;
  port: number;
  dataDir: string;
  process: Spawned;
  client: GraphQLClient;
  /** HTTPS fetch carrying an admin token. */
  fetch: typeof fetch;
  /** HTTPS fetch with no token. */
  anonymousFetch: typeof fetch;
  kill(): Promise<void>;
  stop(): Promise<number | null>;
}

/** Starts a real gateway process on loopback (port 0 unless one is given, e.g. to restart on the same port). */
export async function startGateway(options: { port?: number; dataDir?: string; args?: string[] } = {}): Promise<StartedGateway> {
  const dataDir = options.dataDir ?? newDataDir("wms-gateway-");
  const proc = spawnTs("gateway/main.ts", [
    "--port", String(options.port ?? 0), "--host", "127.0.0.1", "--data", dataDir, "--certs", certsDir(), ...(options.args ?? []),
  ]);
  const listening = await proc.waitForLog((l) => l.msg === "gateway listening", "the gateway to listen");
  const port = listening.port as number;
  const url = `https://localhost:${port}`;
  const anonymousFetch = tlsFetch();
  const token = await adminToken();
  const fetch = withToken(anonymousFetch, token);
  await waitFor(async () => (await fetch(`${url}/health`)).ok, { what: "gateway health" });
  return {
    url,
    port,
    dataDir,
    process: proc,
    fetch,
    anonymousFetch,
    client: new GraphQLClient(`${url}/graphql`, { fetch: anonymousFetch, headers: { authorization: `Bearer ${token}` } }),
    async kill() {
      killPid(proc.pid, "SIGKILL");
      await proc.exited;
    },
    async stop() {
      killPid(proc.pid, "SIGTERM");
      return proc.exited;
    },
  };
}

/** Waits until the gateway lists exactly these members as online. */
export async function waitForOnline(gateway: StartedGateway, ids: string[], timeoutMs = 20_000) {
  const wanted = [...ids].sort().join(",");
  await waitFor(async () => {
    const health = (await (await gateway.fetch(`${gateway.url}/health`)).json()) as { members: { id: string; online: boolean }[] };
    return health.members.filter((m) => m.online).map((m) => m.id).sort().join(",") === wanted;
  }, { what: `online members to be ${wanted}`, timeoutMs });
}
