import { invoiceTimesheet, timesheetResponse, ZInvoiceFile } from "@/lib/billing/invoices.ts";
import { parseInput } from "@/lib/errors.ts";
import { apiRoute, methodNotAllowed } from "@/lib/http/handler.ts";
import { isLanguage } from "@/lib/i18n/locales.ts";
import { queryObject } from "@/lib/time/entries.ts";

type Params = { slug: string; id: string };

/** An invoice export's timesheet again: PDF by default, `format=csv`, or `format=json`. */
export const GET = apiRoute<Params>(
  async ({ req, params, actor }) => {
    const query = queryObject(new URL(req.url));
    const { format, locale } = parseInput(ZInvoiceFile, query);
    const sheet = await invoiceTimesheet(actor, params.slug, params.id);
    return timesheetResponse(sheet, format, locale ?? (isLanguage(actor.language) ? actor.language : "en"));
  },
  { scope: "account" },
);

const notAllowed = methodNotAllowed("GET");

export { notAllowed as POST, notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE };
