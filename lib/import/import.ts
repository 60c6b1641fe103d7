// The one way in: the Import page, POST /api/v1/imports and `warmdesk import` all call runImport.
// A file is read from disk (uploads are streamed to a temporary file first, with a size cap), turned
// into a plan by its format's importer, and written by lib/import/boards.ts or lib/import/time.ts.
import { readFile, stat } from "node:fs/promises";
import { basename } from "node:path";
import { z } from "zod";
import type { Actor } from "../auth/actor.ts";
import { AppError, parseInput } from "../errors.ts";
import { importBoard } from "./boards.ts";
import { genericCsvBoard, jiraBoard, kanboardBoard } from "./csv-boards.ts";
import type { DateOrder } from "./dates.ts";
import { kimaiCsv, kimaiJson } from "./kimai.ts";
import { BOARD_SOURCES, type ImportPlan, type ImportSource, SOURCE_NAMES, SOURCES } from "./model.ts";
import type { ImportReport, OnProgress } from "./report.ts";
import { parseCsv, parseJson, refuseTooLarge } from "./text.ts";
import { importTimesheets } from "./time.ts";
import { trelloBoard } from "./trello.ts";
import { warmdeskBoard } from "./warmdesk.ts";
import { wekanBoard } from "./wekan.ts";

export const SEPARATOR_NAMES = { comma: ",", semicolon: ";", tab: "\t", pipe: "|" } as const;

export const ZImportOptions = z
  .object({
    format: z.enum(SOURCES),
    project: z.string().trim().min(1).max(191).optional().describe("The target project's slug (every format but kimai)"),
    dryRun: z.boolean().default(false),
    separator: z
      .enum(Object.keys(SEPARATOR_NAMES) as [keyof typeof SEPARATOR_NAMES])
      .optional()
      .describe("CSV: detected from the header when left out"),
    dateOrder: z
      .enum(["dmy", "mdy"])
      .optional()
      .describe("CSV: how to read 03/04/2024 when the file does not tell (default mdy)"),
    mapping: z
      .record(z.string(), z.string().max(191))
      .optional()
      .describe("Generic CSV: WarmDesk field → the file's column header"),
  })
  .strict();
export type TImportOptions = z.input<typeof ZImportOptions>;

/** The options of a multipart upload (every field is text): `dryRun=1|true`, `mapping` as JSON. */
export function importOptionsFromFields(fields: Record<string, string>): z.infer<typeof ZImportOptions> {
  let mapping: unknown;
  if (fields.mapping) {
    try {
      mapping = JSON.parse(fields.mapping);
    } catch {
      throw new AppError("validation", "The mapping is not valid JSON.", { fields: [{ path: "mapping", message: "not JSON" }] });
    }
  }
  return parseInput(ZImportOptions, {
    format: fields.format,
    ...(fields.project ? { project: fields.project } : {}),
    dryRun: fields.dryRun === "1" || fields.dryRun === "true",
    ...(fields.separator ? { separator: fields.separator } : {}),
    ...(fields.dateOrder ? { dateOrder: fields.dateOrder } : {}),
    ...(mapping !== undefined ? { mapping } : {}),
  });
}

export type ImportFile = { path: string; name?: string };

export type ParseOptions = { separator?: string; dateOrder?: DateOrder; mapping?: Record<string, string> };

/** Archives stay open while their files are read into the import: closed when it is done. */
const closers = new WeakMap<object, () => void>();

async function readSmall(file: ImportFile): Promise<Buffer> {
  const { size } = await stat(file.path);
  refuseTooLarge(size);
  return readFile(file.path);
}

/** The file as a plan of its format. Throws a validation error naming the line or field. */
export async function planImport(format: ImportSource, file: ImportFile, options: ParseOptions = {}): Promise<ImportPlan> {
  switch (format) {
    case "trello":
      return trelloBoard(parseJson((await readSmall(file)).toString("utf8"), "Trello"));
    case "kanboard":
    case "jira":
    case "csv": {
      const table = parseCsv(await readSmall(file), {
        what: SOURCE_NAMES[format],
        ...(options.separator ? { separator: options.separator } : {}),
      });
      const name = (file.name ?? basename(file.path)).replace(/\.csv$/i, "") || "CSV";
      const common = { name, ...(options.dateOrder ? { dateOrder: options.dateOrder } : {}) };
      const board =
        format === "kanboard"
          ? kanboardBoard(table, common)
          : format === "jira"
            ? jiraBoard(table, common)
            : genericCsvBoard(table, { ...common, ...(options.mapping ? { mapping: options.mapping } : {}) });
      if (table.encoding !== "utf-8")
        board.notes.push(
          `The file was read as ${table.encoding === "windows-1252" ? "Windows-1252" : table.encoding.toUpperCase()} (it is not UTF-8).`,
        );
      return board;
    }
    case "warmdesk": {
      const { board, close } = await warmdeskBoard(file.path);
      closers.set(board, close);
      return board;
    }
    case "kimai": {
      const bytes = await readSmall(file);
      if (
        /^\s*[[{]/.test(
          bytes
            .subarray(0, 64)
            .toString("utf8")
            .replace(/^\uFEFF/, ""),
        )
      )
        return kimaiJson(parseJson(bytes.toString("utf8"), "Kimai"));
      return kimaiCsv(
        parseCsv(bytes, { what: "Kimai", ...(options.separator ? { separator: options.separator } : {}) }),
        options.dateOrder ? { dateOrder: options.dateOrder } : {},
      );
    }
    case "wekan":
      return wekanBoard(parseJson((await readSmall(file)).toString("utf8"), "Wekan"));
    default:
      throw new AppError("validation", `Importing ${format} files is not available yet.`);
  }
}

export async function runImport(
  actor: Actor,
  input: TImportOptions,
  file: ImportFile,
  onProgress?: OnProgress,
): Promise<ImportReport> {
  const options = parseInput(ZImportOptions, input);
  const isBoard = (BOARD_SOURCES as readonly string[]).includes(options.format);
  if (isBoard && !options.project) {
    throw new AppError("validation", "Choose the project to import into.", {
      fields: [{ path: "project", message: "required" }],
    });
  }
  onProgress?.({ phase: "reading", done: 0, total: 1 });
  const plan = await planImport(options.format, file, {
    ...(options.separator ? { separator: SEPARATOR_NAMES[options.separator] } : {}),
    ...(options.dateOrder ? { dateOrder: options.dateOrder } : {}),
    ...(options.mapping ? { mapping: options.mapping } : {}),
  });
  if (plan.kind === "board") {
    try {
      return await importBoard(actor, options.project as string, plan, { dryRun: options.dryRun, onProgress });
    } finally {
      closers.get(plan)?.();
    }
  }
  return importTimesheets(actor, plan, { dryRun: options.dryRun, onProgress });
}
