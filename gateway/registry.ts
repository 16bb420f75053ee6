import fs from "node:fs";
import path from "node:path";
import { AppError } from "../lib/errors.ts";

/** A warehouse the gateway has heard from. */
export interface Member {
  id: string;
  name: string;
  url: string;
  schemaHash: string;
  /** Epoch ms of the last heartbeat. */
  lastSeen: number;
}

export interface MemberView extends Member {
  online: boolean;
}

/**
 * The live list of members. Online means a heartbeat within `offlineAfterMs`. The list is kept in a
 * file so a restarted gateway still knows (as offline) the members that have not beaten again yet.
 */
export class Registry {
  private readonly members = new Map<string, Member>();
  private readonly listeners = new Set<(member: Member, change: "joined" | "updated") => void>();

  constructor(
    private readonly options: { offlineAfterMs: number; file?: string; now?: () => number },
  ) {
    if (options.file && fs.existsSync(options.file)) {
      try {
        for (const member of JSON.parse(fs.readFileSync(options.file, "utf8")) as Member[]) this.members.set(member.id, member);
      } catch {
        // A damaged file only costs us the offline entries: members re-register on their next beat.
      }
    }
  }

  private now(): number {
    return this.options.now?.() ?? Date.now();
  }

  onChange(listener: (member: Member, change: "joined" | "updated") => void): void {
    this.listeners.add(listener);
  }

  heartbeat(beat: Omit<Member, "lastSeen">): void {
    const known = this.members.get(beat.id);
    const member = { ...beat, lastSeen: this.now() };
    this.members.set(beat.id, member);
    const changed = !known || known.url !== beat.url || known.name !== beat.name || known.schemaHash !== beat.schemaHash;
    if (changed) {
      this.persist();
      for (const listener of this.listeners) listener(member, known ? "updated" : "joined");
    }
  }

  isOnline(member: Member): boolean {
    return this.now() - member.lastSeen < this.options.offlineAfterMs;
  }

  list(): MemberView[] {
    return [...this.members.values()].sort((a, b) => a.id.localeCompare(b.id)).map((m) => ({ ...m, online: this.isOnline(m) }));
  }

  get(id: string): MemberView | null {
    const member = this.members.get(id);
    return member ? { ...member, online: this.isOnline(member) } : null;
  }

  online(): MemberView[] {
    return this.list().filter((m) => m.online);
  }

  /** The member a routed call goes to: unknown → NOT_FOUND, offline → WAREHOUSE_UNAVAILABLE, at once. */
  requireOnline(id: string): MemberView {
    const member = this.get(id);
    if (!member) throw new AppError("NOT_FOUND", `No warehouse with id ${String(id).slice(0, 40)}`, { warehouseId: id });
    if (!member.online) throw new AppError("WAREHOUSE_UNAVAILABLE", `Warehouse ${id} is offline`, { warehouseId: id });
    return member;
  }

  private persist(): void {
    if (!this.options.file) return;
    fs.mkdirSync(path.dirname(this.options.file), { recursive: true });
    const tmp = `${this.options.file}.tmp`;
    fs.writeFileSync(tmp, JSON.stringify([...this.members.values()], null, 2));
    fs.renameSync(tmp, this.options.file);
  }
}
