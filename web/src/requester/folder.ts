// A dropped folder's items in the order a task lists them, as `labelchain
// publish` reads a folder: files sorted by path (component by component),
// hidden files and folders skipped, each file one item except a `.jsonl`
// file, each of whose non-blank lines is one.

export interface FolderFile {
  /** The path under the dropped folder, `/`-separated. */
  path: string;
  bytes: Uint8Array;
}

export interface FolderItem {
  /** `cats/1.jpg`, or `texts.jsonl#3` for a file's third line. */
  name: string;
  bytes: Uint8Array;
}

function isHidden(path: string): boolean {
  return path.split('/').some((part) => part.startsWith('.'));
}

/** Paths compared component by component, as Rust's `PathBuf` orders them (`a/b` before `a-c`). */
export function comparePaths(a: string, b: string): number {
  const [left, right] = [a.split('/'), b.split('/')];
  for (let i = 0; i < Math.min(left.length, right.length); i += 1) {
    if (left[i] !== right[i]) return compareBytes(left[i], right[i]);
  }
  return left.length - right.length;
}

function compareBytes(a: string, b: string): number {
  const [x, y] = [new TextEncoder().encode(a), new TextEncoder().encode(b)];
  for (let i = 0; i < Math.min(x.length, y.length); i += 1) if (x[i] !== y[i]) return x[i] - y[i];
  return x.length - y.length;
}

function jsonLines(name: string, bytes: Uint8Array): FolderItem[] {
  const items: FolderItem[] = [];
  let start = 0;
  let line = 0;
  for (let i = 0; i <= bytes.length; i += 1) {
    if (i < bytes.length && bytes[i] !== 0x0a) continue;
    line += 1;
    let end = i;
    if (end > start && bytes[end - 1] === 0x0d) end -= 1;
    const content = bytes.slice(start, end);
    // Blank (ASCII whitespace only) lines are not items.
    if (!content.every((byte) => byte === 0x20 || byte === 0x09 || byte === 0x0a || byte === 0x0c || byte === 0x0d)) {
      items.push({ name: `${name}#${line}`, bytes: content });
    }
    start = i + 1;
  }
  return items;
}

export function folderItems(files: FolderFile[]): FolderItem[] {
  const items: FolderItem[] = [];
  for (const file of files.filter((f) => !isHidden(f.path)).sort((a, b) => comparePaths(a.path, b.path))) {
    if (file.path.endsWith('.jsonl')) items.push(...jsonLines(file.path, file.bytes));
    else items.push({ name: file.path, bytes: file.bytes });
  }
  if (items.length === 0) throw new Error('the folder holds no items');
  return items;
}

/** The files of an `<input webkitdirectory>`: paths under the chosen folder. */
export async function filesOfInput(list: FileList): Promise<FolderFile[]> {
  return Promise.all([...list].map(async (file) => ({
    path: (file.webkitRelativePath || file.name).split('/').slice(1).join('/') || file.name,
    bytes: new Uint8Array(await file.arrayBuffer()),
  })));
}

/** The files under a folder dropped on the page, through the entries API. */
export async function filesOfDrop(transfer: DataTransfer): Promise<FolderFile[]> {
  const files: FolderFile[] = [];
  const walk = async (entry: FileSystemEntry, prefix: string): Promise<void> => {
    if (entry.isFile) {
      const file = await new Promise<File>((resolve, reject) => (entry as FileSystemFileEntry).file(resolve, reject));
      files.push({ path: `${prefix}${entry.name}`, bytes: new Uint8Array(await file.arrayBuffer()) });
      return;
    }
    const reader = (entry as FileSystemDirectoryEntry).createReader();
    for (;;) {
      const batch = await new Promise<FileSystemEntry[]>((resolve, reject) => reader.readEntries(resolve, reject));
      if (batch.length === 0) break;
      for (const child of batch) await walk(child, `${prefix}${entry.name}/`);
    }
  };
  const roots = [...transfer.items].map((item) => item.webkitGetAsEntry()).filter((e): e is FileSystemEntry => !!e);
  for (const root of roots) {
    if (root.isDirectory) {
      // Paths are under the dropped folder itself, as `publish <folder>` has them.
      const reader = (root as FileSystemDirectoryEntry).createReader();
      for (;;) {
        const batch = await new Promise<FileSystemEntry[]>((resolve, reject) => reader.readEntries(resolve, reject));
        if (batch.length === 0) break;
        for (const child of batch) await walk(child, '');
      }
    } else {
      await walk(root, '');
    }
  }
  return files;
}
