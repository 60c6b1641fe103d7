// Turning an uploaded file into text and data, with errors that name the line: encodings (UTF-8
// with or without BOM, UTF-16 with BOM, Windows-1252 when the bytes are not UTF-8), JSON with the
// line and column of a syntax error, CSV (csv-parse) with the separator detected from the header.
import { parse as parseCsvSync } from "csv-parse/sync";
import iconv from "iconv-lite";
import { type ParseError, parse as parseTolerant, printParseErrorCode } from "jsonc-parser";
import { AppError } from "../errors.ts";

/** JSON and CSV files larger than this are refused before they are parsed (a whole parse holds the file in memory several times). */
export const MAX_IMPORT_BYTES = 64 * 1024 * 1024;

export function invalidFile(message: string, field = "file"): AppError {
  return new AppError("validation", message, { fields: [{ path: field, message }] });
}

export function refuseTooLarge(size: number): void {
  if (size > MAX_IMPORT_BYTES) {
    throw new AppError(
      "payload_too_large",
      `The file has ${(size / 1024 / 1024).toFixed(0)} MB; an import takes at most ${MAX_IMPORT_BYTES / 1024 / 1024} MB. Export the board in parts (e.g. without archived cards or actions) and import them one after the other.`,
    );
  }
}

export type Decoded = { text: string; encoding: "utf-8" | "utf-16le" | "utf-16be" | "windows-1252" };

/** Bytes to text: a BOM decides; otherwise UTF-8 if the bytes are valid UTF-8, else Windows-1252 (what Excel writes on Windows). */
export function decodeText(bytes: Buffer): Decoded {
  refuseTooLarge(bytes.length);
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    return { text: bytes.subarray(3).toString("utf8"), encoding: "utf-8" };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: iconv.decode(bytes.subarray(2), "utf-16le"), encoding: "utf-16le" };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: iconv.decode(bytes.subarray(2), "utf-16be"), encoding: "utf-16be" };
  if (bytes.includes(0)) throw invalidFile("The file is binary (it contains NUL bytes), not a text export.");
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(bytes), encoding: "utf-8" };
  } catch {
    return { text: iconv.decode(bytes, "windows-1252"), encoding: "windows-1252" };
  }
}

/** Line and column (1-based) of a character offset. */
export function lineAt(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let last = -1;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      last = i;
    }
  }
  return { line, column: offset - last };
}

/** JSON.parse with an error that names the line and column, and says so when the file just stops (truncated). */
export function parseJson(text: string, what: string): unknown {
  const body = text.replace(/^\uFEFF/, "");
  if (!/^\s*[[{]/.test(body)) throw invalidFile(`This is not a ${what} (JSON) file: it does not start with { or [.`);
  try {
    return JSON.parse(body);
  } catch {
    // JSON.parse says what, not where: jsonc-parser finds the first error's offset.
    const errors: ParseError[] = [];
    parseTolerant(body, errors, { allowTrailingComma: false, disallowComments: true });
    const first = errors[0];
    const code = first ? printParseErrorCode(first.error) : "";
    if (!first || first.offset >= body.trimEnd().length || /EndOfFile|UnexpectedEndOf/.test(code)) {
      const { line } = lineAt(body, body.length);
      throw invalidFile(`The ${what} file ends early at line ${line}: it is truncated (download the export again).`);
    }
    const { line, column } = lineAt(body, first.offset);
    throw invalidFile(`The ${what} file is not valid JSON at line ${line}, column ${column} (${code}).`);
  }
}

export type CsvTable = {
  /** Header names, made unique: a repeated name gets " (2)", " (3)" (Jira repeats Labels, Comment, …). */
  headers: string[];
  /** The header as written, for columns that repeat on purpose. */
  rawHeaders: string[];
  rows: { line: number; values: string[] }[];
  separator: string;
  encoding: Decoded["encoding"];
};

const SEPARATORS = [",", ";", "\t", "|"];

/** The separator of the header line: the candidate that occurs most often outside quotes. */
export function detectSeparator(text: string): string {
  const counts = new Map<string, number>(SEPARATORS.map((s) => [s, 0]));
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === "\n" || ch === "\r")) break;
    else if (!quoted && counts.has(ch)) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  }
  let best = ",";
  for (const [s, n] of counts) if (n > (counts.get(best) ?? 0)) best = s;
  return best;
}

/**
 * Parses CSV bytes. `separator` overrides the detection. Errors name the line; rows with another
 * number of fields than the header are an error (a wrong separator or an unquoted line break).
 */
export function parseCsv(bytes: Buffer, options: { separator?: string; what: string }): CsvTable {
  const { text, encoding } = decodeText(bytes);
  if (!text.trim()) throw invalidFile(`The ${options.what} file is empty.`);
  if (/^\s*[[{]/.test(text)) throw invalidFile(`This looks like JSON, not a ${options.what} CSV file.`);
  const separator = options.separator ?? detectSeparator(text);
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parseCsvSync(text, {
      delimiter: separator,
      bom: true,
      info: true,
      relax_quotes: false,
      skip_empty_lines: true,
      relax_column_count: false,
    }) as unknown as { record: string[]; info: { lines: number } }[];
  } catch (e) {
    const err = e as { message: string; lines?: number; code?: string };
    const line = err.lines ?? 0;
    if (err.code === "CSV_RECORD_INCONSISTENT_FIELDS_LENGTH" || err.code === "CSV_RECORD_DONT_MATCH_COLUMNS_LENGTH") {
      throw invalidFile(
        `Line ${line} of the ${options.what} file has another number of fields than the header (separator "${shown(separator)}"). Check the separator and the quoting.`,
      );
    }
    throw invalidFile(
      `The ${options.what} file is not valid CSV at line ${line}: ${err.message.replace(/^Invalid Record Length: |^[^:]*: /, "")}`,
    );
  }
  if (records.length === 0) throw invalidFile(`The ${options.what} file is empty.`);
  const rawHeaders = records[0].record.map((h) => h.trim());
  if (rawHeaders.length < 2) {
    throw invalidFile(
      `The ${options.what} file has a single column with separator "${shown(separator)}": is it separated by another character (comma, semicolon, tab)?`,
    );
  }
  const seen = new Map<string, number>();
  const headers = rawHeaders.map((h) => {
    const n = (seen.get(h.toLowerCase()) ?? 0) + 1;
    seen.set(h.toLowerCase(), n);
    return n === 1 ? h : `${h} (${n})`;
  });
  const rows = records.slice(1).map((r) => ({ line: r.info.lines, values: r.record }));
  return { headers, rawHeaders, rows, separator, encoding };
}

const shown = (s: string) => (s === "\t" ? "tab" : s);

/** Header lookup that ignores case, spaces and punctuation ("Assignee Username" = "assignee_username"). */
export const headerKey = (h: string) =>
  h
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^a-z0-9]/g, "");
