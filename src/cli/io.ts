import type { ZipCodec } from "../workbook/ooxml";

/**
 * What the runner needs from its surroundings, injected so tests run it in-process.
 */
export interface CliIO {
  /** Writes one line (no trailing newline needed) to standard output. */
  stdout(line: string): void;
  /** Writes one line to standard error (progress, notes, problems). */
  stderr(line: string): void;
  readFile(path: string): Promise<Uint8Array>;
  /** Writes a file, creating missing parent folders. */
  writeFile(path: string, data: Uint8Array): Promise<void>;
  /** Environment (for LANG / LC_ALL); default none. */
  env?: Readonly<Record<string, string | undefined>>;
  /** Absolute form of a path for messages; default the path itself. */
  resolve?(path: string): string;
  /** Compression for the output workbook (Node: zlib); default the platform's CompressionStream. */
  zip?: ZipCodec;
}

/** An in-memory CliIO for tests and embedding: files in a map, output lines collected. */
export function memoryIO(files: Record<string, Uint8Array> = {}, env: Record<string, string> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIO & { files: Record<string, Uint8Array>; out: string[]; err: string[] } = {
    files,
    out,
    err,
    env,
    stdout: (line) => out.push(line),
    stderr: (line) => err.push(line),
    readFile: async (path) => {
      const f = files[path];
      if (!f) throw Object.assign(new Error(`ENOENT: no such file, open '${path}'`), { code: "ENOENT" });
      return f;
    },
    writeFile: async (path, data) => {
      files[path] = data;
    },
  };
  return io;
}
