/**
 * Raw RFC 5322 sources on disk, for reading mail while the server is unreachable (issue #3 §3):
 * `<profileDir>/offline/<accountId>/<sha1(folderPath)>/<uidValidity>/<uid>.eml`.
 *
 * A UID names a message only together with the folder's UIDVALIDITY (RFC 9051 §2.3.1.1), so
 * each folder holds one UIDVALIDITY directory and a change discards the old one. Files are
 * written to a temporary name and renamed, without fsync — like mbsync's `FSync no`: a crash
 * can lose the newest files, never leave a half-written one under a real name, and a lost
 * file is fetched again on the next pass.
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

const EML = /^(\d+)\.eml$/;

/** The folder's directory name: a hash, since folder names may hold `/`, `..` or any Unicode. */
export function folderKey(folderPath: string): string {
  return createHash('sha1').update(folderPath, 'utf8').digest('hex');
}

export function uidFile(root: string, accountId: string, folderPath: string, uidValidity: number, uid: number): string {
  return join(root, accountId, folderKey(folderPath), String(uidValidity), `${uid}.eml`);
}

/** UIDs named by a directory listing; temporary and foreign files are ignored. */
export function uidsOf(names: readonly string[]): number[] {
  const out: number[] = [];
  for (const name of names) {
    const m = EML.exec(name);
    if (m) out.push(Number(m[1]));
  }
  return out.sort((a, b) => a - b);
}

export class OfflineStore {
  constructor(readonly root: string) {}

  private folderDir(accountId: string, folderPath: string): string {
    return join(this.root, accountId, folderKey(folderPath));
  }

  /**
   * The UIDs kept for this UIDVALIDITY. Directories of any other UIDVALIDITY are removed
   * first: their UIDs name other messages now (RFC 9051 §2.3.1.1).
   */
  async prepare(accountId: string, folderPath: string, uidValidity: number): Promise<number[]> {
    const dir = this.folderDir(accountId, folderPath);
    for (const name of await names(dir)) {
      if (name !== String(uidValidity)) await rm(join(dir, name), { recursive: true, force: true });
    }
    const current = join(dir, String(uidValidity));
    await mkdir(current, { recursive: true, mode: 0o700 });
    return uidsOf(await names(current));
  }

  async write(accountId: string, folderPath: string, uidValidity: number, uid: number, source: Buffer): Promise<void> {
    const file = uidFile(this.root, accountId, folderPath, uidValidity, uid);
    const tmp = `${file}.${randomBytes(4).toString('hex')}.tmp`;
    await writeFile(tmp, source, { mode: 0o600 });
    await rename(tmp, file);
  }

  async remove(accountId: string, folderPath: string, uidValidity: number, uids: readonly number[]): Promise<void> {
    await Promise.all(uids.map((uid) => rm(uidFile(this.root, accountId, folderPath, uidValidity, uid), { force: true })));
  }

  /**
   * The kept source of `uid`, or null. The store holds one UIDVALIDITY per folder, the one the
   * last pass saw; `maxBytes` keeps a huge file from being read into memory.
   */
  async read(accountId: string, folderPath: string, uid: number, maxBytes: number): Promise<Buffer | null> {
    const dir = this.folderDir(accountId, folderPath);
    for (const validity of await names(dir)) {
      if (!/^\d+$/.test(validity)) continue;
      const file = uidFile(this.root, accountId, folderPath, Number(validity), uid);
      const info = await stat(file).catch(() => null);
      if (!info || info.size > maxBytes) continue;
      return readFile(file).catch(() => null);
    }
    return null;
  }

  /** Removes the folders of the account that are no longer kept. */
  async keepOnly(accountId: string, folderPaths: readonly string[]): Promise<void> {
    const keep = new Set(folderPaths.map(folderKey));
    const dir = join(this.root, accountId);
    for (const name of await names(dir)) {
      if (!keep.has(name)) await rm(join(dir, name), { recursive: true, force: true });
    }
  }

  async removeAccount(accountId: string): Promise<void> {
    await rm(join(this.root, accountId), { recursive: true, force: true });
  }
}

async function names(dir: string): Promise<string[]> {
  try {
    return await readdir(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}
