// No Starlette counterpart: what StaticFiles remembers of the files it served,
// so that the next request for one costs a stat rather than a path walk, an
// open and reads. A file is known by the stat of the path asked for: device,
// inode, size, mtime and ctime, to the nanosecond. Any change to the file moves
// its ctime (which no process can set), a replacement changes its inode, so a
// stat that matches means the same bytes, with one exception: two changes within
// one tick of the file system's clock leave the same times. Bytes are therefore
// kept only once the file's ctime is well before the moment they were read
// (FileCache.settleMs), so that any later change shows as a later ctime.
import type { BigIntStats } from "node:fs";
import { open, stat } from "node:fs/promises";
import { guessType } from "./_mimetypes.js";
import { fileValidators } from "./responses.js";

/** At most this many files are remembered, whatever their size. */
const MAX_ENTRIES = 4096;

/** A file as first served: where it is, what identifies it, its headers, and its bytes once trusted. */
export interface CachedFile {
  readonly key: string;
  /** The path asked for (not resolved), stat'ed on every request. */
  readonly joined: string;
  readonly fullPath: string;
  readonly identity: Identity;
  readonly size: string;
  readonly lastModified: string;
  readonly etag: string;
  readonly mediaType: string;
  content: Uint8Array | null;
}

type Identity = Pick<BigIntStats, "dev" | "ino" | "size" | "mtimeNs" | "ctimeNs">;

function sameFile(a: Identity, b: BigIntStats): boolean {
  return a.ino === b.ino && a.ctimeNs === b.ctimeNs && a.mtimeNs === b.mtimeNs && a.size === b.size && a.dev === b.dev && b.isFile();
}

export class FileCache {
  /**
   * How long before the read a file's ctime must be for its bytes to be kept: longer than the
   * coarsest file-system clock in use (FAT's 2 s) plus the kernel's clock tick.
   */
  static settleMs = 3000;
  /** In the order served, least recent first. */
  private readonly entries = new Map<string, CachedFile>();
  private bytes = 0;

  /** maxBytes 0: nothing is remembered at all. */
  constructor(
    readonly maxBytes: number,
    readonly maxFileSize: number,
  ) {}

  /** The remembered file for a path and its fresh stat, or null (not remembered, or changed since). */
  async check(key: string): Promise<{ file: CachedFile; stat: BigIntStats } | null> {
    const file = this.entries.get(key);
    if (file === undefined) return null;
    let st: BigIntStats;
    try {
      st = await stat(file.joined, { bigint: true });
    } catch {
      this.forget(file);
      return null;
    }
    if (!sameFile(file.identity, st)) {
      this.forget(file);
      return null;
    }
    this.entries.delete(key);
    this.entries.set(key, file);
    return { file, stat: st };
  }

  /** A file found by the full lookup: remembered (unless the cache is off), with its headers worked out. */
  remember(key: string, joined: string, fullPath: string, st: BigIntStats): CachedFile {
    const { lastModified, etag } = fileValidators(st);
    const identity = { dev: st.dev, ino: st.ino, size: st.size, mtimeNs: st.mtimeNs, ctimeNs: st.ctimeNs };
    const file: CachedFile = { key, joined, fullPath, identity, size: String(st.size), lastModified, etag, mediaType: guessType(fullPath) ?? "application/octet-stream", content: null };
    if (this.maxBytes === 0) return file;
    const old = this.entries.get(key);
    if (old !== undefined) this.forget(old);
    this.entries.set(key, file);
    if (this.entries.size > MAX_ENTRIES) this.forget(this.entries.values().next().value as CachedFile);
    return file;
  }

  /**
   * The file's bytes from memory, or read now (and kept when trusted); null for a file too large,
   * or one that changed or went while it was read: the response then reads the disk itself.
   */
  async content(file: CachedFile, st: BigIntStats): Promise<Uint8Array | null> {
    if (file.content !== null) return file.content;
    const size = Number(st.size);
    if (size > this.maxFileSize || size > this.maxBytes) return null;
    const started = Date.now();
    let bytes: Uint8Array;
    let after: BigIntStats;
    try {
      const handle = await open(file.fullPath, "r");
      try {
        // One byte more than the stat said: a file that grew is not taken for whole.
        // Not from the shared pool: a kept slice would pin the whole pool chunk.
        const buffer = Buffer.allocUnsafeSlow(size + 1);
        const { bytesRead } = await handle.read(buffer, 0, size + 1, 0);
        bytes = buffer.subarray(0, bytesRead);
        after = await handle.stat({ bigint: true });
      } finally {
        await handle.close();
      }
    } catch {
      return null;
    }
    if (!sameFile(file.identity, after) || bytes.byteLength !== size) return null;
    const settled = after.ctimeNs < BigInt(started - FileCache.settleMs) * 1_000_000n;
    if (settled && file.content === null && this.entries.get(file.key) === file) {
      file.content = bytes;
      this.bytes += size;
      for (const oldest of this.entries.values()) {
        if (this.bytes <= this.maxBytes) break;
        this.forget(oldest);
      }
    }
    return bytes;
  }

  /** Drops a file the map holds (every caller takes it from the map). */
  private forget(file: CachedFile): void {
    this.entries.delete(file.key);
    if (file.content !== null) this.bytes -= file.content.byteLength;
  }
}
