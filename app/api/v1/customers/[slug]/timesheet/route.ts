import { previewTimesheet, timesheetResponse } from "@/lib/billing/invoices.ts";
import { apiRoute, methodNotAllowed } from "@/lib/http/handler.ts";
import { isLanguage } from "@/lib/i18n/locales.ts";
import { queryObject } from "@/lib/time/entries.ts";

type Params = { slug: string };

/** What an invoice export of the period would hold (nothing is marked): JSON, `format=csv` or `format=pdf`. */
export const GET = apiRoute<Params>(
  async ({ req, params, actor }) => {
    const { sheet, format, locale } = await previewTimesheet(actor, params.slug, queryObject(new URL(req.url)));
    return timesheetResponse(sheet, format, locale ?? (isLanguage(actor.language) ? actor.language : "en"));
  },
  { scope: "account" },
);

const notAllowed = methodNotAllowed("GET");

export { notAllowed as POST, notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE };
