import { createReadStream } from "node:fs";
import { Readable } from "node:stream";
import { AppError } from "@/lib/errors.ts";
import { exportProjectArchive, exportProjectCsv } from "@/lib/export/project.ts";
import { apiRoute } from "@/lib/http/handler.ts";

const attachment = (filename: string) => `attachment; filename="${filename.replace(/[^\w.-]/g, "_")}"`;

// GET ?format=zip (default; project admins): the archive that `import warmdesk` reads back.
// GET ?format=csv (any reader): the live cards for spreadsheets.
export const GET = apiRoute<{ slug: string }>(
  async ({ req, params, actor }) => {
    const format = new URL(req.url).searchParams.get("format") ?? "zip";
    if (format === "csv") {
      const { csv, filename } = await exportProjectCsv(actor, params.slug);
      return new Response(csv, {
        headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": attachment(filename) },
      });
    }
    if (format !== "zip")
      throw new AppError("validation", "format is zip or csv", { fields: [{ path: "format", message: "zip or csv" }] });
    const { path, filename, remove } = await exportProjectArchive(actor, params.slug);
    const stream = createReadStream(path);
    stream.once("close", () => void remove());
    return new Response(Readable.toWeb(stream) as ReadableStream, {
      headers: { "content-type": "application/zip", "content-disposition": attachment(filename), "cache-control": "no-store" },
    });
  },
  { scope: "project" },
);
