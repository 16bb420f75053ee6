import { execFileSync, spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { afterAll } from "vitest";
import { certsDir } from "./node.ts";
import { killPid, ROOT } from "./processes.ts";
import { adminToken } from "./tokens.ts";
import { waitFor } from "./wait.ts";

/** Every client process and tmux server a test file starts, killed by pid whatever the tests did. */
const pids = new Set<number>();
afterAll(() => {
  for (const pid of pids) killPid(pid, "SIGKILL");
  pids.clear();
});

export interface ClientRun {
  pid: number;
  stdout: () => string;
  stderr: () => string;
  /** Resolves with the exit status once the client ends. */
  exited: Promise<{ code: number | null; stdout: string; stderr: string }>;
}

/** The environment a client needs to reach a test federation: its CA and an admin token. */
export async function clientEnv(url: string, extra: Record<string, string> = {}): Promise<Record<string, string>> {
  return { WMS_URL: url, WMS_CA: path.join(certsDir(), "ca.crt"), WMS_TOKEN: await adminToken(), LANG: "en_GB.UTF-8", ...extra };
}

/** Starts `client/main.ts` with pipes (not a TTY, so never a prompt), collecting stdout and stderr apart. */
export function spawnClient(args: string[], env: Record<string, string>): ClientRun {
  const child = spawn(process.execPath, ["--import", "tsx", path.join(ROOT, "client/main.ts"), ...args], {
    cwd: ROOT,
    env: { ...process.env, WMS_LANG: "", LC_ALL: "", LC_MESSAGES: "", NO_COLOR: "1", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const pid = child.pid!;
  pids.add(pid);
  let stdout = "";
  let stderr = "";
  child.stdout!.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr!.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) =>
    child.on("close", (code) => {
      pids.delete(pid);
      resolve({ code, stdout, stderr });
    }),
  );
  return { pid, stdout: () => stdout, stderr: () => stderr, exited };
}

/** Runs one subcommand to its end. */
export function runClient(args: string[], env: Record<string, string>) {
  return spawnClient(args, env).exited;
}

let sessions = 0;

/**
 * The interactive client in a real pseudo-terminal: a detached tmux session on its own socket,
 * driven with send-keys and read with capture-pane.
 */
export class TmuxClient {
  private constructor(private readonly socket: string, private readonly socketPath: string, readonly pid: number, readonly serverPid: number) {}

  static async start(args: string[], env: Record<string, string>): Promise<TmuxClient> {
    const socket = `wms-client-${process.pid}-${++sessions}`;
    const quote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;
    const vars = Object.entries({ NO_COLOR: "1", ...env }).map(([k, v]) => `${k}=${quote(v)}`);
    // `exec` makes the client itself the pane's process, so its pid is the one to kill.
    const command = `cd ${quote(ROOT)} && exec env ${vars.join(" ")} ${quote(process.execPath)} --import tsx client/main.ts ${args.map(quote).join(" ")}`;
    // No user tmux.conf; the pane stays after the client exits, so its last words can still be read.
    execFileSync("tmux", ["-u", "-f", "/dev/null", "-L", socket, "new-session", "-d", "-x", "150", "-y", "50", command, ";", "set-option", "-g", "remain-on-exit", "on"]);
    const [pane, server, socketPath] = execFileSync("tmux", ["-L", socket, "display-message", "-p", "#{pane_pid} #{pid} #{socket_path}"], { encoding: "utf8" }).trim().split(" ");
    pids.add(Number(pane));
    pids.add(Number(server));
    return new TmuxClient(socket, socketPath!, Number(pane), Number(server));
  }

  /** Keys as tmux names them: "Enter", "Down", "C-c"… */
  keys(...keys: string[]): void {
    execFileSync("tmux", ["-L", this.socket, "send-keys", "-t", "0", ...keys]);
  }

  /** Literal text, typed. */
  type(text: string): void {
    execFileSync("tmux", ["-L", this.socket, "send-keys", "-t", "0", "-l", text]);
  }

  /** Everything the pane shows, history included. */
  screen(): string {
    try {
      return execFileSync("tmux", ["-L", this.socket, "capture-pane", "-p", "-J", "-S", "-", "-t", "0"], { encoding: "utf8" });
    } catch {
      return "";
    }
  }

  /** Waits until the screen matches; the error shows the screen's end, which says what went wrong. */
  async waitFor(pattern: RegExp | ((screen: string) => boolean), what: string, timeoutMs = 30_000): Promise<string> {
    const test = typeof pattern === "function" ? pattern : (s: string) => pattern.test(s);
    try {
      return await waitFor(() => {
        const screen = this.screen();
        return test(screen) ? screen : null;
      }, { what, timeoutMs });
    } catch (error) {
      throw new Error(`${(error as Error).message}\n--- screen ---\n${this.screen().trimEnd().split("\n").slice(-25).join("\n")}`);
    }
  }

  /**
   * Waits for the client to end by itself and returns its exit status. tmux keeps the dead pane
   * (remain-on-exit) and its unreaped pid, so tmux is asked rather than the pid.
   */
  async exited(): Promise<number> {
    const state = await waitFor(() => {
      const [dead, status, signal] = execFileSync("tmux", ["-L", this.socket, "display-message", "-p", "-t", "0", "#{pane_dead}|#{pane_dead_status}|#{pane_dead_signal}"], { encoding: "utf8" }).trim().split("|");
      if (dead !== "1") return null;
      // Killed by a signal: report it as a shell would (128 + signal number).
      if (status || signal) return { status: status ? Number(status) : 128 + Number(signal) };
      // tmux sometimes marks the pane dead without its status: the unreaped process still has it.
      const zombie = zombieStatus(this.pid);
      return zombie === null ? null : { status: zombie };
    }, { what: "the interactive client to exit" });
    return state.status;
  }

  kill(): void {
    killPid(this.pid, "SIGKILL");
    killPid(this.serverPid, "SIGKILL");
    pids.delete(this.pid);
    pids.delete(this.serverPid);
    // A killed tmux server leaves its socket file behind.
    fs.rmSync(this.socketPath, { force: true });
  }
}

/** The exit status of a process that has ended but was not reaped yet (from /proc), else null. */
function zombieStatus(pid: number): number | null {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    if (fields[0] !== "Z") return null;
    const wait = Number(fields[fields.length - 1]);
    return (wait & 0x7f) === 0 ? (wait >> 8) & 0xff : 128 + (wait & 0x7f);
  } catch {
    return null;
  }
}
