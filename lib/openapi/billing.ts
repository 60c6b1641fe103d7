// Rates, invoice exports, contract periods, calendar feeds and outbound webhooks in the OpenAPI document.
import { ZCreateInvoice } from "../billing/invoices.ts";
import { ZCreateRate } from "../billing/rates.ts";
import { ZCreateFeed } from "../calendar/feeds.ts";
import { ZOutboundBody, ZUpdateOutbound } from "../webhooks/outbound.ts";
import { body, errors, type Json, ok, pathParam, schema, write } from "./helpers.ts";

const query = (name: string, description: string) => ({
  name,
  in: "query",
  required: false,
  description,
  schema: { type: "string" },
});

const slug = pathParam("slug", "Customer slug");

export function billingSchemas(): Json {
  return {
    CreateRate: schema(ZCreateRate),
    CreateInvoice: schema(ZCreateInvoice),
    CreateCalendarFeed: schema(ZCreateFeed),
    CreateOutboundWebhook: schema(ZOutboundBody),
    UpdateOutboundWebhook: schema(ZUpdateOutbound),
  };
}

/** The same four paths per project (its admins) and instance-wide (system administrators). */
function outboundPaths(base: string, who: string, lead: Json[]): Json {
  const id = pathParam("id", "Outbound webhook id");
  const denied = [401, 403, 404];
  return {
    [base]: {
      get: {
        parameters: lead,
        summary: `Outbound webhooks of ${who === "project" ? "the project (its admins)" : "the instance (system administrators)"}, without their secrets`,
        responses: { ...ok(200, "`{ webhooks }`: id, name, url, events, isActive, createdAt"), ...errors(...denied) },
      },
      post: {
        parameters: lead,
        summary:
          'Add an outbound webhook: a URL (checked after DNS: no loopback, private or link-local address unless the administrator allows them), the events to send and an optional name. Deliveries are signed: `X-WarmDesk-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">`',
        requestBody: body("CreateOutboundWebhook"),
        responses: { ...ok(201, "The webhook with its `secret` (whsec_…), shown this once"), ...write },
      },
    },
    [`${base}/{id}`]: {
      patch: {
        parameters: [...lead, id],
        summary: "Change an outbound webhook's URL, events, name or state, or give it a new secret (`rotateSecret: true`)",
        requestBody: body("UpdateOutboundWebhook"),
        responses: { ...ok(200, "The webhook (with the new `secret` once, when rotated)"), ...write },
      },
      delete: {
        parameters: [...lead, id],
        summary: "Remove an outbound webhook and its delivery log",
        responses: { ...ok(204, "Removed"), ...errors(...denied) },
      },
    },
    [`${base}/{id}/deliveries`]: {
      get: {
        parameters: [...lead, id],
        summary:
          "The delivery log, newest first (100): event, status (pending, delivering, succeeded, failed), attempts, last response code, next attempt, and every attempt with its response code and duration",
        responses: { ...ok(200, "`{ deliveries }`"), ...errors(...denied) },
      },
    },
    [`${base}/{id}/deliveries/{deliveryId}/resend`]: {
      post: {
        parameters: [...lead, id, pathParam("deliveryId", "Delivery id")],
        summary: "Send a delivery again: a new delivery with the same event id and body, queued now",
        responses: { ...ok(202, "`{ id }` of the new delivery"), ...errors(...denied) },
      },
    },
  };
}

export function billingPaths(): Json {
  return {
    ...outboundPaths("/api/v1/projects/{slug}/outbound-webhooks", "project", [pathParam("slug", "Project slug")]),
    ...outboundPaths("/api/v1/admin/outbound-webhooks", "admin", []),
    "/api/v1/rates": {
      get: {
        parameters: [
          query("customer", "Customer slug: its, its contracts' and its projects' rates"),
          query("user", "Username: that person's own rates (administrators, or yourself)"),
        ],
        summary: "Hourly rates of a customer, or a person's own rates",
        responses: {
          ...ok(200, "`{ rates, currency }`, each rate with level, place, username, validFrom, rateMinor, rate, currency"),
          ...errors(400, 401, 404),
        },
      },
      post: {
        summary:
          "Add an hourly rate from a day on, for a customer, contract or project (customer editors), optionally for one person; or a person's own rate (administrators). The most specific rate in effect on an entry's day prices it when it is booked.",
        requestBody: body("CreateRate"),
        responses: { ...ok(201, "The rate"), ...write },
      },
    },
    "/api/v1/customers/{slug}/timesheet": {
      get: {
        parameters: [
          slug,
          query("from", "First day (YYYY-MM-DD), required"),
          query("to", "Last day (YYYY-MM-DD), required"),
          query("contract", "Contract id"),
          query("format", "json (default), csv or pdf"),
          query("locale", "en or de (default: yours): CSV separators and decimals, PDF language"),
        ],
        summary:
          "Preview of an invoice export: the billable time of the period not invoiced yet, grouped by project and card, with amounts (nothing is marked)",
        responses: { ...ok(200, "The timesheet as JSON, CSV or PDF"), ...errors(400, 401, 404) },
      },
    },
    "/api/v1/customers/{slug}/invoices": {
      get: {
        parameters: [slug],
        summary: "Invoice exports of the customer, newest first",
        responses: { ...ok(200, "`{ invoices }`"), ...errors(401, 404) },
      },
      post: {
        parameters: [slug],
        summary:
          "Export the period's billable, not yet invoiced time (customer editors): its entries are marked as invoiced and locked to all but administrators",
        requestBody: body("CreateInvoice"),
        responses: { ...ok(201, "The invoice export with its totals"), ...write },
      },
    },
    "/api/v1/customers/{slug}/invoices/{id}": {
      get: {
        parameters: [
          slug,
          pathParam("id", "Invoice export id"),
          query("format", "pdf (default), csv or json"),
          query("locale", "en or de"),
        ],
        summary: "An invoice export's timesheet, from the entries it marked",
        responses: { ...ok(200, "PDF, CSV or JSON"), ...errors(400, 401, 404, 409) },
      },
    },
    "/api/v1/customers/{slug}/invoices/{id}/void": {
      post: {
        parameters: [slug, pathParam("id", "Invoice export id")],
        summary: "Void an invoice export (administrators): its entries are unlocked",
        responses: { ...ok(200, "The export, voided"), ...errors(401, 404, 409) },
      },
    },
    "/api/v1/customers/{slug}/contracts/{id}/periods": {
      get: {
        parameters: [slug, pathParam("id", "Contract id")],
        summary:
          "A contract's budget periods up to today, newest first: budget, carry-in, available, used (minutes or minor units) and percent; the current one with its forecast",
        responses: { ...ok(200, "`{ contract, kind, periods, current }`"), ...errors(401, 404) },
      },
    },
    "/api/v1/me/calendar-feeds": {
      get: {
        summary: "Your calendar feeds (without their secret URLs)",
        responses: { ...ok(200, "`{ feeds }`"), ...errors(401) },
      },
      post: {
        summary:
          "Create your personal feed (no projectSlug) or a project's feed, or give it a new secret URL (the old one stops working); browser sessions only",
        requestBody: body("CreateCalendarFeed"),
        responses: { ...ok(201, "The feed with its `url`, shown this once"), ...write },
      },
    },
    "/api/v1/me/calendar-feeds/{id}": {
      delete: {
        parameters: [pathParam("id", "Feed id")],
        summary: "Remove a calendar feed",
        responses: { ...ok(204, "Removed"), ...errors(401, 403, 404) },
      },
    },
    "/api/calendar/{token}": {
      get: {
        security: [],
        parameters: [pathParam("token", "The feed's secret, as in its URL (…/api/calendar/wdcal_….ics)")],
        summary:
          "An iCalendar (RFC 5545) feed: due dates of cards and sprints, as all-day events with stable UIDs (no authentication but the secret URL)",
        responses: { "200": { description: "text/calendar" }, ...errors(404) },
      },
    },
    "/api/v1/rates/{id}": {
      delete: {
        parameters: [pathParam("id", "Rate id")],
        summary: "Remove a rate (entries booked with it keep their amounts)",
        responses: { ...ok(204, "Removed"), ...errors(401, 403, 404) },
      },
    },
  };
}
