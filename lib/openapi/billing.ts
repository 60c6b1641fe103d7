// Rates, invoice exports, contract periods, calendar feeds and outbound webhooks in the OpenAPI document.
import { ZCreateRate } from "../billing/rates.ts";
import { body, errors, type Json, ok, pathParam, schema, write } from "./helpers.ts";

const query = (name: string, description: string) => ({
  name,
  in: "query",
  required: false,
  description,
  schema: { type: "string" },
});

export function billingSchemas(): Json {
  return {
    CreateRate: schema(ZCreateRate),
  };
}

export function billingPaths(): Json {
  return {
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
    "/api/v1/rates/{id}": {
      delete: {
        parameters: [pathParam("id", "Rate id")],
        summary: "Remove a rate (entries booked with it keep their amounts)",
        responses: { ...ok(204, "Removed"), ...errors(401, 403, 404) },
      },
    },
  };
}
