// Customers, contracts, time entries, the timer and time reports in the OpenAPI document.
import { ZCreateContract, ZUpdateContract } from "../customers/contracts.ts";
import { ZCreateCustomer, ZCustomerAccessGrant, ZUpdateCustomer } from "../customers/customers.ts";
import { ZCreateEntry, ZUpdateEntry } from "../time/entries.ts";
import { ZStartTimer, ZStopTimer, ZUpdateTimer } from "../time/timer.ts";
import { ZSetCell } from "../time/week.ts";
import { body, errors, type Json, ok, pathParam, read, schema, write } from "./helpers.ts";

const slug = pathParam("slug", "Customer slug");
const contractId = pathParam("id", "Contract id");
const entryId = pathParam("id", "Time entry id");
const username = pathParam("username");
const action = errors(401, 403, 404, 409);
const query = (name: string, description: string) => ({
  name,
  in: "query",
  required: false,
  description,
  schema: { type: "string" },
});

const filters = [
  query("from", "First day (YYYY-MM-DD)"),
  query("to", "Last day (YYYY-MM-DD)"),
  query("user", "Username"),
  query("customer", "Customer slug"),
  query("project", "Project slug"),
  query("contract", "Contract id"),
];

export function timeSchemas(): Json {
  return {
    CreateCustomer: schema(ZCreateCustomer),
    UpdateCustomer: schema(ZUpdateCustomer),
    CustomerAccess: schema(ZCustomerAccessGrant),
    CreateContract: schema(ZCreateContract),
    UpdateContract: schema(ZUpdateContract),
    CreateTimeEntry: schema(ZCreateEntry),
    UpdateTimeEntry: schema(ZUpdateEntry),
    SetWeekCell: schema(ZSetCell),
    StartTimer: schema(ZStartTimer),
    UpdateTimer: schema(ZUpdateTimer),
    StopTimer: schema(ZStopTimer),
  };
}

export function timePaths(): Json {
  return {
    "/api/v1/customers": {
      get: {
        parameters: [query("archived", "1: include archived customers")],
        summary: "Customers you can see, favourites first (viewer or editor through customer or group access; admins: all)",
        responses: { ...ok(200, "Customers with your role and favourite flag"), ...errors(401) },
      },
      post: {
        summary: "Create a customer; you become its editor",
        requestBody: body("CreateCustomer"),
        responses: { ...ok(201, "The customer"), ...write },
      },
    },
    "/api/v1/customers/{slug}": {
      get: { parameters: [slug], summary: "A customer", responses: { ...ok(200, "The customer with your role"), ...read } },
      patch: {
        parameters: [slug],
        summary: "Edit a customer (editors)",
        requestBody: body("UpdateCustomer"),
        responses: { ...ok(200, "The customer"), ...write },
      },
    },
    "/api/v1/customers/{slug}/archive": {
      post: {
        parameters: [slug],
        summary: "Archive a customer: read-only, hidden from lists (editors)",
        responses: { ...ok(200, "The customer"), ...action },
      },
    },
    "/api/v1/customers/{slug}/restore": {
      post: {
        parameters: [slug],
        summary: "Restore an archived customer (editors)",
        responses: { ...ok(200, "The customer"), ...action },
      },
    },
    "/api/v1/customers/{slug}/favorite": {
      put: {
        parameters: [slug],
        summary: "Star the customer for yourself",
        responses: { ...ok(200, "{ slug, isFavorite }"), ...read },
      },
      delete: { parameters: [slug], summary: "Unstar the customer", responses: { ...ok(200, "{ slug, isFavorite }"), ...read } },
    },
    "/api/v1/customers/{slug}/access": {
      get: {
        parameters: [slug],
        summary: "Who can see the customer: people with their effective role (direct and through groups) and the groups",
        responses: { ...ok(200, "{ people, groups }"), ...read },
      },
    },
    "/api/v1/customers/{slug}/access/{username}": {
      put: {
        parameters: [slug, username],
        summary: "Give a user a role for the customer, or change it (editors)",
        requestBody: body("CustomerAccess"),
        responses: { ...ok(200, "{ username, role }"), ...write },
      },
      delete: {
        parameters: [slug, username],
        summary: "Remove a user's direct role (editors); the last editor stays (409)",
        responses: { ...ok(204, "Removed"), ...action },
      },
    },
    "/api/v1/customers/{slug}/contracts": {
      get: {
        parameters: [slug],
        summary:
          "Contracts with usedMinutes, remainingMinutes, percentUsed, level (ok, warning from 80 %, exceeded) and the forecast run-out date at the last four weeks' rate",
        responses: { ...ok(200, "Contracts"), ...read },
      },
      post: {
        parameters: [slug],
        summary: "Create a contract (editors); hours may have decimals and are kept as whole minutes",
        requestBody: body("CreateContract"),
        responses: { ...ok(201, "The contract with its usage"), ...write },
      },
    },
    "/api/v1/customers/{slug}/contracts/{id}": {
      get: {
        parameters: [slug, contractId],
        summary: "A contract with its usage and forecast",
        responses: { ...ok(200, "The contract"), ...read },
      },
      patch: {
        parameters: [slug, contractId],
        summary: "Edit a contract (editors)",
        requestBody: body("UpdateContract"),
        responses: { ...ok(200, "The contract"), ...write },
      },
      delete: {
        parameters: [slug, contractId],
        summary: "Delete a contract (editors); its entries stay on the customer without a contract",
        responses: { ...ok(204, "Deleted"), ...action },
      },
    },
    "/api/v1/customers/{slug}/contracts/{id}/burndown": {
      get: {
        parameters: [slug, contractId],
        summary: "Cumulative used minutes per day and the forecast line to the run-out date",
        responses: { ...ok(200, "{ contract, points, forecast }"), ...read },
      },
    },
    "/api/v1/time-entries": {
      get: {
        parameters: [...filters, query("limit", "At most this many (default 500, up to 5000)")],
        summary:
          "Time entries you can read, newest first: your own, those on customers you see, those without a customer on projects you read",
        responses: { ...ok(200, "{ entries, totalMinutes, truncated }"), ...errors(400, 401, 404) },
      },
      post: {
        summary:
          "Book time: `minutes` or `duration` (1:30, 1.5h, 90m), 1 minute to 24 hours, at most 24 hours a day. The project's customer is the entry's; without contractId the customer's only active contract for the day is used (null: none). Entries before the locked period only by administrators (403).",
        requestBody: body("CreateTimeEntry"),
        responses: { ...ok(201, "The entry"), ...write },
      },
    },
    "/api/v1/time-entries/{id}": {
      get: { parameters: [entryId], summary: "A time entry", responses: { ...ok(200, "The entry"), ...read } },
      patch: {
        parameters: [entryId],
        summary: "Edit your entry (administrators: anyone's), under the same rules as booking",
        requestBody: body("UpdateTimeEntry"),
        responses: { ...ok(200, "The entry"), ...write },
      },
      delete: { parameters: [entryId], summary: "Delete your entry", responses: { ...ok(204, "Deleted"), ...action } },
    },
    "/api/v1/time-entries/cell": {
      put: {
        summary:
          "Set the total of one week-view cell (user × day × project, or customer without project): grows the newest entry, shrinks entries newest first, 0 empties it",
        requestBody: body("SetWeekCell"),
        responses: { ...ok(200, "{ date, minutes, entries, deleted }"), ...write },
      },
    },
    "/api/v1/time-entries/week": {
      get: {
        parameters: [query("date", "A day of the week (default: today)"), query("user", "Username (default: you)")],
        summary: "A user's week (Monday to Sunday): entries, the rows of the week before, whether you may book there",
        responses: { ...ok(200, "The week"), ...read },
      },
    },
    "/api/v1/time-entries/targets": {
      get: {
        summary: "What you can book on: projects (member role, customer you edit) and customers you edit with active contracts",
        responses: { ...ok(200, "{ projects, customers }"), ...errors(401) },
      },
    },
    "/api/v1/timer": {
      get: {
        summary: "Your running timer (or null) and the server's time",
        responses: { ...ok(200, "{ timer, now }"), ...errors(401) },
      },
      patch: {
        summary: "Change the running timer's description, target or start",
        requestBody: body("UpdateTimer"),
        responses: { ...ok(200, "{ timer }"), ...write },
      },
      delete: {
        summary: "Discard the running timer without booking",
        responses: { ...ok(204, "Discarded"), ...errors(401, 404) },
      },
    },
    "/api/v1/timer/start": {
      post: {
        summary: "Start a timer (one per user, kept in the database); a running one is stopped and booked first",
        requestBody: body("StartTimer"),
        responses: { ...ok(201, "{ timer, stopped }"), ...write },
      },
    },
    "/api/v1/timer/stop": {
      post: {
        summary: "Stop the timer and book it: the measured minutes (at least 1) or the ones given",
        requestBody: body("StopTimer"),
        responses: { ...ok(201, "The entry"), ...write },
      },
    },
    "/api/v1/reports/time": {
      get: {
        parameters: [
          ...filters,
          query("groupBy", "Up to three of customer, contract, project, card, user, day, week, month, comma-separated"),
          query("entries", "1: list the entries too"),
          query("format", "json (default) or csv (a download; de: `;` and decimal comma)"),
          query("locale", "CSV language (en or de; default yours)"),
        ],
        summary: "Totals over the entries you can read, grouped, with weekly series (by user and by project); or the same as CSV",
        responses: { ...ok(200, "{ from, to, total, groups, weeks, users, projects, entries? }"), ...errors(400, 401, 404) },
      },
    },
  };
}
