import { apiRoute } from "@/lib/http/handler.ts";
import { importOptionsFromFields, runImport } from "@/lib/import/import.ts";
import { receiveImport } from "@/lib/import/upload.ts";

// POST: multipart (`file` + option fields). With `Accept: application/x-ndjson` the answer streams
// progress lines `{ "progress": { phase, done, total } }` and ends with `{ "result": report }` or
// `{ "error": { code, message } }`; otherwise it is the report as JSON.
export const POST = apiRoute(
  async ({ req, actor }) => {
    const upload = await receiveImport(req);
    let options: ReturnType<typeof importOptionsFromFields>;
    try {
      options = importOptionsFromFields(upload.fields);
    } catch (e) {
      await upload.remove();
      throw e;
    }
    const file = { path: upload.path, name: upload.name };
    if (!(req.headers.get("accept") ?? "").includes("application/x-ndjson")) {
      try {
        return await runImport(actor, options, file);
      } finally {
        await upload.remove();
      }
    }
    const encoder = new TextEncoder();
    const stream = new ReadableStream<Uint8Array>({
      async start(controller) {
        const send = (value: unknown) => controller.enqueue(encoder.encode(`${JSON.stringify(value)}\n`));
        try {
          const report = await runImport(actor, options, file, (progress) => send({ progress }));
          send({ result: report });
        } catch (e) {
          const { errorResponse } = await import("@/lib/http/handler.ts");
          const res = errorResponse(e);
          send({ ...(await res.json()), status: res.status });
        } finally {
          await upload.remove();
          controller.close();
        }
      },
    });
    return new Response(stream, {
      headers: { "content-type": "application/x-ndjson; charset=utf-8", "cache-control": "no-store" },
    });
  },
  { scope: "project" },
);
