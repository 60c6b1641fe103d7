import { apiRoute, methodNotAllowed } from "@/lib/http/handler.ts";
import { queryObject } from "@/lib/time/entries.ts";
import { timeReport, timeReportCsv } from "@/lib/time/reports.ts";

/** JSON by default; `format=csv` answers the same report as a CSV download in the reader's locale. */
export const GET = apiRoute(
  async ({ req, actor }) => {
    const query = queryObject(new URL(req.url));
    if (query.format !== "csv") return timeReport(actor, query);
    const { csv, filename } = await timeReportCsv(actor, query);
    return new Response(csv, {
      headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": `attachment; filename="${filename}"` },
    });
  },
  { scope: "project" },
);

const notAllowed = methodNotAllowed("GET");

export { notAllowed as POST, notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE };
