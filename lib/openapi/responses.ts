// Response bodies of the REST API as JSON Schema, one per documented operation ("method path").
// First written from the answers the route handlers gave in the test suite (a field is nullable
// where its column is, see prisma/schema.prisma), and kept true by it:
// test/helpers/openapi-responses.ts validates every answer a test receives through `call` against
// the document (lib/openapi/spec.ts puts these schemas in it), so a body that drifts from its
// schema fails a test. Change a schema here together with the code that shapes that body.
import type { Json } from "./helpers.ts";

export const RESPONSE_SCHEMAS: Record<string, Json> = {
  "post /api/v1/customers": {
    type: "object",
    properties: {
      id: {
        type: "number",
      },
      name: {
        type: ["string", "null"],
      },
      slug: {
        type: "string",
      },
      description: {
        type: ["string", "null"],
      },
      contact: {
        type: ["string", "null"],
      },
      email: {
        type: ["string", "null"],
      },
      phone: {
        type: ["string", "null"],
      },
      address: {
        type: ["string", "null"],
      },
      color: {
        type: ["string", "null"],
      },
      isArchived: {
        type: "boolean",
      },
      currency: {
        type: ["string", "null"],
      },
      isFavorite: {
        type: "boolean",
      },
      role: {
        type: "string",
      },
      createdAt: {
        type: "string",
      },
    },
    required: [
      "id",
      "name",
      "slug",
      "description",
      "contact",
      "email",
      "phone",
      "address",
      "color",
      "isArchived",
      "currency",
      "isFavorite",
      "role",
      "createdAt",
    ],
  },
  "put /api/v1/customers/{slug}/favorite": {
    type: "object",
    properties: {
      slug: {
        type: "string",
      },
      isFavorite: {
        type: "boolean",
      },
    },
    required: ["slug", "isFavorite"],
  },
  "get /api/v1/customers": {
    type: "array",
    items: {
      type: "object",
      properties: {
        id: {
          type: "number",
        },
        name: {
          type: ["string", "null"],
        },
        slug: {
          type: "string",
        },
        description: {
          type: ["string", "null"],
        },
        contact: {
          type: ["string", "null"],
        },
        email: {
          type: ["string", "null"],
        },
        phone: {
          type: ["string", "null"],
        },
        address: {
          type: ["string", "null"],
        },
        color: {
          type: ["string", "null"],
        },
        isArchived: {
          type: "boolean",
        },
        currency: {
          type: ["string", "null"],
        },
        isFavorite: {
          type: "boolean",
        },
        role: {
          type: "string",
        },
        createdAt: {
          type: "string",
        },
        projectCount: {
          type: "number",
        },
      },
      required: [
        "id",
        "name",
        "slug",
        "description",
        "contact",
        "email",
        "phone",
        "address",
        "color",
        "isArchived",
        "currency",
        "isFavorite",
        "role",
        "createdAt",
        "projectCount",
      ],
    },
  },
  "get /api/v1/time-entries/targets": {
    type: "object",
    properties: {
      projects: {
        type: "array",
        items: {},
      },
      customers: {
        type: "array",
        items: {
          type: "object",
          properties: {
            id: {
              type: "number",
            },
            slug: {
              type: "string",
            },
            name: {
              type: ["string", "null"],
            },
            color: {
              type: ["string", "null"],
            },
            contracts: {
              type: "array",
              items: {},
            },
          },
          required: ["id", "slug", "name", "color", "contracts"],
        },
      },
    },
    required: ["projects", "customers"],
  },
  "patch /api/v1/customers/{slug}": {
    type: "object",
    properties: {
      id: {
        type: "number",
      },
      name: {
        type: ["string", "null"],
      },
      slug: {
        type: "string",
      },
      description: {
        type: ["string", "null"],
      },
      contact: {
        type: ["string", "null"],
      },
      email: {
        type: ["string", "null"],
      },
      phone: {
        type: ["string", "null"],
      },
      address: {
        type: ["string", "null"],
      },
      color: {
        type: ["string", "null"],
      },
      isArchived: {
        type: "boolean",
      },
      currency: {
        type: ["string", "null"],
      },
      isFavorite: {
        type: "boolean",
      },
      role: {
        type: "string",
      },
      createdAt: {
        type: "string",
      },
    },
    required: [
      "id",
      "name",
      "slug",
      "description",
      "contact",
      "email",
      "phone",
      "address",
      "color",
      "isArchived",
      "currency",
      "isFavorite",
      "role",
      "createdAt",
    ],
  },
  "get /api/v1/customers/{slug}": {
    type: "object",
    properties: {
      id: {
        type: "number",
      },
      name: {
        type: ["string", "null"],
      },
      slug: {
        type: "string",
      },
      description: {
        type: ["string", "null"],
      },
      contact: {
        type: ["string", "null"],
      },
      email: {
        type: ["string", "null"],
      },
      phone: {
        type: ["string", "null"],
      },
      address: {
        type: ["string", "null"],
      },
      color: {
        type: ["string", "null"],
      },
      isArchived: {
        type: "boolean",
      },
      currency: {
        type: ["string", "null"],
      },
      isFavorite: {
        type: "boolean",
      },
      role: {
        type: "string",
      },
      createdAt: {
        type: "string",
      },
    },
    required: [
      "id",
      "name",
      "slug",
      "description",
      "contact",
      "email",
      "phone",
      "address",
      "color",
      "isArchived",
      "currency",
      "isFavorite",
      "role",
      "createdAt",
    ],
  },
  "get /api/v1/customers/{slug}/access": {
    type: "object",
    properties: {
      people: {
        type: "array",
        items: {
          type: "object",
          properties: {
            id: {
              type: "number",
            },
            username: {
              type: "string",
            },
            hasAvatar: {
              type: "boolean",
            },
            isActive: {
              type: "boolean",
            },
            role: {
              type: "string",
            },
            directRole: {
              type: ["string", "null"],
            },
            groups: {
              type: "array",
              items: {
                type: "string",
              },
            },
          },
          required: ["id", "username", "hasAvatar", "isActive", "role", "directRole", "groups"],
        },
      },
      groups: {
        type: "array",
        items: {
          type: "object",
          properties: {
            id: {
              type: "number",
            },
            name: {
              type: ["string", "null"],
            },
            role: {
              type: "string",
            },
            memberCount: {
              type: "number",
            },
          },
          required: ["id", "name", "role", "memberCount"],
        },
      },
    },
    required: ["people", "groups"],
  },
  "post /api/v1/customers/{slug}/contracts": {
    type: "object",
    properties: {
      id: {
        type: "number",
      },
      customerId: {
        type: ["number", "null"],
      },
      name: {
        type: ["string", "null"],
      },
      description: {
        type: ["string", "null"],
      },
      startDate: {
        type: ["string", "null"],
      },
      endDate: {
        type: ["string", "null"],
      },
      status: {
        type: "string",
      },
      hours: {
        type: "number",
      },
      contractedMinutes: {
        type: "number",
      },
      usedMinutes: {
        type: "number",
      },
      remainingMinutes: {
        type: "number",
      },
      percentUsed: {
        type: "number",
      },
      level: {
        type: "string",
      },
      forecast: {
        anyOf: [
          {
            type: "object",
            properties: {
              windowMinutes: {
                type: "number",
              },
              windowDays: {
                type: "number",
              },
              minutesPerWeek: {
                type: "number",
              },
              runOutDate: {
                type: ["string", "null"],
              },
              runsOutBeforeEnd: {},
            },
            required: ["windowMinutes", "windowDays", "minutesPerWeek", "runOutDate", "runsOutBeforeEnd"],
          },
          {
            type: "null",
          },
        ],
      },
      recurrence: {
        type: "string",
      },
      budgetKind: {
        type: "string",
      },
      budgetMinor: {
        type: "number",
      },
      currency: {
        type: ["string", "null"],
      },
      carryOver: {
        type: "boolean",
      },
      alertThresholds: {
        type: "array",
        items: {
          type: "number",
        },
      },
      owners: {
        type: "array",
        items: {},
      },
      currentPeriod: {
        anyOf: [
          {
            type: "object",
            properties: {
              index: {
                type: "number",
              },
              start: {
                type: "string",
              },
              end: {
                type: ["string", "null"],
              },
              budget: {
                type: "number",
              },
              carriedIn: {
                type: "number",
              },
              available: {
                type: "number",
              },
              used: {
                type: "number",
              },
              percentUsed: {
                type: "number",
              },
              forecast: {},
            },
            required: ["index", "start", "end", "budget", "carriedIn", "available", "used", "percentUsed", "forecast"],
          },
          {
            type: "null",
          },
        ],
      },
    },
    required: [
      "id",
      "customerId",
      "name",
      "description",
      "startDate",
      "endDate",
      "status",
      "hours",
      "contractedMinutes",
      "usedMinutes",
      "remainingMinutes",
      "percentUsed",
      "level",
      "forecast",
      "recurrence",
      "budgetKind",
      "budgetMinor",
      "currency",
      "carryOver",
      "alertThresholds",
      "owners",
      "currentPeriod",
    ],
  },
  "patch /api/v1/customers/{slug}/contracts/{id}": {
    type: "object",
    properties: {
      id: {
        type: "number",
      },
      customerId: {
        type: ["number", "null"],
      },
      name: {
        type: ["string", "null"],
      },
      description: {
        type: ["string", "null"],
      },
      startDate: {
        type: ["string", "null"],
      },
      endDate: {
        type: ["string", "null"],
      },
      status: {
        type: "string",
      },
      hours: {
        type: "number",
      },
      contractedMinutes: {
        type: "number",
      },
      usedMinutes: {
        type: "number",
      },
      remainingMinutes: {
        type: "number",
      },
      percentUsed: {
        type: "number",
      },
      level: {
        type: "string",
      },
      forecast: {
        anyOf: [
          {
            type: "object",
            properties: {
              windowMinutes: {
                type: "number",
              },
              windowDays: {
                type: "number",
              },
              minutesPerWeek: {
                type: "number",
              },
              runOutDate: {
                type: ["string", "null"],
              },
              runsOutBeforeEnd: {},
            },
            required: ["windowMinutes", "windowDays", "minutesPerWeek", "runOutDate", "runsOutBeforeEnd"],
          },
          {
            type: "null",
          },
        ],
      },
      recurrence: {
        type: "string",
      },
      budgetKind: {
        type: "string",
      },
      budgetMinor: {
        type: "number",
      },
      currency: {
        type: ["string", "null"],
      },
      carryOver: {
        type: "boolean",
      },
      alertThresholds: {
        type: "array",
        items: {
          type: "number",
        },
      },
      owners: {
        type: "array",
        items: {},
      },
      currentPeriod: {
        anyOf: [
          {
            type: "object",
            properties: {
              index: {
                type: "number",
              },
              start: {
                type: "string",
              },
              end: {
                type: ["string", "null"],
              },
              budget: {
                type: "number",
              },
              carriedIn: {
                type: "number",
              },
              available: {
                type: "number",
              },
              used: {
                type: "number",
              },
              percentUsed: {
                type: "number",
              },
              forecast: {},
            },
            required: ["index", "start", "end", "budget", "carriedIn", "available", "used", "percentUsed", "forecast"],
          },
          {
            type: "null",
          },
        ],
      },
    },
    required: [
      "id",
      "customerId",
      "name",
      "description",
      "startDate",
      "endDate",
      "status",
      "hours",
      "contractedMinutes",
      "usedMinutes",
      "remainingMinutes",
      "percentUsed",
      "level",
      "forecast",
      "recurrence",
      "budgetKind",
      "budgetMinor",
      "currency",
      "carryOver",
      "alertThresholds",
      "owners",
      "currentPeriod",
    ],
  },
  "get /api/v1/customers/{slug}/contracts": {
    type: "array",
    items: {
      type: "object",
      properties: {
        id: {
          type: "number",
        },
        customerId: {
          type: ["number", "null"],
        },
        name: {
          type: ["string", "null"],
        },
        description: {
          type: ["string", "null"],
        },
        startDate: {
          type: ["string", "null"],
        },
        endDate: {
          type: ["string", "null"],
        },
        status: {
          type: "string",
        },
        hours: {
          type: "number",
        },
        contractedMinutes: {
          type: "number",
        },
        usedMinutes: {
          type: "number",
        },
        remainingMinutes: {
          type: "number",
        },
        percentUsed: {
          type: "number",
        },
        level: {
          type: "string",
        },
        forecast: {
          anyOf: [
            {
              type: "object",
              properties: {
                windowMinutes: {
                  type: "number",
                },
                windowDays: {
                  type: "number",
                },
                minutesPerWeek: {
                  type: "number",
                },
                runOutDate: {
                  type: ["string", "null"],
                },
                runsOutBeforeEnd: {},
              },
              required: ["windowMinutes", "windowDays", "minutesPerWeek", "runOutDate", "runsOutBeforeEnd"],
            },
            {
              type: "null",
            },
          ],
        },
        recurrence: {
          type: "string",
        },
        budgetKind: {
          type: "string",
        },
        budgetMinor: {
          type: "number",
        },
        currency: {
          type: ["string", "null"],
        },
        carryOver: {
          type: "boolean",
        },
        alertThresholds: {
          type: "array",
          items: {
            type: "number",
          },
        },
        owners: {
          type: "array",
          items: {},
        },
        currentPeriod: {
          anyOf: [
            {
              type: "object",
              properties: {
                index: {
                  type: "number",
                },
                start: {
                  type: "string",
                },
                end: {
                  type: ["string", "null"],
                },
                budget: {
                  type: "number",
                },
                carriedIn: {
                  type: "number",
                },
                available: {
                  type: "number",
                },
                used: {
                  type: "number",
                },
                percentUsed: {
                  type: "number",
                },
                forecast: {},
              },
              required: ["index", "start", "end", "budget", "carriedIn", "available", "used", "percentUsed", "forecast"],
            },
            {
              type: "null",
            },
          ],
        },
      },
      required: [
        "id",
        "customerId",
        "name",
        "description",
        "startDate",
        "endDate",
        "status",
        "hours",
        "contractedMinutes",
        "usedMinutes",
        "remainingMinutes",
        "percentUsed",
        "level",
        "forecast",
        "recurrence",
        "budgetKind",
        "budgetMinor",
        "currency",
        "carryOver",
        "alertThresholds",
        "owners",
        "currentPeriod",
      ],
    },
  },
  "post /api/v1/projects": {
    type: "object",
    properties: {
      id: {
        type: "number",
      },
      name: {
        type: ["string", "null"],
      },
      slug: {
        type: "string",
      },
      key: {
        type: "string",
      },
      description: {
        type: ["string", "null"],
      },
      type: {
        type: "string",
      },
      color: {
        type: ["string", "null"],
      },
      isArchived: {
        type: "boolean",
      },
      cardCounter: {
        type: "number",
      },
      customer: {
        anyOf: [
          {
            type: "object",
            properties: {
              id: {
                type: "number",
              },
              name: {
                type: ["string", "null"],
              },
              slug: {
                type: "string",
              },
            },
            required: ["id", "name", "slug"],
          },
          {
            type: "null",
          },
        ],
      },
      billableDefault: {
        type: "boolean",
      },
      createdAt: {
        type: "string",
      },
    },
    required: [
      "id",
      "name",
      "slug",
      "key",
      "description",
      "type",
      "color",
      "isArchived",
      "cardCounter",
      "customer",
      "billableDefault",
      "createdAt",
    ],
  },
  "post /api/v1/time-entries": {
    type: "object",
    properties: {
      id: {
        type: "number",
      },
      date: {
        type: "string",
      },
      minutes: {
        type: "number",
      },
      description: {
        type: ["string", "null"],
      },
      user: {
        anyOf: [
          {
            type: "object",
            properties: {
              id: {
                type: "number",
              },
              username: {
                type: "string",
              },
            },
            required: ["id", "username"],
          },
          {
            type: "null",
          },
        ],
      },
      customer: {
        anyOf: [
          {
            type: "object",
            properties: {
              id: {
                type: "number",
              },
              slug: {
                type: "string",
              },
              name: {
                type: ["string", "null"],
              },
              color: {
                type: ["string", "null"],
              },
            },
            required: ["id", "slug", "name", "color"],
          },
          {
            type: "null",
          },
        ],
      },
      project: {
        anyOf: [
          {
            type: "object",
            properties: {
              id: {
                type: "number",
              },
              slug: {
                type: "string",
              },
              key: {
                type: "string",
              },
              name: {
                type: ["string", "null"],
              },
              color: {
                type: ["string", "null"],
              },
            },
            required: ["id", "slug", "key", "name", "color"],
          },
          {
            type: "null",
          },
        ],
      },
      card: {
        anyOf: [
          {
            type: "object",
            properties: {
              key: {
                type: "string",
              },
              title: {
                type: ["string", "null"],
              },
            },
            required: ["key", "title"],
          },
          {
            type: "null",
          },
        ],
      },
      contract: {
        anyOf: [
          {
            type: "object",
            properties: {
              id: {
                type: "number",
              },
              name: {
                type: ["string", "null"],
              },
            },
            required: ["id", "name"],
          },
          {
            type: "null",
          },
        ],
      },
      billable: {
        type: ["boolean", "null"],
      },
      rateMinor: {
        type: ["number", "null"],
      },
      currency: {
        type: ["string", "null"],
      },
      amountMinor: {
        type: "number",
      },
      invoiceId: {},
      locked: {
        type: "boolean",
      },
      createdAt: {
        type: "string",
      },
      updatedAt: {
        type: "string",
      },
    },
    required: [
      "id",
      "date",
      "minutes",
      "description",
      "user",
      "customer",
      "project",
      "card",
      "contract",
      "billable",
      "rateMinor",
      "currency",
      "amountMinor",
      "invoiceId",
      "locked",
      "createdAt",
      "updatedAt",
    ],
  },
  "get /api/v1/customers/{slug}/contracts/{id}": {
    type: "object",
    properties: {
      id: {
        type: "number",
      },
      customerId: {
        type: ["number", "null"],
      },
      name: {
        type: ["string", "null"],
      },
      description: {
        type: ["string", "null"],
      },
      startDate: {
        type: ["string", "null"],
      },
      endDate: {
        type: ["string", "null"],
      },
      status: {
        type: "string",
      },
      hours: {
        type: "number",
      },
      contractedMinutes: {
        type: "number",
      },
      usedMinutes: {
        type: "number",
      },
      remainingMinutes: {
        type: "number",
      },
      percentUsed: {
        type: "number",
      },
      level: {
        type: "string",
      },
      forecast: {
        anyOf: [
          {
            type: "object",
            properties: {
              windowMinutes: {
                type: "number",
              },
              windowDays: {
                type: "number",
              },
              minutesPerWeek: {
                type: "number",
              },
              runOutDate: {
                type: ["string", "null"],
              },
              runsOutBeforeEnd: {},
            },
            required: ["windowMinutes", "windowDays", "minutesPerWeek", "runOutDate", "runsOutBeforeEnd"],
          },
          {
            type: "null",
          },
        ],
      },
      recurrence: {
        type: "string",
      },
      budgetKind: {
        type: "string",
      },
      budgetMinor: {
        type: "number",
      },
      currency: {
        type: ["string", "null"],
      },
      carryOver: {
        type: "boolean",
      },
      alertThresholds: {
        type: "array",
        items: {
          type: "number",
        },
      },
      owners: {
        type: "array",
        items: {},
      },
      currentPeriod: {
        anyOf: [
          {
            type: "object",
            properties: {
              index: {
                type: "number",
              },
              start: {
                type: "string",
              },
              end: {
                type: ["string", "null"],
              },
              budget: {
                type: "number",
              },
              carriedIn: {
                type: "number",
              },
              available: {
                type: "number",
              },
              used: {
                type: "number",
              },
              percentUsed: {
                type: "number",
              },
              forecast: {},
            },
            required: ["index", "start", "end", "budget", "carriedIn", "available", "used", "percentUsed", "forecast"],
          },
          {
            type: "null",
          },
        ],
      },
    },
    required: [
      "id",
      "customerId",
      "name",
      "description",
      "startDate",
      "endDate",
      "status",
      "hours",
      "contractedMinutes",
      "usedMinutes",
      "remainingMinutes",
      "percentUsed",
      "level",
      "forecast",
      "recurrence",
      "budgetKind",
      "budgetMinor",
      "currency",
      "carryOver",
      "alertThresholds",
      "owners",
      "currentPeriod",
    ],
  },
  "get /api/v1/reports/time": {
    type: "object",
    properties: {
      from: {
        type: "string",
      },
      to: {
        type: "string",
      },
      filters: {
        anyOf: [
          {
            type: "object",
            properties: {
              user: {
                type: ["string", "null"],
              },
              customer: {},
              project: {},
              contract: {
                type: ["number", "null"],
              },
              billable: {
                type: ["boolean", "null"],
              },
            },
            required: ["user", "customer", "project", "contract", "billable"],
          },
          {
            type: "null",
          },
        ],
      },
      groupBy: {
        type: "array",
        items: {
          type: "string",
        },
      },
      total: {
        anyOf: [
          {
            type: "object",
            properties: {
              minutes: {
                type: "number",
              },
              entries: {
                type: "number",
              },
              billableMinutes: {
                type: "number",
              },
              nonBillableMinutes: {
                type: "number",
              },
              amounts: {
                anyOf: [
                  {
                    type: "object",
                    properties: {
                      EUR: {
                        type: "number",
                      },
                    },
                  },
                  {
                    type: "null",
                  },
                ],
              },
            },
            required: ["minutes", "entries", "billableMinutes", "nonBillableMinutes", "amounts"],
          },
          {
            type: "null",
          },
        ],
      },
      groups: {
        type: "array",
        items: {
          type: "object",
          properties: {
            key: {
              type: "object",
              description: "One field per groupBy dimension",
            },
            minutes: {
              type: "number",
            },
            entries: {
              type: "number",
            },
            billableMinutes: {
              type: "number",
            },
            nonBillableMinutes: {
              type: "number",
            },
            amounts: {
              anyOf: [
                {
                  type: "object",
                  properties: {
                    EUR: {
                      type: "number",
                    },
                  },
                  required: ["EUR"],
                },
                {
                  type: "null",
                },
              ],
            },
          },
          required: ["key", "minutes", "entries", "billableMinutes", "nonBillableMinutes", "amounts"],
        },
      },
      weeks: {
        type: "array",
        items: {
          type: "object",
          properties: {
            week: {
              type: "string",
            },
            start: {
              type: "string",
            },
            minutes: {
              type: "number",
            },
            byUser: {
              anyOf: [
                {
                  type: "object",
                  additionalProperties: {
                    type: "number",
                  },
                },
                {
                  type: "null",
                },
              ],
            },
            byProject: {
              anyOf: [
                {
                  type: "object",
                  additionalProperties: {
                    type: "number",
                  },
                },
                {
                  type: "null",
                },
              ],
            },
          },
          required: ["week", "start", "minutes", "byUser", "byProject"],
        },
      },
      users: {
        type: "array",
        items: {
          type: "object",
          properties: {
            id: {
              type: "number",
            },
            name: {
              type: ["string", "null"],
            },
          },
          required: ["id", "name"],
        },
      },
      projects: {
        type: "array",
        items: {
          type: "object",
          properties: {
            id: {
              type: "number",
            },
            name: {
              type: ["string", "null"],
            },
            key: {
              type: "string",
            },
            color: {
              type: ["string", "null"],
            },
          },
          required: ["id", "name", "key", "color"],
        },
      },
    },
    required: ["from", "to", "filters", "groupBy", "total", "groups", "weeks", "users", "projects"],
  },
  "delete /api/v1/time-entries/{id}": {},
  "get /api/v1/time-entries": {
    type: "object",
    properties: {
      entries: {
        type: "array",
        items: {},
      },
      totalMinutes: {
        type: "number",
      },
      truncated: {
        type: "boolean",
      },
    },
    required: ["entries", "totalMinutes", "truncated"],
  },
  "get /api/v1/time-entries/{id}": {
    type: "object",
    properties: {
      id: {
        type: "number",
      },
      date: {
        type: "string",
      },
      minutes: {
        type: "number",
      },
      description: {
        type: ["string", "null"],
      },
      user: {
        anyOf: [
          {
            type: "object",
            properties: {
              id: {
                type: "number",
              },
              username: {
                type: "string",
              },
            },
            required: ["id", "username"],
          },
          {
            type: "null",
          },
        ],
      },
      customer: {
        type: ["object", "null"],
        properties: {
          id: {
            type: "number",
          },
          slug: {
            type: "string",
          },
          name: {
            type: ["string", "null"],
          },
          color: {
            type: ["string", "null"],
          },
        },
        required: ["id", "slug", "name", "color"],
      },
      project: {},
      card: {},
      contract: {
        type: ["object", "null"],
        properties: {
          id: {
            type: "number",
          },
          name: {
            type: ["string", "null"],
          },
        },
        required: ["id", "name"],
      },
      billable: {
        type: ["boolean", "null"],
      },
      rateMinor: {
        type: ["number", "null"],
      },
      currency: {
        type: ["string", "null"],
      },
      amountMinor: {
        type: "number",
      },
      invoiceId: {},
      locked: {
        type: "boolean",
      },
      createdAt: {
        type: "string",
      },
      updatedAt: {
        type: "string",
      },
    },
    required: [
      "id",
      "date",
      "minutes",
      "description",
      "user",
      "customer",
      "project",
      "card",
      "contract",
      "billable",
      "rateMinor",
      "currency",
      "amountMinor",
      "invoiceId",
      "locked",
      "createdAt",
      "updatedAt",
    ],
  },
  "put /api/v1/customers/{slug}/access/{username}": {
    type: "object",
    properties: {
      username: {
        type: "string",
      },
      role: {
        type: "string",
      },
    },
    required: ["username", "role"],
  },
  "patch /api/v1/time-entries/{id}": {
    type: "object",
    properties: {
      id: {
        type: "number",
      },
      date: {
        type: "string",
      },
      minutes: {
        type: "number",
      },
      description: {
        type: ["string", "null"],
      },
      user: {
        anyOf: [
          {
            type: "object",
            properties: {
              id: {
                type: "number",
              },
              username: {
                type: "string",
              },
            },
            required: ["id", "username"],
          },
          {
            type: "null",
          },
        ],
      },
      customer: {
        type: ["object", "null"],
        properties: {
          id: {
            type: "number",
          },
          slug: {
            type: "string",
          },
          name: {
            type: ["string", "null"],
          },
          color: {
            type: ["string", "null"],
          },
        },
        required: ["id", "slug", "name", "color"],
      },
      project: {
        anyOf: [
          {
            type: "object",
            properties: {
              id: {
                type: "number",
              },
              slug: {
                type: "string",
              },
              key: {
                type: "string",
              },
              name: {
                type: ["string", "null"],
              },
              color: {
                type: ["string", "null"],
              },
            },
            required: ["id", "slug", "key", "name", "color"],
          },
          {
            type: "null",
          },
        ],
      },
      card: {},
      contract: {
        anyOf: [
          {
            type: "object",
            properties: {
              id: {
                type: "number",
              },
              name: {
                type: ["string", "null"],
              },
            },
            required: ["id", "name"],
          },
          {
            type: "null",
          },
        ],
      },
      billable: {
        type: ["boolean", "null"],
      },
      rateMinor: {
        type: ["number", "null"],
      },
      currency: {
        type: ["string", "null"],
      },
      amountMinor: {
        type: "number",
      },
      invoiceId: {},
      locked: {
        type: "boolean",
      },
      createdAt: {
        type: "string",
      },
      updatedAt: {
        type: "string",
      },
    },
    required: [
      "id",
      "date",
      "minutes",
      "description",
      "user",
      "customer",
      "project",
      "card",
      "contract",
      "billable",
      "rateMinor",
      "currency",
      "amountMinor",
      "invoiceId",
      "locked",
      "createdAt",
      "updatedAt",
    ],
  },
  "put /api/v1/time-entries/cell": {
    type: "object",
    properties: {
      date: {
        type: "string",
      },
      minutes: {
        type: "number",
      },
      entries: {
        type: "array",
        items: {
          type: "object",
          properties: {
            id: {
              type: "number",
            },
            date: {
              type: "string",
            },
            minutes: {
              type: "number",
            },
            description: {
              type: ["string", "null"],
            },
            user: {
              anyOf: [
                {
                  type: "object",
                  properties: {
                    id: {
                      type: "number",
                    },
                    username: {
                      type: "string",
                    },
                  },
                  required: ["id", "username"],
                },
                {
                  type: "null",
                },
              ],
            },
            customer: {
              type: ["object", "null"],
              properties: {
                id: {
                  type: "number",
                },
                slug: {
                  type: "string",
                },
                name: {
                  type: ["string", "null"],
                },
                color: {
                  type: ["string", "null"],
                },
              },
              required: ["id", "slug", "name", "color"],
            },
            project: {
              anyOf: [
                {
                  type: "object",
                  properties: {
                    id: {
                      type: "number",
                    },
                    slug: {
                      type: "string",
                    },
                    key: {
                      type: "string",
                    },
                    name: {
                      type: ["string", "null"],
                    },
                    color: {
                      type: ["string", "null"],
                    },
                  },
                  required: ["id", "slug", "key", "name", "color"],
                },
                {
                  type: "null",
                },
              ],
            },
            card: {
              anyOf: [
                {
                  type: "object",
                  properties: {
                    key: {
                      type: "string",
                    },
                    title: {
                      type: ["string", "null"],
                    },
                  },
                  required: ["key", "title"],
                },
                {
                  type: "null",
                },
              ],
            },
            contract: {
              type: ["object", "null"],
              properties: {
                id: {
                  type: "number",
                },
                name: {
                  type: ["string", "null"],
                },
              },
              required: ["id", "name"],
            },
            billable: {
              type: ["boolean", "null"],
            },
            rateMinor: {
              type: ["number", "null"],
            },
            currency: {
              type: ["string", "null"],
            },
            amountMinor: {
              type: "number",
            },
            invoiceId: {},
            locked: {
              type: "boolean",
            },
            createdAt: {
              type: "string",
            },
            updatedAt: {
              type: "string",
            },
          },
          required: [
            "id",
            "date",
            "minutes",
            "description",
            "user",
            "customer",
            "project",
            "card",
            "contract",
            "billable",
            "rateMinor",
            "currency",
            "amountMinor",
            "invoiceId",
            "locked",
            "createdAt",
            "updatedAt",
          ],
        },
      },
      deleted: {
        type: "array",
        items: {},
      },
    },
    required: ["date", "minutes", "entries", "deleted"],
  },
  "delete /api/v1/customers/{slug}/contracts/{id}": {},
  "get /api/v1/time-entries/week": {
    type: "object",
    properties: {
      user: {
        anyOf: [
          {
            type: "object",
            properties: {
              id: {
                type: "number",
              },
              username: {
                type: "string",
              },
            },
            required: ["id", "username"],
          },
          {
            type: "null",
          },
        ],
      },
      start: {
        type: "string",
      },
      end: {
        type: ["string", "null"],
      },
      canEdit: {
        type: "boolean",
      },
      lockCutoff: {},
      entries: {
        type: "array",
        items: {},
      },
      previousRows: {
        type: "array",
        items: {},
      },
    },
    required: ["user", "start", "end", "canEdit", "lockCutoff", "entries", "previousRows"],
  },
  "get /api/v1/timer": {
    type: "object",
    properties: {
      timer: {},
      now: {
        type: "string",
      },
    },
    required: ["timer", "now"],
  },
  "post /api/v1/timer/start": {
    type: "object",
    properties: {
      timer: {
        anyOf: [
          {
            type: "object",
            properties: {
              startedAt: {
                type: ["string", "null"],
              },
              date: {
                type: "string",
              },
              description: {
                type: ["string", "null"],
              },
              customer: {
                anyOf: [
                  {
                    type: "object",
                    properties: {
                      id: {
                        type: "number",
                      },
                      slug: {
                        type: "string",
                      },
                      name: {
                        type: ["string", "null"],
                      },
                      color: {
                        type: ["string", "null"],
                      },
                    },
                    required: ["id", "slug", "name", "color"],
                  },
                  {
                    type: "null",
                  },
                ],
              },
              project: {
                anyOf: [
                  {
                    type: "object",
                    properties: {
                      id: {
                        type: "number",
                      },
                      slug: {
                        type: "string",
                      },
                      key: {
                        type: "string",
                      },
                      name: {
                        type: ["string", "null"],
                      },
                      color: {
                        type: ["string", "null"],
                      },
                    },
                    required: ["id", "slug", "key", "name", "color"],
                  },
                  {
                    type: "null",
                  },
                ],
              },
              card: {
                anyOf: [
                  {
                    type: "object",
                    properties: {
                      key: {
                        type: "string",
                      },
                      title: {
                        type: ["string", "null"],
                      },
                    },
                    required: ["key", "title"],
                  },
                  {
                    type: "null",
                  },
                ],
              },
              contract: {
                anyOf: [
                  {
                    type: "object",
                    properties: {
                      id: {
                        type: "number",
                      },
                      name: {
                        type: ["string", "null"],
                      },
                    },
                    required: ["id", "name"],
                  },
                  {
                    type: "null",
                  },
                ],
              },
            },
            required: ["startedAt", "date", "description", "customer", "project", "card", "contract"],
          },
          {
            type: "null",
          },
        ],
      },
      stopped: {
        anyOf: [
          {
            type: "object",
            properties: {
              id: {
                type: "number",
              },
              date: {
                type: "string",
              },
              minutes: {
                type: "number",
              },
              description: {
                type: ["string", "null"],
              },
              user: {
                anyOf: [
                  {
                    type: "object",
                    properties: {
                      id: {
                        type: "number",
                      },
                      username: {
                        type: "string",
                      },
                    },
                    required: ["id", "username"],
                  },
                  {
                    type: "null",
                  },
                ],
              },
              customer: {
                type: ["object", "null"],
                properties: {
                  id: {
                    type: "number",
                  },
                  slug: {
                    type: "string",
                  },
                  name: {
                    type: ["string", "null"],
                  },
                  color: {
                    type: ["string", "null"],
                  },
                },
                required: ["id", "slug", "name", "color"],
              },
              project: {
                anyOf: [
                  {
                    type: "object",
                    properties: {
                      id: {
                        type: "number",
                      },
                      slug: {
                        type: "string",
                      },
                      key: {
                        type: "string",
                      },
                      name: {
                        type: ["string", "null"],
                      },
                      color: {
                        type: ["string", "null"],
                      },
                    },
                    required: ["id", "slug", "key", "name", "color"],
                  },
                  {
                    type: "null",
                  },
                ],
              },
              card: {
                type: ["object", "null"],
                properties: {
                  key: {
                    type: "string",
                  },
                  title: {
                    type: ["string", "null"],
                  },
                },
                required: ["key", "title"],
              },
              contract: {
                type: ["object", "null"],
                properties: {
                  id: {
                    type: "number",
                  },
                  name: {
                    type: ["string", "null"],
                  },
                },
                required: ["id", "name"],
              },
              billable: {
                type: ["boolean", "null"],
              },
              rateMinor: {
                type: ["number", "null"],
              },
              currency: {
                type: ["string", "null"],
              },
              amountMinor: {
                type: "number",
              },
              invoiceId: {},
              locked: {
                type: "boolean",
              },
              createdAt: {
                type: "string",
              },
              updatedAt: {
                type: "string",
              },
            },
            required: [
              "id",
              "date",
              "minutes",
              "description",
              "user",
              "customer",
              "project",
              "card",
              "contract",
              "billable",
              "rateMinor",
              "currency",
              "amountMinor",
              "invoiceId",
              "locked",
              "createdAt",
              "updatedAt",
            ],
          },
          {
            type: "null",
          },
        ],
      },
    },
    required: ["timer", "stopped"],
  },
  "patch /api/v1/timer": {
    type: "object",
    properties: {
      timer: {
        anyOf: [
          {
            type: "object",
            properties: {
              startedAt: {
                type: ["string", "null"],
              },
              date: {
                type: "string",
              },
              description: {
                type: ["string", "null"],
              },
              customer: {
                type: ["object", "null"],
                properties: {
                  id: {
                    type: "number",
                  },
                  slug: {
                    type: "string",
                  },
                  name: {
                    type: ["string", "null"],
                  },
                  color: {
                    type: ["string", "null"],
                  },
                },
                required: ["id", "slug", "name", "color"],
              },
              project: {
                anyOf: [
                  {
                    type: "object",
                    properties: {
                      id: {
                        type: "number",
                      },
                      slug: {
                        type: "string",
                      },
                      key: {
                        type: "string",
                      },
                      name: {
                        type: ["string", "null"],
                      },
                      color: {
                        type: ["string", "null"],
                      },
                    },
                    required: ["id", "slug", "key", "name", "color"],
                  },
                  {
                    type: "null",
                  },
                ],
              },
              card: {
                type: ["object", "null"],
                properties: {
                  key: {
                    type: "string",
                  },
                  title: {
                    type: ["string", "null"],
                  },
                },
                required: ["key", "title"],
              },
              contract: {
                type: ["object", "null"],
                properties: {
                  id: {
                    type: "number",
                  },
                  name: {
                    type: ["string", "null"],
                  },
                },
                required: ["id", "name"],
              },
            },
            required: ["startedAt", "date", "description", "customer", "project", "card", "contract"],
          },
          {
            type: "null",
          },
        ],
      },
    },
    required: ["timer"],
  },
  "post /api/v1/timer/stop": {
    type: "object",
    properties: {
      id: {
        type: "number",
      },
      date: {
        type: "string",
      },
      minutes: {
        type: "number",
      },
      description: {
        type: ["string", "null"],
      },
      user: {
        anyOf: [
          {
            type: "object",
            properties: {
              id: {
                type: "number",
              },
              username: {
                type: "string",
              },
            },
            required: ["id", "username"],
          },
          {
            type: "null",
          },
        ],
      },
      customer: {
        anyOf: [
          {
            type: "object",
            properties: {
              id: {
                type: "number",
              },
              slug: {
                type: "string",
              },
              name: {
                type: ["string", "null"],
              },
              color: {
                type: ["string", "null"],
              },
            },
            required: ["id", "slug", "name", "color"],
          },
          {
            type: "null",
          },
        ],
      },
      project: {},
      card: {},
      contract: {
        anyOf: [
          {
            type: "object",
            properties: {
              id: {
                type: "number",
              },
              name: {
                type: ["string", "null"],
              },
            },
            required: ["id", "name"],
          },
          {
            type: "null",
          },
        ],
      },
      billable: {
        type: ["boolean", "null"],
      },
      rateMinor: {
        type: ["number", "null"],
      },
      currency: {
        type: ["string", "null"],
      },
      amountMinor: {
        type: "number",
      },
      invoiceId: {},
      locked: {
        type: "boolean",
      },
      createdAt: {
        type: "string",
      },
      updatedAt: {
        type: "string",
      },
    },
    required: [
      "id",
      "date",
      "minutes",
      "description",
      "user",
      "customer",
      "project",
      "card",
      "contract",
      "billable",
      "rateMinor",
      "currency",
      "amountMinor",
      "invoiceId",
      "locked",
      "createdAt",
      "updatedAt",
    ],
  },
  "delete /api/v1/timer": {},
  "post /api/v1/customers/{slug}/archive": {
    type: "object",
    properties: {
      id: {
        type: "number",
      },
      name: {
        type: ["string", "null"],
      },
      slug: {
        type: "string",
      },
      description: {
        type: ["string", "null"],
      },
      contact: {
        type: ["string", "null"],
      },
      email: {
        type: ["string", "null"],
      },
      phone: {
        type: ["string", "null"],
      },
      address: {
        type: ["string", "null"],
      },
      color: {
        type: ["string", "null"],
      },
      isArchived: {
        type: "boolean",
      },
      currency: {
        type: ["string", "null"],
      },
      isFavorite: {
        type: "boolean",
      },
      role: {
        type: "string",
      },
      createdAt: {
        type: "string",
      },
    },
    required: [
      "id",
      "name",
      "slug",
      "description",
      "contact",
      "email",
      "phone",
      "address",
      "color",
      "isArchived",
      "currency",
      "isFavorite",
      "role",
      "createdAt",
    ],
  },
  "post /api/v1/customers/{slug}/restore": {
    type: "object",
    properties: {
      id: {
        type: "number",
      },
      name: {
        type: ["string", "null"],
      },
      slug: {
        type: "string",
      },
      description: {
        type: ["string", "null"],
      },
      contact: {
        type: ["string", "null"],
      },
      email: {
        type: ["string", "null"],
      },
      phone: {
        type: ["string", "null"],
      },
      address: {
        type: ["string", "null"],
      },
      color: {
        type: ["string", "null"],
      },
      isArchived: {
        type: "boolean",
      },
      currency: {
        type: ["string", "null"],
      },
      isFavorite: {
        type: "boolean",
      },
      role: {
        type: "string",
      },
      createdAt: {
        type: "string",
      },
    },
    required: [
      "id",
      "name",
      "slug",
      "description",
      "contact",
      "email",
      "phone",
      "address",
      "color",
      "isArchived",
      "currency",
      "isFavorite",
      "role",
      "createdAt",
    ],
  },
  "get /api/v1/projects/{slug}/cards/{key}": {
    type: "object",
    properties: {
      id: {
        type: "number",
      },
      card: {
        type: ["object", "null"],
        properties: {
          id: {
            type: "number",
          },
          key: {
            type: "string",
          },
          number: {
            type: "number",
          },
          title: {
            type: ["string", "null"],
          },
          description: {
            type: ["string", "null"],
          },
          columnId: {
            type: "number",
          },
          position: {
            type: "number",
          },
          priority: {
            type: "string",
          },
          type: {
            type: "string",
          },
          dueDate: {},
          estimateHours: {
            type: "number",
          },
          storyPoints: {
            type: "number",
          },
          parentKey: {},
          version: {
            type: "number",
          },
          rank: {
            type: "number",
          },
          sprintId: {
            type: ["number", "null"],
          },
          assignees: {
            type: "array",
            items: {},
          },
          labels: {
            type: "array",
            items: {},
          },
          links: {
            type: "array",
            items: {},
          },
          commentCount: {
            type: "number",
          },
          createdAt: {
            type: "string",
          },
          updatedAt: {
            type: "string",
          },
          deletedAt: {
            type: ["string", "null"],
          },
          checklist: {
            anyOf: [
              {
                type: "object",
                properties: {
                  done: {
                    type: "number",
                  },
                  total: {
                    type: "number",
                  },
                },
                required: ["done", "total"],
              },
              {
                type: "null",
              },
            ],
          },
        },
        required: [
          "id",
          "key",
          "number",
          "title",
          "description",
          "columnId",
          "position",
          "priority",
          "type",
          "dueDate",
          "estimateHours",
          "storyPoints",
          "parentKey",
          "version",
          "rank",
          "sprintId",
          "assignees",
          "labels",
          "links",
          "commentCount",
          "createdAt",
          "updatedAt",
          "deletedAt",
          "checklist",
        ],
      },
      project: {
        anyOf: [
          {
            type: "object",
            properties: {
              id: {
                type: "number",
              },
              slug: {
                type: "string",
              },
              key: {
                type: "string",
              },
              name: {
                type: ["string", "null"],
              },
              type: {
                type: "string",
              },
              isArchived: {
                type: "boolean",
              },
            },
            required: ["id", "slug", "key", "name", "type", "isArchived"],
          },
          {
            type: "null",
          },
        ],
      },
      key: {
        type: "string",
      },
      role: {
        type: "string",
      },
      number: {
        type: "number",
      },
      canEdit: {
        type: "boolean",
      },
      title: {
        type: ["string", "null"],
      },
      checklistItems: {
        type: "array",
        items: {
          type: "object",
          properties: {
            id: {
              type: "number",
            },
            text: {
              type: "string",
            },
            done: {
              type: "boolean",
            },
            position: {
              type: "number",
            },
          },
          required: ["id", "text", "done", "position"],
        },
      },
      description: {
        type: ["string", "null"],
      },
      parent: {},
      columnId: {
        type: "number",
      },
      children: {
        type: "array",
        items: {},
      },
      position: {
        type: "number",
      },
      childProgress: {
        anyOf: [
          {
            type: "object",
            properties: {
              done: {
                type: "number",
              },
              total: {
                type: "number",
              },
            },
            required: ["done", "total"],
          },
          {
            type: "null",
          },
        ],
      },
      priority: {
        type: "string",
      },
      references: {
        type: "array",
        items: {},
      },
      type: {
        type: "string",
      },
      dueDate: {},
      columns: {
        type: "array",
        items: {
          type: "object",
          properties: {
            id: {
              type: "number",
            },
            name: {
              type: ["string", "null"],
            },
          },
          required: ["id", "name"],
        },
      },
      people: {
        type: "array",
        items: {
          type: "object",
          properties: {
            id: {
              type: "number",
            },
            username: {
              type: "string",
            },
          },
          required: ["id", "username"],
        },
      },
      estimateHours: {
        type: "number",
      },
      storyPoints: {
        type: "number",
      },
      sprint: {},
      parentKey: {},
      version: {
        type: "number",
      },
      rank: {
        type: "number",
      },
      sprintId: {
        type: ["number", "null"],
      },
      assignees: {
        type: "array",
        items: {},
      },
      labels: {
        type: "array",
        items: {},
      },
      links: {
        type: "array",
        items: {},
      },
      commentCount: {
        type: "number",
      },
      checklist: {
        anyOf: [
          {
            type: "object",
            properties: {
              done: {
                type: "number",
              },
              total: {
                type: "number",
              },
            },
            required: ["done", "total"],
          },
          {
            type: "null",
          },
        ],
      },
      createdAt: {
        type: "string",
      },
      updatedAt: {
        type: "string",
      },
    },
  },
  "patch /api/v1/projects/{slug}/cards/{key}": {
    type: "object",
    properties: {
      id: {
        type: "number",
      },
      key: {
        type: "string",
      },
      number: {
        type: "number",
      },
      title: {
        type: ["string", "null"],
      },
      description: {
        type: ["string", "null"],
      },
      columnId: {
        type: "number",
      },
      position: {
        type: "number",
      },
      priority: {
        type: "string",
      },
      type: {
        type: "string",
      },
      dueDate: {},
      estimateHours: {
        type: "number",
      },
      storyPoints: {
        type: "number",
      },
      parentKey: {},
      version: {
        type: "number",
      },
      rank: {
        type: "number",
      },
      sprintId: {
        type: ["number", "null"],
      },
      assignees: {
        type: "array",
        items: {},
      },
      labels: {
        type: "array",
        items: {},
      },
      links: {
        type: "array",
        items: {},
      },
      commentCount: {
        type: "number",
      },
      checklist: {
        anyOf: [
          {
            type: "object",
            properties: {
              done: {
                type: "number",
              },
              total: {
                type: "number",
              },
            },
            required: ["done", "total"],
          },
          {
            type: "null",
          },
        ],
      },
      createdAt: {
        type: "string",
      },
      updatedAt: {
        type: "string",
      },
    },
    required: [
      "id",
      "key",
      "number",
      "title",
      "description",
      "columnId",
      "position",
      "priority",
      "type",
      "dueDate",
      "estimateHours",
      "storyPoints",
      "parentKey",
      "version",
      "rank",
      "sprintId",
      "assignees",
      "labels",
      "links",
      "commentCount",
      "checklist",
      "createdAt",
      "updatedAt",
    ],
  },
  "get /api/v1/projects/{slug}/cards/{key}/history": {
    type: "array",
    items: {
      type: "object",
      properties: {
        id: {
          type: "number",
        },
        field: {
          type: "string",
        },
        oldValue: {
          type: ["string", "null"],
        },
        newValue: {
          type: ["string", "null"],
        },
        createdAt: {
          type: "string",
        },
        user: {
          anyOf: [
            {
              type: "object",
              properties: {
                id: {
                  type: "number",
                },
                username: {
                  type: "string",
                },
              },
              required: ["id", "username"],
            },
            {
              type: "null",
            },
          ],
        },
      },
      required: ["id", "field", "oldValue", "newValue", "createdAt", "user"],
    },
  },
  "post /api/v1/projects/{slug}/cards/{key}/references": {
    type: "object",
    properties: {
      id: {
        type: "number",
      },
      type: {
        type: "string",
      },
      key: {
        type: "string",
      },
      title: {
        type: ["string", "null"],
      },
      createdAt: {
        type: "string",
      },
    },
    required: ["id", "type", "key", "title", "createdAt"],
  },
  "get /api/v1/projects/{slug}/cards/{key}/references": {
    type: "array",
    items: {
      type: "object",
      properties: {
        id: {
          type: "number",
        },
        type: {
          type: "string",
        },
        key: {
          type: "string",
        },
        title: {
          type: ["string", "null"],
        },
        createdAt: {
          type: "string",
        },
      },
      required: ["id", "type", "key", "title", "createdAt"],
    },
  },
  "delete /api/v1/projects/{slug}/cards/{key}/references": {
    type: "object",
    properties: {
      deleted: {
        type: "boolean",
      },
      type: {
        type: "string",
      },
      key: {
        type: "string",
      },
    },
    required: ["deleted", "type", "key"],
  },
  "post /api/v1/projects/{slug}/cards/{key}/checklist": {
    type: "object",
    properties: {
      id: {
        type: "number",
      },
      text: {
        type: "string",
      },
      done: {
        type: "boolean",
      },
      position: {
        type: "number",
      },
    },
    required: ["id", "text", "done", "position"],
  },
  "post /api/v1/projects/{slug}/cards/{key}/checklist/{id}/move": {
    type: "object",
    properties: {
      id: {
        type: "number",
      },
      text: {
        type: "string",
      },
      done: {
        type: "boolean",
      },
      position: {
        type: "number",
      },
    },
    required: ["id", "text", "done", "position"],
  },
  "get /api/v1/projects/{slug}/cards/{key}/checklist": {
    type: "object",
    properties: {
      items: {
        type: "array",
        items: {
          type: "object",
          properties: {
            id: {
              type: "number",
            },
            text: {
              type: "string",
            },
            done: {
              type: "boolean",
            },
            position: {
              type: "number",
            },
          },
          required: ["id", "text", "done", "position"],
        },
      },
      done: {
        type: "number",
      },
      total: {
        type: "number",
      },
    },
    required: ["items", "done", "total"],
  },
  "patch /api/v1/projects/{slug}/cards/{key}/checklist/{id}": {
    type: "object",
    properties: {
      id: {
        type: "number",
      },
      text: {
        type: "string",
      },
      done: {
        type: "boolean",
      },
      position: {
        type: "number",
      },
    },
    required: ["id", "text", "done", "position"],
  },
  "delete /api/v1/projects/{slug}/cards/{key}/checklist/{id}": {
    type: "object",
    properties: {
      id: {
        type: "number",
      },
      deleted: {
        type: "boolean",
      },
    },
    required: ["id", "deleted"],
  },
  "post /api/v1/projects/{slug}/cards/{key}/comments": {
    type: "object",
    properties: {
      id: {
        type: "number",
      },
      cardId: {
        type: ["number", "null"],
      },
      cardKey: {
        type: "string",
      },
      body: {
        type: "string",
      },
      user: {
        anyOf: [
          {
            type: "object",
            properties: {
              id: {
                type: "number",
              },
              username: {
                type: "string",
              },
              former: {
                type: "boolean",
              },
            },
            required: ["id", "username", "former"],
          },
          {
            type: "null",
          },
        ],
      },
      createdAt: {
        type: "string",
      },
      updatedAt: {
        type: "string",
      },
      edited: {
        type: "boolean",
      },
      deleted: {
        type: "boolean",
      },
    },
    required: ["id", "cardId", "cardKey", "body", "user", "createdAt", "updatedAt", "edited", "deleted"],
  },
  "patch /api/v1/projects/{slug}/cards/{key}/comments/{id}": {
    type: "object",
    properties: {
      id: {
        type: "number",
      },
      cardId: {
        type: ["number", "null"],
      },
      cardKey: {
        type: "string",
      },
      body: {
        type: "string",
      },
      user: {
        anyOf: [
          {
            type: "object",
            properties: {
              id: {
                type: "number",
              },
              username: {
                type: "string",
              },
              former: {
                type: "boolean",
              },
            },
            required: ["id", "username", "former"],
          },
          {
            type: "null",
          },
        ],
      },
      createdAt: {
        type: "string",
      },
      updatedAt: {
        type: "string",
      },
      edited: {
        type: "boolean",
      },
      deleted: {
        type: "boolean",
      },
    },
    required: ["id", "cardId", "cardKey", "body", "user", "createdAt", "updatedAt", "edited", "deleted"],
  },
  "delete /api/v1/projects/{slug}/cards/{key}/comments/{id}": {
    type: "object",
    properties: {
      id: {
        type: "number",
      },
      cardId: {
        type: ["number", "null"],
      },
      cardKey: {
        type: "string",
      },
      body: {
        type: ["string", "null"],
      },
      user: {
        anyOf: [
          {
            type: "object",
            properties: {
              id: {
                type: "number",
              },
              username: {
                type: "string",
              },
              former: {
                type: "boolean",
              },
            },
            required: ["id", "username", "former"],
          },
          {
            type: "null",
          },
        ],
      },
      createdAt: {
        type: "string",
      },
      updatedAt: {
        type: "string",
      },
      edited: {
        type: "boolean",
      },
      deleted: {
        type: "boolean",
      },
    },
    required: ["id", "cardId", "cardKey", "body", "user", "createdAt", "updatedAt", "edited", "deleted"],
  },
  "get /api/v1/projects/{slug}/cards/{key}/comments": {
    type: "array",
    items: {
      type: "object",
      properties: {
        id: {
          type: "number",
        },
        cardId: {
          type: ["number", "null"],
        },
        cardKey: {
          type: "string",
        },
        body: {
          type: ["string", "null"],
        },
        user: {
          anyOf: [
            {
              type: "object",
              properties: {
                id: {
                  type: "number",
                },
                username: {
                  type: "string",
                },
                former: {
                  type: "boolean",
                },
              },
              required: ["id", "username", "former"],
            },
            {
              type: "null",
            },
          ],
        },
        createdAt: {
          type: "string",
        },
        updatedAt: {
          type: "string",
        },
        edited: {
          type: "boolean",
        },
        deleted: {
          type: "boolean",
        },
      },
      required: ["id", "cardId", "cardKey", "body", "user", "createdAt", "updatedAt", "edited", "deleted"],
    },
  },
  "post /api/v1/projects/{slug}/labels": {
    type: "object",
    properties: {
      id: {
        type: "number",
      },
      name: {
        type: ["string", "null"],
      },
      color: {
        type: ["string", "null"],
      },
    },
    required: ["id", "name", "color"],
  },
  "patch /api/v1/projects/{slug}/labels/{id}": {
    type: "object",
    properties: {
      id: {
        type: "number",
      },
      name: {
        type: ["string", "null"],
      },
      color: {
        type: ["string", "null"],
      },
    },
    required: ["id", "name", "color"],
  },
  "get /api/v1/projects/{slug}/labels": {
    type: "array",
    items: {
      type: "object",
      properties: {
        id: {
          type: "number",
        },
        name: {
          type: ["string", "null"],
        },
        color: {
          type: ["string", "null"],
        },
        cardCount: {
          type: "number",
        },
      },
      required: ["id", "name", "color", "cardCount"],
    },
  },
  "delete /api/v1/projects/{slug}/labels/{id}": {
    type: "object",
    properties: {
      id: {
        type: "number",
      },
      name: {
        type: ["string", "null"],
      },
      color: {
        type: ["string", "null"],
      },
      deleted: {
        type: "boolean",
      },
    },
    required: ["id", "name", "color", "deleted"],
  },
  "delete /api/v1/projects/{slug}/cards/{key}": {
    type: "object",
    properties: {
      id: {
        type: "number",
      },
      key: {
        type: "string",
      },
      number: {
        type: "number",
      },
      title: {
        type: ["string", "null"],
      },
      description: {
        type: ["string", "null"],
      },
      columnId: {
        type: "number",
      },
      position: {
        type: "number",
      },
      priority: {
        type: "string",
      },
      type: {
        type: "string",
      },
      dueDate: {},
      estimateHours: {
        type: "number",
      },
      storyPoints: {
        type: "number",
      },
      parentKey: {},
      version: {
        type: "number",
      },
      rank: {
        type: "number",
      },
      sprintId: {
        type: ["number", "null"],
      },
      assignees: {
        type: "array",
        items: {},
      },
      labels: {
        type: "array",
        items: {},
      },
      links: {
        type: "array",
        items: {},
      },
      commentCount: {
        type: "number",
      },
      checklist: {
        anyOf: [
          {
            type: "object",
            properties: {
              done: {
                type: "number",
              },
              total: {
                type: "number",
              },
            },
            required: ["done", "total"],
          },
          {
            type: "null",
          },
        ],
      },
      createdAt: {
        type: "string",
      },
      updatedAt: {
        type: "string",
      },
    },
    required: [
      "id",
      "key",
      "number",
      "title",
      "description",
      "columnId",
      "position",
      "priority",
      "type",
      "dueDate",
      "estimateHours",
      "storyPoints",
      "parentKey",
      "version",
      "rank",
      "sprintId",
      "assignees",
      "labels",
      "links",
      "commentCount",
      "checklist",
      "createdAt",
      "updatedAt",
    ],
  },
  "post /api/v1/projects/{slug}/cards/{key}/restore": {
    type: "object",
    properties: {
      id: {
        type: "number",
      },
      key: {
        type: "string",
      },
      number: {
        type: "number",
      },
      title: {
        type: ["string", "null"],
      },
      description: {
        type: ["string", "null"],
      },
      columnId: {
        type: "number",
      },
      position: {
        type: "number",
      },
      priority: {
        type: "string",
      },
      type: {
        type: "string",
      },
      dueDate: {},
      estimateHours: {
        type: "number",
      },
      storyPoints: {
        type: "number",
      },
      parentKey: {},
      version: {
        type: "number",
      },
      rank: {
        type: "number",
      },
      sprintId: {
        type: ["number", "null"],
      },
      assignees: {
        type: "array",
        items: {},
      },
      labels: {
        type: "array",
        items: {},
      },
      links: {
        type: "array",
        items: {},
      },
      commentCount: {
        type: "number",
      },
      createdAt: {
        type: "string",
      },
      updatedAt: {
        type: "string",
      },
    },
    required: [
      "id",
      "key",
      "number",
      "title",
      "description",
      "columnId",
      "position",
      "priority",
      "type",
      "dueDate",
      "estimateHours",
      "storyPoints",
      "parentKey",
      "version",
      "rank",
      "sprintId",
      "assignees",
      "labels",
      "links",
      "commentCount",
      "createdAt",
      "updatedAt",
    ],
  },
  "post /api/v1/projects/{slug}/cards": {
    type: "object",
    properties: {
      id: {
        type: "number",
      },
      key: {
        type: "string",
      },
      number: {
        type: "number",
      },
      title: {
        type: ["string", "null"],
      },
      description: {
        type: ["string", "null"],
      },
      columnId: {
        type: "number",
      },
      position: {
        type: "number",
      },
      priority: {
        type: "string",
      },
      type: {
        type: "string",
      },
      dueDate: {},
      estimateHours: {
        type: "number",
      },
      storyPoints: {
        type: "number",
      },
      parentKey: {},
      version: {
        type: "number",
      },
      rank: {
        type: "number",
      },
      sprintId: {
        type: ["number", "null"],
      },
      assignees: {
        type: "array",
        items: {},
      },
      labels: {
        type: "array",
        items: {},
      },
      links: {
        type: "array",
        items: {},
      },
      commentCount: {
        type: "number",
      },
      checklist: {
        anyOf: [
          {
            type: "object",
            properties: {
              done: {
                type: "number",
              },
              total: {
                type: "number",
              },
            },
            required: ["done", "total"],
          },
          {
            type: "null",
          },
        ],
      },
      createdAt: {
        type: "string",
      },
      updatedAt: {
        type: "string",
      },
    },
    required: [
      "id",
      "key",
      "number",
      "title",
      "description",
      "columnId",
      "position",
      "priority",
      "type",
      "dueDate",
      "estimateHours",
      "storyPoints",
      "parentKey",
      "version",
      "rank",
      "sprintId",
      "assignees",
      "labels",
      "links",
      "commentCount",
      "checklist",
      "createdAt",
      "updatedAt",
    ],
  },
  "patch /api/v1/projects/{slug}": {
    type: "object",
    properties: {
      id: {
        type: "number",
      },
      name: {
        type: ["string", "null"],
      },
      slug: {
        type: "string",
      },
      key: {
        type: "string",
      },
      description: {
        type: ["string", "null"],
      },
      type: {
        type: "string",
      },
      color: {
        type: ["string", "null"],
      },
      isArchived: {
        type: "boolean",
      },
      cardCounter: {
        type: "number",
      },
      customer: {},
      billableDefault: {
        type: "boolean",
      },
      createdAt: {
        type: "string",
      },
    },
    required: [
      "id",
      "name",
      "slug",
      "key",
      "description",
      "type",
      "color",
      "isArchived",
      "cardCounter",
      "customer",
      "billableDefault",
      "createdAt",
    ],
  },
  "get /api/v1/projects/{slug}/board": {
    type: "object",
    properties: {
      project: {
        anyOf: [
          {
            type: "object",
            properties: {
              id: {
                type: "number",
              },
              name: {
                type: ["string", "null"],
              },
              slug: {
                type: "string",
              },
              key: {
                type: "string",
              },
              description: {
                type: ["string", "null"],
              },
              type: {
                type: "string",
              },
              color: {
                type: ["string", "null"],
              },
              isArchived: {
                type: "boolean",
              },
              cardCounter: {
                type: "number",
              },
              customer: {},
              billableDefault: {
                type: "boolean",
              },
              createdAt: {
                type: "string",
              },
              role: {
                type: "string",
              },
              activeSprint: {},
            },
            required: [
              "id",
              "name",
              "slug",
              "key",
              "description",
              "type",
              "color",
              "isArchived",
              "cardCounter",
              "customer",
              "billableDefault",
              "createdAt",
              "role",
              "activeSprint",
            ],
          },
          {
            type: "null",
          },
        ],
      },
      columns: {
        type: "array",
        items: {
          type: "object",
          properties: {
            id: {
              type: "number",
            },
            name: {
              type: ["string", "null"],
            },
            position: {
              type: "number",
            },
            wipLimit: {
              type: "number",
            },
            color: {
              type: ["string", "null"],
            },
            cards: {
              type: "array",
              items: {
                type: "object",
                properties: {
                  id: {
                    type: "number",
                  },
                  key: {
                    type: "string",
                  },
                  number: {
                    type: "number",
                  },
                  title: {
                    type: ["string", "null"],
                  },
                  columnId: {
                    type: "number",
                  },
                  position: {
                    type: "number",
                  },
                  priority: {
                    type: "string",
                  },
                  type: {
                    type: "string",
                  },
                  dueDate: {},
                  estimateHours: {
                    type: "number",
                  },
                  storyPoints: {
                    type: "number",
                  },
                  parentKey: {},
                  version: {
                    type: "number",
                  },
                  rank: {
                    type: "number",
                  },
                  sprintId: {
                    type: ["number", "null"],
                  },
                  assignees: {
                    type: "array",
                    items: {},
                  },
                  labels: {
                    type: "array",
                    items: {},
                  },
                  commentCount: {
                    type: "number",
                  },
                  checklist: {
                    anyOf: [
                      {
                        type: "object",
                        properties: {
                          done: {
                            type: "number",
                          },
                          total: {
                            type: "number",
                          },
                        },
                        required: ["done", "total"],
                      },
                      {
                        type: "null",
                      },
                    ],
                  },
                  createdAt: {
                    type: "string",
                  },
                  updatedAt: {
                    type: "string",
                  },
                },
                required: [
                  "id",
                  "key",
                  "number",
                  "title",
                  "columnId",
                  "position",
                  "priority",
                  "type",
                  "dueDate",
                  "estimateHours",
                  "storyPoints",
                  "parentKey",
                  "version",
                  "rank",
                  "sprintId",
                  "assignees",
                  "labels",
                  "commentCount",
                  "checklist",
                  "createdAt",
                  "updatedAt",
                ],
              },
            },
          },
          required: ["id", "name", "position", "wipLimit", "color", "cards"],
        },
      },
    },
    required: ["project", "columns"],
  },
  "get /api/v1/projects/{slug}": {
    type: "object",
    properties: {
      id: {
        type: "number",
      },
      name: {
        type: ["string", "null"],
      },
      slug: {
        type: "string",
      },
      key: {
        type: "string",
      },
      description: {
        type: ["string", "null"],
      },
      type: {
        type: "string",
      },
      color: {
        type: ["string", "null"],
      },
      isArchived: {
        type: "boolean",
      },
      cardCounter: {
        type: "number",
      },
      customer: {},
      billableDefault: {
        type: "boolean",
      },
      createdAt: {
        type: "string",
      },
      role: {
        type: "string",
      },
    },
    required: [
      "id",
      "name",
      "slug",
      "key",
      "description",
      "type",
      "color",
      "isArchived",
      "cardCounter",
      "customer",
      "billableDefault",
      "createdAt",
      "role",
    ],
  },
  "post /api/v1/projects/{slug}/members": {
    type: "object",
    properties: {
      id: {
        type: "number",
      },
      username: {
        type: "string",
      },
      avatar: {},
      role: {
        type: "string",
      },
    },
    required: ["id", "username", "avatar", "role"],
  },
  "get /api/v1/projects/{slug}/members": {
    type: "array",
    items: {
      type: "object",
      properties: {
        id: {
          type: "number",
        },
        username: {
          type: "string",
        },
        avatar: {},
        role: {
          type: "string",
        },
      },
      required: ["id", "username", "avatar", "role"],
    },
  },
  "patch /api/v1/projects/{slug}/members/{username}": {
    type: "object",
    properties: {
      id: {
        type: "number",
      },
      username: {
        type: "string",
      },
      avatar: {},
      role: {
        type: "string",
      },
    },
    required: ["id", "username", "avatar", "role"],
  },
  "delete /api/v1/projects/{slug}/members/{username}": {},
  "post /api/v1/projects/{slug}/groups": {
    type: "object",
    properties: {
      id: {
        type: "number",
      },
      name: {
        type: ["string", "null"],
      },
      role: {
        type: "string",
      },
      memberCount: {
        type: "number",
      },
    },
    required: ["id", "name", "role", "memberCount"],
  },
  "get /api/v1/projects/{slug}/groups": {
    type: "array",
    items: {
      type: "object",
      properties: {
        id: {
          type: "number",
        },
        name: {
          type: ["string", "null"],
        },
        role: {
          type: "string",
        },
        memberCount: {
          type: "number",
        },
      },
      required: ["id", "name", "role", "memberCount"],
    },
  },
  "get /api/v1/projects": {
    type: "array",
    items: {
      type: "object",
      properties: {
        id: {
          type: "number",
        },
        name: {
          type: ["string", "null"],
        },
        slug: {
          type: "string",
        },
        key: {
          type: "string",
        },
        description: {
          type: ["string", "null"],
        },
        type: {
          type: "string",
        },
        color: {
          type: ["string", "null"],
        },
        isArchived: {
          type: "boolean",
        },
        cardCounter: {
          type: "number",
        },
        customer: {},
        billableDefault: {
          type: "boolean",
        },
        createdAt: {
          type: "string",
        },
        cardCount: {
          type: "number",
        },
        isMember: {
          type: "boolean",
        },
      },
      required: [
        "id",
        "name",
        "slug",
        "key",
        "description",
        "type",
        "color",
        "isArchived",
        "cardCounter",
        "customer",
        "billableDefault",
        "createdAt",
        "cardCount",
        "isMember",
      ],
    },
  },
  "delete /api/v1/projects/{slug}/groups/{groupId}": {},
  "post /api/v1/projects/{slug}/archive": {
    type: "object",
    properties: {
      id: {
        type: "number",
      },
      name: {
        type: ["string", "null"],
      },
      slug: {
        type: "string",
      },
      key: {
        type: "string",
      },
      description: {
        type: ["string", "null"],
      },
      type: {
        type: "string",
      },
      color: {
        type: ["string", "null"],
      },
      isArchived: {
        type: "boolean",
      },
      cardCounter: {
        type: "number",
      },
      customer: {},
      billableDefault: {
        type: "boolean",
      },
      createdAt: {
        type: "string",
      },
    },
    required: [
      "id",
      "name",
      "slug",
      "key",
      "description",
      "type",
      "color",
      "isArchived",
      "cardCounter",
      "customer",
      "billableDefault",
      "createdAt",
    ],
  },
  "post /api/v1/projects/{slug}/restore": {
    type: "object",
    properties: {
      id: {
        type: "number",
      },
      name: {
        type: ["string", "null"],
      },
      slug: {
        type: "string",
      },
      key: {
        type: "string",
      },
      description: {
        type: ["string", "null"],
      },
      type: {
        type: "string",
      },
      color: {
        type: ["string", "null"],
      },
      isArchived: {
        type: "boolean",
      },
      cardCounter: {
        type: "number",
      },
      customer: {},
      billableDefault: {
        type: "boolean",
      },
      createdAt: {
        type: "string",
      },
    },
    required: [
      "id",
      "name",
      "slug",
      "key",
      "description",
      "type",
      "color",
      "isArchived",
      "cardCounter",
      "customer",
      "billableDefault",
      "createdAt",
    ],
  },
  "post /api/v1/projects/{slug}/webhooks": {
    type: "object",
    properties: {
      id: {
        type: "number",
      },
      provider: {
        type: "string",
      },
      name: {
        type: ["string", "null"],
      },
      isActive: {
        type: "boolean",
      },
      url: {
        type: "string",
      },
      createdAt: {
        type: "string",
      },
      lastDeliveryAt: {},
      secret: {
        type: "string",
      },
    },
    required: ["id", "provider", "name", "isActive", "url", "createdAt", "lastDeliveryAt", "secret"],
  },
  "get /api/v1/projects/{slug}/webhooks": {
    type: "object",
    properties: {
      webhooks: {
        type: "array",
        items: {
          type: "object",
          properties: {
            id: {
              type: "number",
            },
            provider: {
              type: "string",
            },
            name: {
              type: ["string", "null"],
            },
            isActive: {
              type: "boolean",
            },
            url: {
              type: "string",
            },
            createdAt: {
              type: "string",
            },
            lastDeliveryAt: {},
          },
          required: ["id", "provider", "name", "isActive", "url", "createdAt", "lastDeliveryAt"],
        },
      },
    },
    required: ["webhooks"],
  },
  "post /api/webhooks/{id}": {
    type: "object",
    properties: {
      status: {
        type: "string",
      },
      reason: {
        type: "string",
      },
      linked: {
        type: "array",
        items: {
          type: "string",
        },
      },
      moved: {
        type: "array",
        items: {},
      },
    },
    required: ["status"],
  },
  "patch /api/v1/projects/{slug}/webhooks/{id}": {
    type: "object",
    properties: {
      id: {
        type: "number",
      },
      provider: {
        type: "string",
      },
      name: {
        type: ["string", "null"],
      },
      isActive: {
        type: "boolean",
      },
      url: {
        type: "string",
      },
      createdAt: {
        type: "string",
      },
      lastDeliveryAt: {},
    },
    required: ["id", "provider", "name", "isActive", "url", "createdAt", "lastDeliveryAt"],
  },
  "delete /api/v1/projects/{slug}/webhooks/{id}": {},
  "post /api/v1/admin/groups": {
    type: "object",
    properties: {
      id: {
        type: "number",
      },
      name: {
        type: ["string", "null"],
      },
      description: {
        type: ["string", "null"],
      },
      createdAt: {
        type: "string",
      },
      memberCount: {
        type: "number",
      },
      projectCount: {
        type: "number",
      },
      customerCount: {
        type: "number",
      },
    },
    required: ["id", "name", "description", "createdAt", "memberCount", "projectCount", "customerCount"],
  },
  "get /api/v1/admin/users/{id}": {
    type: "object",
    properties: {
      id: {
        type: "number",
      },
      email: {
        type: ["string", "null"],
      },
      username: {
        type: "string",
      },
      role: {
        type: "string",
      },
      language: {
        type: "string",
      },
      avatar: {},
      isActive: {
        type: "boolean",
      },
      deletedAt: {
        type: ["string", "null"],
      },
      mfaEnabled: {
        type: "boolean",
      },
      mustChangePassword: {
        type: "boolean",
      },
      lastSignInAt: {},
      createdAt: {
        type: "string",
      },
      status: {
        type: "string",
      },
      groups: {
        type: "array",
        items: {},
      },
      sessionCount: {
        type: "number",
      },
      apiKeyCount: {
        type: "number",
      },
    },
    required: [
      "id",
      "email",
      "username",
      "role",
      "language",
      "avatar",
      "isActive",
      "deletedAt",
      "mfaEnabled",
      "mustChangePassword",
      "lastSignInAt",
      "createdAt",
      "status",
      "groups",
      "sessionCount",
      "apiKeyCount",
    ],
  },
  "post /api/v1/admin/users": {
    type: "object",
    properties: {
      user: {
        anyOf: [
          {
            type: "object",
            properties: {
              id: {
                type: "number",
              },
              email: {
                type: ["string", "null"],
              },
              username: {
                type: "string",
              },
              role: {
                type: "string",
              },
              language: {
                type: "string",
              },
              avatar: {},
              isActive: {
                type: "boolean",
              },
              deletedAt: {
                type: ["string", "null"],
              },
              mfaEnabled: {
                type: "boolean",
              },
              mustChangePassword: {
                type: "boolean",
              },
              lastSignInAt: {},
              createdAt: {
                type: "string",
              },
              status: {
                type: "string",
              },
            },
            required: [
              "id",
              "email",
              "username",
              "role",
              "language",
              "avatar",
              "isActive",
              "deletedAt",
              "mfaEnabled",
              "mustChangePassword",
              "lastSignInAt",
              "createdAt",
              "status",
            ],
          },
          {
            type: "null",
          },
        ],
      },
      temporaryPassword: {
        type: "string",
      },
    },
    required: ["user", "temporaryPassword"],
  },
  "get /api/v1/admin/users": {
    type: "object",
    properties: {
      users: {
        type: "array",
        items: {
          type: "object",
          properties: {
            id: {
              type: "number",
            },
            email: {
              type: ["string", "null"],
            },
            username: {
              type: "string",
            },
            role: {
              type: "string",
            },
            language: {
              type: "string",
            },
            avatar: {},
            isActive: {
              type: "boolean",
            },
            deletedAt: {
              type: ["string", "null"],
            },
            mfaEnabled: {
              type: "boolean",
            },
            mustChangePassword: {
              type: "boolean",
            },
            lastSignInAt: {},
            createdAt: {
              type: "string",
            },
            status: {
              type: "string",
            },
          },
          required: [
            "id",
            "email",
            "username",
            "role",
            "language",
            "avatar",
            "isActive",
            "deletedAt",
            "mfaEnabled",
            "mustChangePassword",
            "lastSignInAt",
            "createdAt",
            "status",
          ],
        },
      },
      total: {
        type: "number",
      },
      page: {
        type: "number",
      },
      pageSize: {
        type: "number",
      },
    },
    required: ["users", "total", "page", "pageSize"],
  },
  "post /api/v1/admin/users/{id}/disable": {
    type: "object",
    properties: {
      id: {
        type: "number",
      },
      email: {
        type: ["string", "null"],
      },
      username: {
        type: "string",
      },
      role: {
        type: "string",
      },
      language: {
        type: "string",
      },
      avatar: {},
      isActive: {
        type: "boolean",
      },
      deletedAt: {
        type: ["string", "null"],
      },
      mfaEnabled: {
        type: "boolean",
      },
      mustChangePassword: {
        type: "boolean",
      },
      lastSignInAt: {},
      createdAt: {
        type: "string",
      },
      status: {
        type: "string",
      },
    },
    required: [
      "id",
      "email",
      "username",
      "role",
      "language",
      "avatar",
      "isActive",
      "deletedAt",
      "mfaEnabled",
      "mustChangePassword",
      "lastSignInAt",
      "createdAt",
      "status",
    ],
  },
  "post /api/v1/admin/users/{id}/enable": {
    type: "object",
    properties: {
      id: {
        type: "number",
      },
      email: {
        type: ["string", "null"],
      },
      username: {
        type: "string",
      },
      role: {
        type: "string",
      },
      language: {
        type: "string",
      },
      avatar: {},
      isActive: {
        type: "boolean",
      },
      deletedAt: {
        type: ["string", "null"],
      },
      mfaEnabled: {
        type: "boolean",
      },
      mustChangePassword: {
        type: "boolean",
      },
      lastSignInAt: {},
      createdAt: {
        type: "string",
      },
      status: {
        type: "string",
      },
    },
    required: [
      "id",
      "email",
      "username",
      "role",
      "language",
      "avatar",
      "isActive",
      "deletedAt",
      "mfaEnabled",
      "mustChangePassword",
      "lastSignInAt",
      "createdAt",
      "status",
    ],
  },
  "patch /api/v1/admin/users/{id}": {
    type: "object",
    properties: {
      id: {
        type: "number",
      },
      email: {
        type: ["string", "null"],
      },
      username: {
        type: "string",
      },
      role: {
        type: "string",
      },
      language: {
        type: "string",
      },
      avatar: {},
      isActive: {
        type: "boolean",
      },
      deletedAt: {
        type: ["string", "null"],
      },
      mfaEnabled: {
        type: "boolean",
      },
      mustChangePassword: {
        type: "boolean",
      },
      lastSignInAt: {},
      createdAt: {
        type: "string",
      },
      status: {
        type: "string",
      },
    },
    required: [
      "id",
      "email",
      "username",
      "role",
      "language",
      "avatar",
      "isActive",
      "deletedAt",
      "mfaEnabled",
      "mustChangePassword",
      "lastSignInAt",
      "createdAt",
      "status",
    ],
  },
  "post /api/v1/admin/users/{id}/reset-password": {
    type: "object",
    properties: {
      user: {
        anyOf: [
          {
            type: "object",
            properties: {
              id: {
                type: "number",
              },
              email: {
                type: ["string", "null"],
              },
              username: {
                type: "string",
              },
              role: {
                type: "string",
              },
              language: {
                type: "string",
              },
              avatar: {},
              isActive: {
                type: "boolean",
              },
              deletedAt: {
                type: ["string", "null"],
              },
              mfaEnabled: {
                type: "boolean",
              },
              mustChangePassword: {
                type: "boolean",
              },
              lastSignInAt: {},
              createdAt: {
                type: "string",
              },
              status: {
                type: "string",
              },
            },
            required: [
              "id",
              "email",
              "username",
              "role",
              "language",
              "avatar",
              "isActive",
              "deletedAt",
              "mfaEnabled",
              "mustChangePassword",
              "lastSignInAt",
              "createdAt",
              "status",
            ],
          },
          {
            type: "null",
          },
        ],
      },
      temporaryPassword: {
        type: "string",
      },
    },
    required: ["user", "temporaryPassword"],
  },
  "post /api/v1/admin/users/{id}/reset-mfa": {
    type: "object",
    properties: {
      id: {
        type: "number",
      },
      email: {
        type: ["string", "null"],
      },
      username: {
        type: "string",
      },
      role: {
        type: "string",
      },
      language: {
        type: "string",
      },
      avatar: {},
      isActive: {
        type: "boolean",
      },
      deletedAt: {
        type: ["string", "null"],
      },
      mfaEnabled: {
        type: "boolean",
      },
      mustChangePassword: {
        type: "boolean",
      },
      lastSignInAt: {},
      createdAt: {
        type: "string",
      },
      status: {
        type: "string",
      },
    },
    required: [
      "id",
      "email",
      "username",
      "role",
      "language",
      "avatar",
      "isActive",
      "deletedAt",
      "mfaEnabled",
      "mustChangePassword",
      "lastSignInAt",
      "createdAt",
      "status",
    ],
  },
  "delete /api/v1/admin/users/{id}": {},
  "get /api/v1/projects/{slug}/cards/{key}/attachments": {
    type: "array",
    items: {
      type: "object",
      properties: {
        id: {
          type: "number",
        },
        url: {
          type: "string",
        },
        thumbnailUrl: {},
        isImage: {
          type: "boolean",
        },
        mimeType: {
          type: "string",
        },
        size: {
          type: "number",
        },
        originalName: {
          type: "string",
        },
        ownerType: {
          type: "string",
        },
        ownerId: {
          type: "number",
        },
        uploadedBy: {
          anyOf: [
            {
              type: "object",
              properties: {
                id: {
                  type: "number",
                },
                username: {
                  type: "string",
                },
              },
              required: ["id", "username"],
            },
            {
              type: "null",
            },
          ],
        },
        createdAt: {
          type: "string",
        },
      },
      required: [
        "id",
        "url",
        "thumbnailUrl",
        "isImage",
        "mimeType",
        "size",
        "originalName",
        "ownerType",
        "ownerId",
        "uploadedBy",
        "createdAt",
      ],
    },
  },
  "delete /api/v1/attachments/{id}": {
    type: "object",
    properties: {
      deleted: {
        type: "boolean",
      },
      id: {
        type: "number",
      },
      ownerType: {
        type: "string",
      },
      ownerId: {
        type: "number",
      },
      cardId: {
        type: ["number", "null"],
      },
      cardKey: {
        type: "string",
      },
    },
    required: ["deleted", "id", "ownerType", "ownerId", "cardId", "cardKey"],
  },
  "post /api/v1/me/api-keys": {
    type: "object",
    properties: {
      id: {
        type: "number",
      },
      name: {
        type: ["string", "null"],
      },
      prefix: {
        type: "string",
      },
      project: {
        anyOf: [
          {
            type: "object",
            properties: {
              slug: {
                type: "string",
              },
              name: {
                type: ["string", "null"],
              },
            },
            required: ["slug", "name"],
          },
          {
            type: "null",
          },
        ],
      },
      createdAt: {
        type: "string",
      },
      lastUsedAt: {
        type: ["string", "null"],
      },
      expiresAt: {
        type: ["string", "null"],
      },
      revokedAt: {
        type: ["string", "null"],
      },
      status: {
        type: "string",
      },
      key: {
        type: "string",
      },
    },
    required: ["id", "name", "prefix", "project", "createdAt", "lastUsedAt", "expiresAt", "revokedAt", "status", "key"],
  },
  "get /api/v1/me/api-keys": {
    type: "object",
    properties: {
      apiKeys: {
        type: "array",
        items: {
          type: "object",
          properties: {
            id: {
              type: "number",
            },
            name: {
              type: ["string", "null"],
            },
            prefix: {
              type: "string",
            },
            project: {
              anyOf: [
                {
                  type: "object",
                  properties: {
                    slug: {
                      type: "string",
                    },
                    name: {
                      type: ["string", "null"],
                    },
                  },
                  required: ["slug", "name"],
                },
                {
                  type: "null",
                },
              ],
            },
            createdAt: {
              type: "string",
            },
            lastUsedAt: {
              type: ["string", "null"],
            },
            expiresAt: {
              type: ["string", "null"],
            },
            revokedAt: {
              type: ["string", "null"],
            },
            status: {
              type: "string",
            },
          },
          required: ["id", "name", "prefix", "project", "createdAt", "lastUsedAt", "expiresAt", "revokedAt", "status"],
        },
      },
    },
    required: ["apiKeys"],
  },
  "get /api/v1/me": {
    type: "object",
    properties: {
      id: {
        type: "number",
      },
      username: {
        type: "string",
      },
      email: {
        type: ["string", "null"],
      },
      role: {
        type: "string",
      },
      language: {
        type: "string",
      },
      mfaEnabled: {
        type: "boolean",
      },
      createdAt: {
        type: "string",
      },
      lastSignInAt: {},
      theme: {
        type: "string",
      },
      avatarUrl: {},
      recoveryCodesLeft: {
        type: "number",
      },
    },
    required: [
      "id",
      "username",
      "email",
      "role",
      "language",
      "mfaEnabled",
      "createdAt",
      "lastSignInAt",
      "theme",
      "avatarUrl",
      "recoveryCodesLeft",
    ],
  },
  "delete /api/v1/me/api-keys/{id}": {
    type: "object",
    properties: {
      id: {
        type: "number",
      },
      name: {
        type: ["string", "null"],
      },
      prefix: {
        type: "string",
      },
      project: {
        anyOf: [
          {
            type: "object",
            properties: {
              slug: {
                type: "string",
              },
              name: {
                type: ["string", "null"],
              },
            },
            required: ["slug", "name"],
          },
          {
            type: "null",
          },
        ],
      },
      createdAt: {
        type: "string",
      },
      lastUsedAt: {
        type: ["string", "null"],
      },
      expiresAt: {
        type: ["string", "null"],
      },
      revokedAt: {
        type: ["string", "null"],
      },
      status: {
        type: "string",
      },
    },
    required: ["id", "name", "prefix", "project", "createdAt", "lastUsedAt", "expiresAt", "revokedAt", "status"],
  },
  "patch /api/v1/me": {
    type: "object",
    properties: {
      id: {
        type: "number",
      },
      username: {
        type: "string",
      },
      email: {
        type: ["string", "null"],
      },
      role: {
        type: "string",
      },
      language: {
        type: "string",
      },
      mfaEnabled: {
        type: "boolean",
      },
      createdAt: {
        type: "string",
      },
      lastSignInAt: {},
      theme: {
        type: "string",
      },
      avatarUrl: {},
      recoveryCodesLeft: {
        type: "number",
      },
    },
    required: [
      "id",
      "username",
      "email",
      "role",
      "language",
      "mfaEnabled",
      "createdAt",
      "lastSignInAt",
      "theme",
      "avatarUrl",
      "recoveryCodesLeft",
    ],
  },
  "delete /api/v1/me/avatar": {},
  "get /api/v1/me/sessions": {
    type: "object",
    properties: {
      sessions: {
        type: "array",
        items: {
          type: "object",
          properties: {
            id: {
              type: "number",
            },
            device: {
              type: ["string", "null"],
            },
            userAgent: {
              type: ["string", "null"],
            },
            ip: {
              type: ["string", "null"],
            },
            createdAt: {
              type: "string",
            },
            lastActiveAt: {
              type: "string",
            },
            expiresAt: {
              type: ["string", "null"],
            },
            current: {
              type: "boolean",
            },
          },
          required: ["id", "device", "userAgent", "ip", "createdAt", "lastActiveAt", "expiresAt", "current"],
        },
      },
    },
    required: ["sessions"],
  },
  "delete /api/v1/me/sessions/{id}": {},
  "post /api/v1/me/sessions/revoke-others": {
    type: "object",
    properties: {
      revoked: {
        type: "number",
      },
    },
    required: ["revoked"],
  },
  "post /api/v1/projects/{slug}/sprints": {
    type: "object",
    properties: {
      id: {
        type: "number",
      },
      name: {
        type: ["string", "null"],
      },
      goal: {},
      status: {
        type: "string",
      },
      startDate: {
        type: ["string", "null"],
      },
      endDate: {
        type: ["string", "null"],
      },
      startedAt: {
        type: ["string", "null"],
      },
      completedAt: {
        type: ["string", "null"],
      },
      committedPoints: {
        type: "number",
      },
      completedPoints: {
        type: "number",
      },
      cardCount: {
        type: "number",
      },
      points: {
        type: "number",
      },
      donePoints: {
        type: "number",
      },
      doneCount: {
        type: "number",
      },
    },
    required: [
      "id",
      "name",
      "goal",
      "status",
      "startDate",
      "endDate",
      "startedAt",
      "completedAt",
      "committedPoints",
      "completedPoints",
      "cardCount",
      "points",
      "donePoints",
      "doneCount",
    ],
  },
  "post /api/v1/projects/{slug}/sprints/{id}/start": {
    type: "object",
    properties: {
      id: {
        type: "number",
      },
      name: {
        type: ["string", "null"],
      },
      goal: {},
      status: {
        type: "string",
      },
      startDate: {
        type: ["string", "null"],
      },
      endDate: {
        type: ["string", "null"],
      },
      startedAt: {
        type: ["string", "null"],
      },
      completedAt: {
        type: ["string", "null"],
      },
      committedPoints: {
        type: "number",
      },
      completedPoints: {
        type: "number",
      },
      cardCount: {
        type: "number",
      },
      points: {
        type: "number",
      },
      donePoints: {
        type: "number",
      },
      doneCount: {
        type: "number",
      },
    },
    required: [
      "id",
      "name",
      "goal",
      "status",
      "startDate",
      "endDate",
      "startedAt",
      "completedAt",
      "committedPoints",
      "completedPoints",
      "cardCount",
      "points",
      "donePoints",
      "doneCount",
    ],
  },
  "post /api/v1/projects/{slug}/sprints/{id}/complete": {
    type: "object",
    properties: {
      sprint: {
        anyOf: [
          {
            type: "object",
            properties: {
              id: {
                type: "number",
              },
              name: {
                type: ["string", "null"],
              },
              goal: {},
              status: {
                type: "string",
              },
              startDate: {
                type: ["string", "null"],
              },
              endDate: {
                type: ["string", "null"],
              },
              startedAt: {
                type: ["string", "null"],
              },
              completedAt: {
                type: ["string", "null"],
              },
              committedPoints: {
                type: "number",
              },
              completedPoints: {
                type: "number",
              },
              cardCount: {
                type: "number",
              },
              points: {
                type: "number",
              },
              donePoints: {
                type: "number",
              },
              doneCount: {
                type: "number",
              },
            },
            required: [
              "id",
              "name",
              "goal",
              "status",
              "startDate",
              "endDate",
              "startedAt",
              "completedAt",
              "committedPoints",
              "completedPoints",
              "cardCount",
              "points",
              "donePoints",
              "doneCount",
            ],
          },
          {
            type: "null",
          },
        ],
      },
      doneCardIds: {
        type: "array",
        items: {},
      },
      unfinishedCardIds: {
        type: "array",
        items: {},
      },
      movedTo: {
        anyOf: [
          {
            type: "string",
          },
          {
            type: "object",
          },
          {
            type: "null",
          },
        ],
        description: "backlog, or the sprint the unfinished cards went to",
      },
    },
    required: ["sprint", "doneCardIds", "unfinishedCardIds", "movedTo"],
  },
  "delete /api/v1/projects/{slug}/sprints/{id}": {},
  "get /api/v1/projects/{slug}/backlog": {
    type: "object",
    properties: {
      project: {
        anyOf: [
          {
            type: "object",
            properties: {
              id: {
                type: "number",
              },
              name: {
                type: ["string", "null"],
              },
              slug: {
                type: "string",
              },
              key: {
                type: "string",
              },
              description: {
                type: ["string", "null"],
              },
              type: {
                type: "string",
              },
              color: {
                type: ["string", "null"],
              },
              isArchived: {
                type: "boolean",
              },
              cardCounter: {
                type: "number",
              },
              customer: {},
              billableDefault: {
                type: "boolean",
              },
              createdAt: {
                type: "string",
              },
              role: {
                type: "string",
              },
            },
            required: [
              "id",
              "name",
              "slug",
              "key",
              "description",
              "type",
              "color",
              "isArchived",
              "cardCounter",
              "customer",
              "billableDefault",
              "createdAt",
              "role",
            ],
          },
          {
            type: "null",
          },
        ],
      },
      canEdit: {
        type: "boolean",
      },
      doneColumnIds: {
        type: "array",
        items: {
          type: "number",
        },
      },
      columns: {
        type: "array",
        items: {
          type: "object",
          properties: {
            id: {
              type: "number",
            },
            name: {
              type: ["string", "null"],
            },
          },
          required: ["id", "name"],
        },
      },
      averageVelocity: {
        type: "number",
      },
      sprints: {
        type: "array",
        items: {},
      },
      backlog: {
        anyOf: [
          {
            type: "object",
            properties: {
              cards: {
                type: "array",
                items: {
                  type: "object",
                  properties: {
                    id: {
                      type: "number",
                    },
                    key: {
                      type: "string",
                    },
                    number: {
                      type: "number",
                    },
                    title: {
                      type: ["string", "null"],
                    },
                    columnId: {
                      type: "number",
                    },
                    position: {
                      type: "number",
                    },
                    priority: {
                      type: "string",
                    },
                    type: {
                      type: "string",
                    },
                    dueDate: {},
                    estimateHours: {
                      type: "number",
                    },
                    storyPoints: {
                      type: "number",
                    },
                    parentKey: {},
                    version: {
                      type: "number",
                    },
                    rank: {
                      type: "number",
                    },
                    sprintId: {
                      type: ["number", "null"],
                    },
                    assignees: {
                      type: "array",
                      items: {},
                    },
                    labels: {
                      type: "array",
                      items: {},
                    },
                    commentCount: {
                      type: "number",
                    },
                    checklist: {
                      anyOf: [
                        {
                          type: "object",
                          properties: {
                            done: {
                              type: "number",
                            },
                            total: {
                              type: "number",
                            },
                          },
                          required: ["done", "total"],
                        },
                        {
                          type: "null",
                        },
                      ],
                    },
                    createdAt: {
                      type: "string",
                    },
                    updatedAt: {
                      type: "string",
                    },
                  },
                  required: [
                    "id",
                    "key",
                    "number",
                    "title",
                    "columnId",
                    "position",
                    "priority",
                    "type",
                    "dueDate",
                    "estimateHours",
                    "storyPoints",
                    "parentKey",
                    "version",
                    "rank",
                    "sprintId",
                    "assignees",
                    "labels",
                    "commentCount",
                    "checklist",
                    "createdAt",
                    "updatedAt",
                  ],
                },
              },
              points: {
                type: "number",
              },
            },
            required: ["cards", "points"],
          },
          {
            type: "null",
          },
        ],
      },
    },
    required: ["project", "canEdit", "doneColumnIds", "columns", "averageVelocity", "sprints", "backlog"],
  },
  "post /api/v1/projects/{slug}/backlog": {
    type: "object",
    properties: {
      id: {
        type: "number",
      },
      key: {
        type: "string",
      },
      number: {
        type: "number",
      },
      title: {
        type: ["string", "null"],
      },
      description: {
        type: ["string", "null"],
      },
      columnId: {
        type: "number",
      },
      position: {
        type: "number",
      },
      priority: {
        type: "string",
      },
      type: {
        type: "string",
      },
      dueDate: {},
      estimateHours: {
        type: "number",
      },
      storyPoints: {
        type: "number",
      },
      parentKey: {},
      version: {
        type: "number",
      },
      rank: {
        type: "number",
      },
      sprintId: {
        type: ["number", "null"],
      },
      assignees: {
        type: "array",
        items: {},
      },
      labels: {
        type: "array",
        items: {},
      },
      links: {
        type: "array",
        items: {},
      },
      commentCount: {
        type: "number",
      },
      checklist: {
        anyOf: [
          {
            type: "object",
            properties: {
              done: {
                type: "number",
              },
              total: {
                type: "number",
              },
            },
            required: ["done", "total"],
          },
          {
            type: "null",
          },
        ],
      },
      createdAt: {
        type: "string",
      },
      updatedAt: {
        type: "string",
      },
    },
    required: [
      "id",
      "key",
      "number",
      "title",
      "description",
      "columnId",
      "position",
      "priority",
      "type",
      "dueDate",
      "estimateHours",
      "storyPoints",
      "parentKey",
      "version",
      "rank",
      "sprintId",
      "assignees",
      "labels",
      "links",
      "commentCount",
      "checklist",
      "createdAt",
      "updatedAt",
    ],
  },
  "post /api/v1/projects/{slug}/sprints/{id}/cards": {
    anyOf: [
      {
        type: "object",
        properties: {
          id: {
            type: "number",
          },
          key: {
            type: "string",
          },
          number: {
            type: "number",
          },
          title: {
            type: ["string", "null"],
          },
          description: {
            type: ["string", "null"],
          },
          columnId: {
            type: "number",
          },
          position: {
            type: "number",
          },
          priority: {
            type: "string",
          },
          type: {
            type: "string",
          },
          dueDate: {},
          estimateHours: {
            type: "number",
          },
          storyPoints: {
            type: "number",
          },
          parentKey: {},
          version: {
            type: "number",
          },
          rank: {
            type: "number",
          },
          sprintId: {
            type: ["number", "null"],
          },
          assignees: {
            type: "array",
            items: {},
          },
          labels: {
            type: "array",
            items: {},
          },
          links: {
            type: "array",
            items: {},
          },
          commentCount: {
            type: "number",
          },
          checklist: {
            anyOf: [
              {
                type: "object",
                properties: {
                  done: {
                    type: "number",
                  },
                  total: {
                    type: "number",
                  },
                },
                required: ["done", "total"],
              },
              {
                type: "null",
              },
            ],
          },
          createdAt: {
            type: "string",
          },
          updatedAt: {
            type: "string",
          },
        },
        required: [
          "id",
          "key",
          "number",
          "title",
          "description",
          "columnId",
          "position",
          "priority",
          "type",
          "dueDate",
          "estimateHours",
          "storyPoints",
          "parentKey",
          "version",
          "rank",
          "sprintId",
          "assignees",
          "labels",
          "links",
          "commentCount",
          "checklist",
          "createdAt",
          "updatedAt",
        ],
      },
      {
        type: "array",
        items: {
          type: "object",
          properties: {
            id: {
              type: "number",
            },
            key: {
              type: "string",
            },
            number: {
              type: "number",
            },
            title: {
              type: ["string", "null"],
            },
            description: {
              type: ["string", "null"],
            },
            columnId: {
              type: "number",
            },
            position: {
              type: "number",
            },
            priority: {
              type: "string",
            },
            type: {
              type: "string",
            },
            dueDate: {},
            estimateHours: {
              type: "number",
            },
            storyPoints: {
              type: "number",
            },
            parentKey: {},
            version: {
              type: "number",
            },
            rank: {
              type: "number",
            },
            sprintId: {
              type: ["number", "null"],
            },
            assignees: {
              type: "array",
              items: {},
            },
            labels: {
              type: "array",
              items: {},
            },
            links: {
              type: "array",
              items: {},
            },
            commentCount: {
              type: "number",
            },
            checklist: {
              anyOf: [
                {
                  type: "object",
                  properties: {
                    done: {
                      type: "number",
                    },
                    total: {
                      type: "number",
                    },
                  },
                  required: ["done", "total"],
                },
                {
                  type: "null",
                },
              ],
            },
            createdAt: {
              type: "string",
            },
            updatedAt: {
              type: "string",
            },
          },
          required: [
            "id",
            "key",
            "number",
            "title",
            "description",
            "columnId",
            "position",
            "priority",
            "type",
            "dueDate",
            "estimateHours",
            "storyPoints",
            "parentKey",
            "version",
            "rank",
            "sprintId",
            "assignees",
            "labels",
            "links",
            "commentCount",
            "checklist",
            "createdAt",
            "updatedAt",
          ],
        },
      },
    ],
  },
  "get /api/v1/projects/{slug}/sprints/{id}": {
    type: "object",
    properties: {
      id: {
        type: "number",
      },
      name: {
        type: ["string", "null"],
      },
      goal: {},
      status: {
        type: "string",
      },
      startDate: {
        type: ["string", "null"],
      },
      endDate: {
        type: ["string", "null"],
      },
      startedAt: {
        type: ["string", "null"],
      },
      completedAt: {
        type: ["string", "null"],
      },
      committedPoints: {
        type: "number",
      },
      completedPoints: {
        type: "number",
      },
      cardCount: {
        type: "number",
      },
      points: {
        type: "number",
      },
      donePoints: {
        type: "number",
      },
      doneCount: {
        type: "number",
      },
      cards: {
        type: "array",
        items: {
          type: "object",
          properties: {
            id: {
              type: "number",
            },
            key: {
              type: "string",
            },
            number: {
              type: "number",
            },
            title: {
              type: ["string", "null"],
            },
            columnId: {
              type: "number",
            },
            position: {
              type: "number",
            },
            priority: {
              type: "string",
            },
            type: {
              type: "string",
            },
            dueDate: {},
            estimateHours: {
              type: "number",
            },
            storyPoints: {
              type: "number",
            },
            parentKey: {},
            version: {
              type: "number",
            },
            rank: {
              type: "number",
            },
            sprintId: {
              type: ["number", "null"],
            },
            assignees: {
              type: "array",
              items: {},
            },
            labels: {
              type: "array",
              items: {},
            },
            commentCount: {
              type: "number",
            },
            checklist: {
              anyOf: [
                {
                  type: "object",
                  properties: {
                    done: {
                      type: "number",
                    },
                    total: {
                      type: "number",
                    },
                  },
                  required: ["done", "total"],
                },
                {
                  type: "null",
                },
              ],
            },
            createdAt: {
              type: "string",
            },
            updatedAt: {
              type: "string",
            },
          },
          required: [
            "id",
            "key",
            "number",
            "title",
            "columnId",
            "position",
            "priority",
            "type",
            "dueDate",
            "estimateHours",
            "storyPoints",
            "parentKey",
            "version",
            "rank",
            "sprintId",
            "assignees",
            "labels",
            "commentCount",
            "checklist",
            "createdAt",
            "updatedAt",
          ],
        },
      },
    },
    required: [
      "id",
      "name",
      "goal",
      "status",
      "startDate",
      "endDate",
      "startedAt",
      "completedAt",
      "committedPoints",
      "completedPoints",
      "cardCount",
      "points",
      "donePoints",
      "doneCount",
      "cards",
    ],
  },
  "delete /api/v1/projects/{slug}/sprints/{id}/cards/{key}": {
    type: "object",
    properties: {
      id: {
        type: "number",
      },
      key: {
        type: "string",
      },
      number: {
        type: "number",
      },
      title: {
        type: ["string", "null"],
      },
      description: {
        type: ["string", "null"],
      },
      columnId: {
        type: "number",
      },
      position: {
        type: "number",
      },
      priority: {
        type: "string",
      },
      type: {
        type: "string",
      },
      dueDate: {},
      estimateHours: {
        type: "number",
      },
      storyPoints: {
        type: "number",
      },
      parentKey: {},
      version: {
        type: "number",
      },
      rank: {
        type: "number",
      },
      sprintId: {
        type: ["number", "null"],
      },
      assignees: {
        type: "array",
        items: {},
      },
      labels: {
        type: "array",
        items: {},
      },
      links: {
        type: "array",
        items: {},
      },
      commentCount: {
        type: "number",
      },
      checklist: {
        anyOf: [
          {
            type: "object",
            properties: {
              done: {
                type: "number",
              },
              total: {
                type: "number",
              },
            },
            required: ["done", "total"],
          },
          {
            type: "null",
          },
        ],
      },
      createdAt: {
        type: "string",
      },
      updatedAt: {
        type: "string",
      },
    },
    required: [
      "id",
      "key",
      "number",
      "title",
      "description",
      "columnId",
      "position",
      "priority",
      "type",
      "dueDate",
      "estimateHours",
      "storyPoints",
      "parentKey",
      "version",
      "rank",
      "sprintId",
      "assignees",
      "labels",
      "links",
      "commentCount",
      "checklist",
      "createdAt",
      "updatedAt",
    ],
  },
  "post /api/v1/projects/{slug}/cards/{key}/move": {
    type: "object",
    properties: {
      id: {
        type: "number",
      },
      key: {
        type: "string",
      },
      number: {
        type: "number",
      },
      title: {
        type: ["string", "null"],
      },
      description: {
        type: ["string", "null"],
      },
      columnId: {
        type: "number",
      },
      position: {
        type: "number",
      },
      priority: {
        type: "string",
      },
      type: {
        type: "string",
      },
      dueDate: {},
      estimateHours: {
        type: "number",
      },
      storyPoints: {
        type: "number",
      },
      parentKey: {},
      version: {
        type: "number",
      },
      rank: {
        type: "number",
      },
      sprintId: {
        type: ["number", "null"],
      },
      assignees: {
        type: "array",
        items: {},
      },
      labels: {
        type: "array",
        items: {},
      },
      links: {
        type: "array",
        items: {},
      },
      commentCount: {
        type: "number",
      },
      checklist: {
        anyOf: [
          {
            type: "object",
            properties: {
              done: {
                type: "number",
              },
              total: {
                type: "number",
              },
            },
            required: ["done", "total"],
          },
          {
            type: "null",
          },
        ],
      },
      createdAt: {
        type: "string",
      },
      updatedAt: {
        type: "string",
      },
    },
    required: [
      "id",
      "key",
      "number",
      "title",
      "description",
      "columnId",
      "position",
      "priority",
      "type",
      "dueDate",
      "estimateHours",
      "storyPoints",
      "parentKey",
      "version",
      "rank",
      "sprintId",
      "assignees",
      "labels",
      "links",
      "commentCount",
      "checklist",
      "createdAt",
      "updatedAt",
    ],
  },
  "get /api/v1/projects/{slug}/sprints": {
    type: "array",
    items: {
      type: "object",
      properties: {
        id: {
          type: "number",
        },
        name: {
          type: ["string", "null"],
        },
        goal: {},
        status: {
          type: "string",
        },
        startDate: {
          type: ["string", "null"],
        },
        endDate: {
          type: ["string", "null"],
        },
        startedAt: {
          type: ["string", "null"],
        },
        completedAt: {
          type: ["string", "null"],
        },
        committedPoints: {
          type: "number",
        },
        completedPoints: {
          type: "number",
        },
        cardCount: {
          type: "number",
        },
        points: {
          type: "number",
        },
        donePoints: {
          type: "number",
        },
        doneCount: {
          type: "number",
        },
      },
      required: [
        "id",
        "name",
        "goal",
        "status",
        "startDate",
        "endDate",
        "startedAt",
        "completedAt",
        "committedPoints",
        "completedPoints",
        "cardCount",
        "points",
        "donePoints",
        "doneCount",
      ],
    },
  },
  "get /api/v1/projects/{slug}/done-columns": {
    type: "object",
    properties: {
      columnIds: {
        type: "array",
        items: {
          type: "number",
        },
      },
      isChosen: {
        type: "boolean",
      },
      columns: {
        type: "array",
        items: {
          type: "object",
          properties: {
            id: {
              type: "number",
            },
            name: {
              type: ["string", "null"],
            },
            isDone: {
              type: "boolean",
            },
          },
          required: ["id", "name", "isDone"],
        },
      },
    },
    required: ["columnIds", "isChosen", "columns"],
  },
  "put /api/v1/projects/{slug}/done-columns": {
    type: "object",
    properties: {
      columnIds: {
        type: "array",
        items: {
          type: "number",
        },
      },
      isChosen: {
        type: "boolean",
      },
      columns: {
        type: "array",
        items: {
          type: "object",
          properties: {
            id: {
              type: "number",
            },
            name: {
              type: ["string", "null"],
            },
            isDone: {
              type: "boolean",
            },
          },
          required: ["id", "name", "isDone"],
        },
      },
    },
    required: ["columnIds", "isChosen", "columns"],
  },
  "get /api/setup": {
    type: "object",
    properties: {
      needed: {
        type: "boolean",
      },
    },
    required: ["needed"],
  },
  "post /api/setup": {
    type: "object",
    properties: {
      id: {
        type: "number",
      },
      email: {
        type: ["string", "null"],
      },
      username: {
        type: "string",
      },
      role: {
        type: "string",
      },
      language: {
        type: "string",
      },
      theme: {
        type: "string",
      },
      createdAt: {
        type: "string",
      },
    },
    required: ["id", "email", "username", "role", "language", "theme", "createdAt"],
  },
  "post /api/v1/projects/{slug}/columns": {
    type: "object",
    properties: {
      id: {
        type: "number",
      },
      name: {
        type: ["string", "null"],
      },
      position: {
        type: "number",
      },
      wipLimit: {
        type: "number",
      },
      color: {
        type: ["string", "null"],
      },
      cards: {
        type: "array",
        items: {},
      },
    },
    required: ["id", "name", "position", "wipLimit", "color", "cards"],
  },
  "post /api/realtime/token": {
    type: "object",
    properties: {
      token: {
        type: "string",
      },
      url: {
        type: "string",
      },
    },
    required: ["token", "url"],
  },
  "get /api/v1/customers/{slug}/timesheet": {
    type: "object",
    properties: {
      customer: {
        type: ["object", "null"],
        properties: {
          name: {
            type: ["string", "null"],
          },
          slug: {
            type: "string",
          },
          address: {
            type: ["string", "null"],
          },
          contact: {
            type: ["string", "null"],
          },
          email: {
            type: ["string", "null"],
          },
        },
        required: ["name", "slug", "address", "contact", "email"],
      },
      contract: {},
      from: {
        type: "string",
      },
      to: {
        type: "string",
      },
      currency: {
        type: ["string", "null"],
      },
      projects: {
        type: "array",
        items: {
          type: "object",
          properties: {
            name: {
              type: ["string", "null"],
            },
            key: {
              type: "string",
            },
            minutes: {
              type: "number",
            },
            amountMinor: {
              type: "number",
            },
            cards: {
              type: "array",
              items: {
                type: "object",
                properties: {
                  key: {
                    type: ["string", "null"],
                  },
                  title: {
                    type: ["string", "null"],
                  },
                  minutes: {
                    type: "number",
                  },
                  amountMinor: {
                    type: "number",
                  },
                  entries: {
                    type: "array",
                    items: {
                      type: "object",
                      properties: {
                        id: {
                          type: "number",
                        },
                        date: {
                          type: "string",
                        },
                        user: {
                          type: ["string", "null"],
                        },
                        description: {
                          type: ["string", "null"],
                        },
                        minutes: {
                          type: "number",
                        },
                        rateMinor: {
                          type: ["number", "null"],
                        },
                        amountMinor: {
                          type: "number",
                        },
                        contract: {
                          type: ["string", "null"],
                        },
                      },
                      required: ["id", "date", "user", "description", "minutes", "rateMinor", "amountMinor", "contract"],
                    },
                  },
                },
                required: ["key", "title", "minutes", "amountMinor", "entries"],
              },
            },
          },
          required: ["name", "key", "minutes", "amountMinor", "cards"],
        },
      },
      total: {
        anyOf: [
          {
            type: "object",
            properties: {
              minutes: {
                type: "number",
              },
              amountMinor: {
                type: "number",
              },
              entries: {
                type: "number",
              },
            },
            required: ["minutes", "amountMinor", "entries"],
          },
          {
            type: "null",
          },
        ],
      },
      invoice: {},
    },
    required: ["customer", "contract", "from", "to", "currency", "projects", "total", "invoice"],
  },
  "post /api/v1/customers/{slug}/invoices": {
    type: "object",
    properties: {
      id: {
        type: "number",
      },
      from: {
        type: "string",
      },
      to: {
        type: "string",
      },
      contract: {
        type: ["object", "null"],
        properties: {
          id: {
            type: "number",
          },
          name: {
            type: ["string", "null"],
          },
        },
        required: ["id", "name"],
      },
      currency: {
        type: ["string", "null"],
      },
      entryCount: {
        type: "number",
      },
      totalMinutes: {
        type: "number",
      },
      totalMinor: {
        type: "number",
      },
      voided: {
        type: "boolean",
      },
      createdAt: {
        type: "string",
      },
    },
    required: ["id", "from", "to", "contract", "currency", "entryCount", "totalMinutes", "totalMinor", "voided", "createdAt"],
  },
  "get /api/v1/customers/{slug}/invoices": {
    type: "object",
    properties: {
      invoices: {
        type: "array",
        items: {
          type: "object",
          properties: {
            id: {
              type: "number",
            },
            from: {
              type: "string",
            },
            to: {
              type: "string",
            },
            contract: {
              type: ["object", "null"],
              properties: {
                id: {
                  type: "number",
                },
                name: {
                  type: ["string", "null"],
                },
              },
              required: ["id", "name"],
            },
            currency: {
              type: ["string", "null"],
            },
            entryCount: {
              type: "number",
            },
            totalMinutes: {
              type: "number",
            },
            totalMinor: {
              type: "number",
            },
            voided: {
              type: "boolean",
            },
            createdAt: {
              type: "string",
            },
          },
          required: [
            "id",
            "from",
            "to",
            "contract",
            "currency",
            "entryCount",
            "totalMinutes",
            "totalMinor",
            "voided",
            "createdAt",
          ],
        },
      },
    },
    required: ["invoices"],
  },
  "post /api/v1/customers/{slug}/invoices/{id}/void": {
    type: "object",
    properties: {
      id: {
        type: "number",
      },
      from: {
        type: "string",
      },
      to: {
        type: "string",
      },
      contract: {
        type: ["object", "null"],
        properties: {
          id: {
            type: "number",
          },
          name: {
            type: ["string", "null"],
          },
        },
        required: ["id", "name"],
      },
      currency: {
        type: ["string", "null"],
      },
      entryCount: {
        type: "number",
      },
      totalMinutes: {
        type: "number",
      },
      totalMinor: {
        type: "number",
      },
      voided: {
        type: "boolean",
      },
      createdAt: {
        type: "string",
      },
    },
    required: ["id", "from", "to", "contract", "currency", "entryCount", "totalMinutes", "totalMinor", "voided", "createdAt"],
  },
  "post /api/v1/projects/{slug}/messages": {
    type: "object",
    properties: {
      id: {
        type: "number",
      },
      body: {
        type: "string",
      },
      user: {
        anyOf: [
          {
            type: "object",
            properties: {
              id: {
                type: "number",
              },
              username: {
                type: "string",
              },
              former: {
                type: "boolean",
              },
            },
            required: ["id", "username", "former"],
          },
          {
            type: "null",
          },
        ],
      },
      createdAt: {
        type: "string",
      },
      editedAt: {
        type: ["string", "null"],
      },
      deleted: {
        type: "boolean",
      },
      projectId: {
        type: ["number", "null"],
      },
      isBot: {
        type: "boolean",
      },
      botName: {
        type: ["string", "null"],
      },
    },
    required: ["id", "body", "user", "createdAt", "editedAt", "deleted", "projectId", "isBot", "botName"],
  },
  "get /api/v1/projects/{slug}/messages": {
    type: "array",
    items: {
      type: "object",
      properties: {
        id: {
          type: "number",
        },
        body: {
          type: ["string", "null"],
        },
        user: {
          anyOf: [
            {
              type: "object",
              properties: {
                id: {
                  type: "number",
                },
                username: {
                  type: "string",
                },
                former: {
                  type: "boolean",
                },
              },
              required: ["id", "username", "former"],
            },
            {
              type: "null",
            },
          ],
        },
        createdAt: {
          type: "string",
        },
        editedAt: {
          type: ["string", "null"],
        },
        deleted: {
          type: "boolean",
        },
        projectId: {
          type: ["number", "null"],
        },
        isBot: {
          type: "boolean",
        },
        botName: {
          type: ["string", "null"],
        },
        attachments: {
          type: "array",
          items: {},
        },
      },
      required: ["id", "body", "user", "createdAt", "editedAt", "deleted", "projectId", "isBot", "botName", "attachments"],
    },
  },
  "patch /api/v1/projects/{slug}/messages/{id}": {
    type: "object",
    properties: {
      id: {
        type: "number",
      },
      body: {
        type: "string",
      },
      user: {
        anyOf: [
          {
            type: "object",
            properties: {
              id: {
                type: "number",
              },
              username: {
                type: "string",
              },
              former: {
                type: "boolean",
              },
            },
            required: ["id", "username", "former"],
          },
          {
            type: "null",
          },
        ],
      },
      createdAt: {
        type: "string",
      },
      editedAt: {
        type: ["string", "null"],
      },
      deleted: {
        type: "boolean",
      },
      projectId: {
        type: ["number", "null"],
      },
      isBot: {
        type: "boolean",
      },
      botName: {
        type: ["string", "null"],
      },
    },
    required: ["id", "body", "user", "createdAt", "editedAt", "deleted", "projectId", "isBot", "botName"],
  },
  "delete /api/v1/projects/{slug}/messages/{id}": {
    type: "object",
    properties: {
      id: {
        type: "number",
      },
      body: {
        type: ["string", "null"],
      },
      user: {
        anyOf: [
          {
            type: "object",
            properties: {
              id: {
                type: "number",
              },
              username: {
                type: "string",
              },
              former: {
                type: "boolean",
              },
            },
            required: ["id", "username", "former"],
          },
          {
            type: "null",
          },
        ],
      },
      createdAt: {
        type: "string",
      },
      editedAt: {
        type: ["string", "null"],
      },
      deleted: {
        type: "boolean",
      },
      projectId: {
        type: ["number", "null"],
      },
      isBot: {
        type: "boolean",
      },
      botName: {
        type: ["string", "null"],
      },
      attachments: {
        type: "array",
        items: {},
      },
    },
    required: ["id", "body", "user", "createdAt", "editedAt", "deleted", "projectId", "isBot", "botName", "attachments"],
  },
  "get /api/v1/me/unread": {
    type: "object",
    properties: {
      projects: {
        type: "array",
        items: {
          type: "object",
          properties: {
            projectId: {
              type: ["number", "null"],
            },
            lastReadMessageId: {
              type: "number",
            },
            unread: {
              type: "number",
            },
            slug: {
              type: "string",
            },
          },
          required: ["projectId", "lastReadMessageId", "unread", "slug"],
        },
      },
      conversations: {
        type: "array",
        items: {},
      },
      directUnread: {
        type: "number",
      },
      notifications: {
        type: "number",
      },
    },
    required: ["projects", "conversations", "directUnread", "notifications"],
  },
  "post /api/v1/projects/{slug}/messages/read": {
    type: "object",
    properties: {
      lastReadMessageId: {
        type: "number",
      },
      unread: {
        type: "number",
      },
    },
    required: ["lastReadMessageId", "unread"],
  },
  "post /api/v1/conversations": {
    type: "object",
    properties: {
      id: {
        type: "number",
      },
      name: {
        type: ["string", "null"],
      },
      isGroup: {
        type: "boolean",
      },
      members: {
        type: "array",
        items: {
          type: "object",
          properties: {
            id: {
              type: "number",
            },
            username: {
              type: "string",
            },
          },
          required: ["id", "username"],
        },
      },
      lastMessage: {},
      lastReadMessageId: {
        type: "number",
      },
      unread: {
        type: "number",
      },
      createdAt: {
        type: "string",
      },
    },
    required: ["id", "name", "isGroup", "members", "lastMessage", "lastReadMessageId", "unread", "createdAt"],
  },
  "post /api/v1/conversations/{id}/messages": {
    type: "object",
    properties: {
      id: {
        type: "number",
      },
      body: {
        type: "string",
      },
      user: {
        anyOf: [
          {
            type: "object",
            properties: {
              id: {
                type: "number",
              },
              username: {
                type: "string",
              },
              former: {
                type: "boolean",
              },
            },
            required: ["id", "username", "former"],
          },
          {
            type: "null",
          },
        ],
      },
      createdAt: {
        type: "string",
      },
      editedAt: {
        type: ["string", "null"],
      },
      deleted: {
        type: "boolean",
      },
      conversationId: {
        type: "number",
      },
    },
    required: ["id", "body", "user", "createdAt", "editedAt", "deleted", "conversationId"],
  },
  "get /api/v1/conversations/{id}/messages": {
    type: "array",
    items: {
      type: "object",
      properties: {
        id: {
          type: "number",
        },
        body: {
          type: "string",
        },
        user: {
          anyOf: [
            {
              type: "object",
              properties: {
                id: {
                  type: "number",
                },
                username: {
                  type: "string",
                },
                former: {
                  type: "boolean",
                },
              },
              required: ["id", "username", "former"],
            },
            {
              type: "null",
            },
          ],
        },
        createdAt: {
          type: "string",
        },
        editedAt: {
          type: ["string", "null"],
        },
        deleted: {
          type: "boolean",
        },
        conversationId: {
          type: "number",
        },
        attachments: {
          type: "array",
          items: {},
        },
      },
      required: ["id", "body", "user", "createdAt", "editedAt", "deleted", "conversationId", "attachments"],
    },
  },
  "get /api/v1/conversations": {
    type: "array",
    items: {
      type: "object",
      properties: {
        id: {
          type: "number",
        },
        name: {
          type: ["string", "null"],
        },
        isGroup: {
          type: "boolean",
        },
        members: {
          type: "array",
          items: {
            type: "object",
            properties: {
              id: {
                type: "number",
              },
              username: {
                type: "string",
              },
            },
            required: ["id", "username"],
          },
        },
        lastMessage: {
          anyOf: [
            {
              type: "object",
              properties: {
                id: {
                  type: "number",
                },
                body: {
                  type: "string",
                },
                user: {
                  anyOf: [
                    {
                      type: "object",
                      properties: {
                        id: {
                          type: "number",
                        },
                        username: {
                          type: "string",
                        },
                        former: {
                          type: "boolean",
                        },
                      },
                      required: ["id", "username", "former"],
                    },
                    {
                      type: "null",
                    },
                  ],
                },
                createdAt: {
                  type: "string",
                },
                editedAt: {
                  type: ["string", "null"],
                },
                deleted: {
                  type: "boolean",
                },
                conversationId: {
                  type: "number",
                },
              },
              required: ["id", "body", "user", "createdAt", "editedAt", "deleted", "conversationId"],
            },
            {
              type: "null",
            },
          ],
        },
        lastReadMessageId: {
          type: "number",
        },
        unread: {
          type: "number",
        },
        createdAt: {
          type: "string",
        },
      },
      required: ["id", "name", "isGroup", "members", "lastMessage", "lastReadMessageId", "unread", "createdAt"],
    },
  },
  "post /api/v1/conversations/{id}/leave": {
    type: "object",
    properties: {
      left: {
        type: "boolean",
      },
    },
    required: ["left"],
  },
  "get /api/v1/conversations/{id}": {
    type: "object",
    properties: {
      id: {
        type: "number",
      },
      name: {
        type: ["string", "null"],
      },
      isGroup: {
        type: "boolean",
      },
      members: {
        type: "array",
        items: {
          type: "object",
          properties: {
            id: {
              type: "number",
            },
            username: {
              type: "string",
            },
          },
          required: ["id", "username"],
        },
      },
      lastMessage: {
        type: ["object", "null"],
        properties: {
          id: {
            type: "number",
          },
          body: {
            type: "string",
          },
          user: {
            anyOf: [
              {
                type: "object",
                properties: {
                  id: {
                    type: "number",
                  },
                  username: {
                    type: "string",
                  },
                  former: {
                    type: "boolean",
                  },
                },
                required: ["id", "username", "former"],
              },
              {
                type: "null",
              },
            ],
          },
          createdAt: {
            type: "string",
          },
          editedAt: {
            type: ["string", "null"],
          },
          deleted: {
            type: "boolean",
          },
          conversationId: {
            type: "number",
          },
        },
        required: ["id", "body", "user", "createdAt", "editedAt", "deleted", "conversationId"],
      },
      lastReadMessageId: {
        type: "number",
      },
      unread: {
        type: "number",
      },
      createdAt: {
        type: "string",
      },
    },
    required: ["id", "name", "isGroup", "members", "lastMessage", "lastReadMessageId", "unread", "createdAt"],
  },
  "post /api/v1/rates": {
    type: "object",
    properties: {
      id: {
        type: "number",
      },
      level: {
        type: "string",
      },
      customer: {
        anyOf: [
          {
            type: "object",
            properties: {
              slug: {
                type: "string",
              },
              name: {
                type: ["string", "null"],
              },
            },
            required: ["slug", "name"],
          },
          {
            type: "null",
          },
        ],
      },
      contract: {
        anyOf: [
          {
            type: "object",
            properties: {
              id: {
                type: "number",
              },
              name: {
                type: ["string", "null"],
              },
            },
            required: ["id", "name"],
          },
          {
            type: "null",
          },
        ],
      },
      project: {
        anyOf: [
          {
            type: "object",
            properties: {
              slug: {
                type: "string",
              },
              name: {
                type: ["string", "null"],
              },
            },
            required: ["slug", "name"],
          },
          {
            type: "null",
          },
        ],
      },
      username: {
        type: ["string", "null"],
      },
      validFrom: {
        type: "string",
      },
      rateMinor: {
        type: ["number", "null"],
      },
      rate: {
        type: "string",
      },
      currency: {
        type: ["string", "null"],
      },
      createdAt: {
        type: "string",
      },
    },
    required: [
      "id",
      "level",
      "customer",
      "contract",
      "project",
      "username",
      "validFrom",
      "rateMinor",
      "rate",
      "currency",
      "createdAt",
    ],
  },
  "get /api/v1/rates": {
    type: "object",
    properties: {
      rates: {
        type: "array",
        items: {
          type: "object",
          properties: {
            id: {
              type: "number",
            },
            level: {
              type: "string",
            },
            customer: {
              anyOf: [
                {
                  type: "object",
                  properties: {
                    slug: {
                      type: "string",
                    },
                    name: {
                      type: ["string", "null"],
                    },
                  },
                  required: ["slug", "name"],
                },
                {
                  type: "null",
                },
              ],
            },
            contract: {
              anyOf: [
                {
                  type: "object",
                  properties: {
                    id: {
                      type: "number",
                    },
                    name: {
                      type: ["string", "null"],
                    },
                  },
                  required: ["id", "name"],
                },
                {
                  type: "null",
                },
              ],
            },
            project: {
              anyOf: [
                {
                  type: "object",
                  properties: {
                    slug: {
                      type: "string",
                    },
                    name: {
                      type: ["string", "null"],
                    },
                  },
                  required: ["slug", "name"],
                },
                {
                  type: "null",
                },
              ],
            },
            username: {
              type: ["string", "null"],
            },
            validFrom: {
              type: "string",
            },
            rateMinor: {
              type: ["number", "null"],
            },
            rate: {
              type: "string",
            },
            currency: {
              type: ["string", "null"],
            },
            createdAt: {
              type: "string",
            },
          },
          required: [
            "id",
            "level",
            "customer",
            "contract",
            "project",
            "username",
            "validFrom",
            "rateMinor",
            "rate",
            "currency",
            "createdAt",
          ],
        },
      },
      currency: {
        type: ["string", "null"],
      },
    },
    required: ["rates", "currency"],
  },
  "delete /api/v1/rates/{id}": {},
  "patch /api/v1/projects/{slug}/columns/{id}": {
    type: "object",
    properties: {
      id: {
        type: "number",
      },
      name: {
        type: ["string", "null"],
      },
      position: {
        type: "number",
      },
      wipLimit: {
        type: "number",
      },
      color: {
        type: ["string", "null"],
      },
    },
    required: ["id", "name", "position", "wipLimit", "color"],
  },
  "post /api/v1/projects/{slug}/columns/{id}/move": {
    type: "object",
    properties: {
      id: {
        type: "number",
      },
      name: {
        type: ["string", "null"],
      },
      position: {
        type: "number",
      },
      wipLimit: {
        type: "number",
      },
      color: {
        type: ["string", "null"],
      },
    },
    required: ["id", "name", "position", "wipLimit", "color"],
  },
  "delete /api/v1/projects/{slug}/columns/{id}": {},
  "post /api/v1/projects/{slug}/columns/{id}/archive-cards": {
    type: "object",
    properties: {
      archived: {
        type: "number",
      },
    },
    required: ["archived"],
  },
  "get /api/v1/customers/{slug}/contracts/{id}/periods": {
    type: "object",
    properties: {
      contract: {
        type: ["object", "null"],
        properties: {
          id: {
            type: "number",
          },
          customerId: {
            type: ["number", "null"],
          },
          name: {
            type: ["string", "null"],
          },
          description: {
            type: ["string", "null"],
          },
          startDate: {
            type: ["string", "null"],
          },
          endDate: {
            type: ["string", "null"],
          },
          status: {
            type: "string",
          },
          hours: {
            type: "number",
          },
          contractedMinutes: {
            type: "number",
          },
          usedMinutes: {
            type: "number",
          },
          remainingMinutes: {
            type: "number",
          },
          percentUsed: {
            type: "number",
          },
          level: {
            type: "string",
          },
          forecast: {
            anyOf: [
              {
                type: "object",
                properties: {
                  windowMinutes: {
                    type: "number",
                  },
                  windowDays: {
                    type: "number",
                  },
                  minutesPerWeek: {
                    type: "number",
                  },
                  runOutDate: {
                    type: ["string", "null"],
                  },
                  runsOutBeforeEnd: {},
                },
                required: ["windowMinutes", "windowDays", "minutesPerWeek", "runOutDate", "runsOutBeforeEnd"],
              },
              {
                type: "null",
              },
            ],
          },
          recurrence: {
            type: "string",
          },
          budgetKind: {
            type: "string",
          },
          budgetMinor: {
            type: "number",
          },
          currency: {
            type: ["string", "null"],
          },
          carryOver: {
            type: "boolean",
          },
          alertThresholds: {
            type: "array",
            items: {
              type: "number",
            },
          },
          owners: {
            type: "array",
            items: {
              type: "string",
            },
          },
          currentPeriod: {
            anyOf: [
              {
                type: "object",
                properties: {
                  index: {
                    type: "number",
                  },
                  start: {
                    type: "string",
                  },
                  end: {
                    type: ["string", "null"],
                  },
                  budget: {
                    type: "number",
                  },
                  carriedIn: {
                    type: "number",
                  },
                  available: {
                    type: "number",
                  },
                  used: {
                    type: "number",
                  },
                  percentUsed: {
                    type: "number",
                  },
                  forecast: {
                    anyOf: [
                      {
                        type: "object",
                        properties: {
                          projectedUse: {
                            type: "number",
                          },
                          projectedPercent: {
                            type: "number",
                          },
                          daysLeft: {
                            type: "number",
                          },
                        },
                        required: ["projectedUse", "projectedPercent", "daysLeft"],
                      },
                      {
                        type: "null",
                      },
                    ],
                  },
                },
                required: ["index", "start", "end", "budget", "carriedIn", "available", "used", "percentUsed", "forecast"],
              },
              {
                type: "null",
              },
            ],
          },
        },
        required: [
          "id",
          "customerId",
          "name",
          "description",
          "startDate",
          "endDate",
          "status",
          "hours",
          "contractedMinutes",
          "usedMinutes",
          "remainingMinutes",
          "percentUsed",
          "level",
          "forecast",
          "recurrence",
          "budgetKind",
          "budgetMinor",
          "currency",
          "carryOver",
          "alertThresholds",
          "owners",
          "currentPeriod",
        ],
      },
      kind: {
        type: "string",
      },
      periods: {
        type: "array",
        items: {
          type: "object",
          properties: {
            index: {
              type: "number",
            },
            start: {
              type: "string",
            },
            end: {
              type: ["string", "null"],
            },
            budget: {
              type: "number",
            },
            carriedIn: {
              type: "number",
            },
            available: {
              type: "number",
            },
            used: {
              type: "number",
            },
            percentUsed: {
              type: "number",
            },
          },
          required: ["index", "start", "end", "budget", "carriedIn", "available", "used", "percentUsed"],
        },
      },
      current: {
        anyOf: [
          {
            type: "object",
            properties: {
              index: {
                type: "number",
              },
              start: {
                type: "string",
              },
              end: {
                type: ["string", "null"],
              },
              budget: {
                type: "number",
              },
              carriedIn: {
                type: "number",
              },
              available: {
                type: "number",
              },
              used: {
                type: "number",
              },
              percentUsed: {
                type: "number",
              },
              forecast: {
                anyOf: [
                  {
                    type: "object",
                    properties: {
                      projectedUse: {
                        type: "number",
                      },
                      projectedPercent: {
                        type: "number",
                      },
                      daysLeft: {
                        type: "number",
                      },
                    },
                    required: ["projectedUse", "projectedPercent", "daysLeft"],
                  },
                  {
                    type: "null",
                  },
                ],
              },
            },
            required: ["index", "start", "end", "budget", "carriedIn", "available", "used", "percentUsed", "forecast"],
          },
          {
            type: "null",
          },
        ],
      },
    },
    required: ["contract", "kind", "periods", "current"],
  },
  "get /api/v1/search": {
    type: "object",
    properties: {
      query: {
        type: "string",
      },
      results: {
        type: "array",
        items: {
          type: "object",
          properties: {
            id: {
              type: "number",
            },
            title: {
              anyOf: [
                {
                  type: "object",
                  properties: {
                    text: {
                      type: "string",
                    },
                    marks: {
                      type: "array",
                      items: {
                        type: "array",
                        items: {
                          type: "number",
                        },
                      },
                    },
                  },
                  required: ["text", "marks"],
                },
                {
                  type: "null",
                },
              ],
            },
            snippet: {
              anyOf: [
                {
                  type: "object",
                  properties: {
                    text: {
                      type: "string",
                    },
                    marks: {
                      type: "array",
                      items: {
                        type: "array",
                        items: {
                          type: "number",
                        },
                      },
                    },
                  },
                  required: ["text", "marks"],
                },
                {
                  type: "null",
                },
              ],
            },
            url: {
              type: "string",
            },
            type: {
              type: "string",
            },
            project: {
              anyOf: [
                {
                  type: "object",
                  properties: {
                    id: {
                      type: "number",
                    },
                    slug: {
                      type: "string",
                    },
                    key: {
                      type: "string",
                    },
                    name: {
                      type: ["string", "null"],
                    },
                  },
                  required: ["id", "slug", "key", "name"],
                },
                {
                  type: "null",
                },
              ],
            },
          },
          required: ["id", "title", "snippet", "url", "type", "project"],
        },
      },
    },
    required: ["query", "results"],
  },
  "patch /api/v1/admin/settings": {
    type: "object",
    properties: {
      instance_name: {
        type: "string",
      },
      accent_color: {
        type: "string",
      },
      logo: {
        type: "string",
      },
      default_language: {
        type: "string",
      },
      session_idle_minutes: {
        type: "number",
      },
      max_upload_mb: {
        type: "number",
      },
      allow_signup: {
        type: "boolean",
      },
      lockout_threshold: {
        type: "number",
      },
      lockout_minutes: {
        type: "number",
      },
      audit_retention_days: {
        type: "number",
      },
      smtp_host: {
        type: "string",
      },
      smtp_port: {
        type: "number",
      },
      smtp_user: {
        type: "string",
      },
      smtp_from: {
        type: "string",
      },
      smtp_tls: {
        type: "string",
      },
      time_lock_days: {
        type: "number",
      },
      api_rate_limit_per_minute: {
        type: "number",
      },
      default_currency: {
        type: "string",
      },
      webhooks_allow_private: {
        type: "boolean",
      },
      smtp_password_set: {
        type: "boolean",
      },
      smtp_configured: {
        type: "boolean",
      },
    },
    required: [
      "instance_name",
      "accent_color",
      "logo",
      "default_language",
      "session_idle_minutes",
      "max_upload_mb",
      "allow_signup",
      "lockout_threshold",
      "lockout_minutes",
      "audit_retention_days",
      "smtp_host",
      "smtp_port",
      "smtp_user",
      "smtp_from",
      "smtp_tls",
      "time_lock_days",
      "api_rate_limit_per_minute",
      "default_currency",
      "webhooks_allow_private",
      "smtp_password_set",
      "smtp_configured",
    ],
  },
  "get /api/v1/admin/settings": {
    type: "object",
    properties: {
      instance_name: {
        type: "string",
      },
      accent_color: {
        type: "string",
      },
      logo: {
        type: "string",
      },
      default_language: {
        type: "string",
      },
      session_idle_minutes: {
        type: "number",
      },
      max_upload_mb: {
        type: "number",
      },
      allow_signup: {
        type: "boolean",
      },
      lockout_threshold: {
        type: "number",
      },
      lockout_minutes: {
        type: "number",
      },
      audit_retention_days: {
        type: "number",
      },
      smtp_host: {
        type: "string",
      },
      smtp_port: {
        type: "number",
      },
      smtp_user: {
        type: "string",
      },
      smtp_from: {
        type: "string",
      },
      smtp_tls: {
        type: "string",
      },
      time_lock_days: {
        type: "number",
      },
      api_rate_limit_per_minute: {
        type: "number",
      },
      default_currency: {
        type: "string",
      },
      webhooks_allow_private: {
        type: "boolean",
      },
      smtp_password_set: {
        type: "boolean",
      },
      smtp_configured: {
        type: "boolean",
      },
    },
    required: [
      "instance_name",
      "accent_color",
      "logo",
      "default_language",
      "session_idle_minutes",
      "max_upload_mb",
      "allow_signup",
      "lockout_threshold",
      "lockout_minutes",
      "audit_retention_days",
      "smtp_host",
      "smtp_port",
      "smtp_user",
      "smtp_from",
      "smtp_tls",
      "time_lock_days",
      "api_rate_limit_per_minute",
      "default_currency",
      "webhooks_allow_private",
      "smtp_password_set",
      "smtp_configured",
    ],
  },
  "post /api/v1/admin/settings/test-email": {
    type: "object",
    properties: {
      ok: {
        type: "boolean",
      },
      response: {
        type: "string",
      },
      code: {
        type: "string",
      },
      messageId: {
        type: "string",
      },
      responseCode: {
        type: ["number", "null"],
      },
      accepted: {
        type: "array",
        items: {
          type: "string",
        },
      },
      message: {
        type: "string",
      },
      rejected: {
        type: "array",
        items: {},
      },
      to: {
        type: "string",
      },
    },
    required: ["ok", "response", "to"],
  },
  "post /api/auth/password-reset/request": {
    type: "object",
    properties: {
      accepted: {
        type: "boolean",
      },
    },
    required: ["accepted"],
  },
  "post /api/auth/password-reset/confirm": {
    type: "object",
    properties: {
      ok: {
        type: "boolean",
      },
    },
    required: ["ok"],
  },
  "post /api/v1/projects/{slug}/topics": {
    type: "object",
    properties: {
      id: {
        type: "number",
      },
      projectId: {
        type: ["number", "null"],
      },
      title: {
        type: ["string", "null"],
      },
      body: {
        type: "string",
      },
      pinned: {
        type: "boolean",
      },
      locked: {
        type: "boolean",
      },
      replyCount: {
        type: "number",
      },
      lastActivityAt: {
        type: "string",
      },
      createdAt: {
        type: "string",
      },
      editedAt: {
        type: ["string", "null"],
      },
      deleted: {
        type: "boolean",
      },
      user: {
        anyOf: [
          {
            type: "object",
            properties: {
              id: {
                type: "number",
              },
              username: {
                type: "string",
              },
              former: {
                type: "boolean",
              },
            },
            required: ["id", "username", "former"],
          },
          {
            type: "null",
          },
        ],
      },
    },
    required: [
      "id",
      "projectId",
      "title",
      "body",
      "pinned",
      "locked",
      "replyCount",
      "lastActivityAt",
      "createdAt",
      "editedAt",
      "deleted",
      "user",
    ],
  },
  "get /api/v1/projects/{slug}/topics": {
    type: "object",
    properties: {
      topics: {
        type: "array",
        items: {
          type: "object",
          properties: {
            id: {
              type: "number",
            },
            projectId: {
              type: ["number", "null"],
            },
            title: {
              type: ["string", "null"],
            },
            pinned: {
              type: "boolean",
            },
            locked: {
              type: "boolean",
            },
            replyCount: {
              type: "number",
            },
            lastActivityAt: {
              type: "string",
            },
            createdAt: {
              type: "string",
            },
            editedAt: {
              type: ["string", "null"],
            },
            deleted: {
              type: "boolean",
            },
            user: {
              anyOf: [
                {
                  type: "object",
                  properties: {
                    id: {
                      type: "number",
                    },
                    username: {
                      type: "string",
                    },
                    former: {
                      type: "boolean",
                    },
                  },
                  required: ["id", "username", "former"],
                },
                {
                  type: "null",
                },
              ],
            },
            excerpt: {
              type: "string",
            },
          },
          required: [
            "id",
            "projectId",
            "title",
            "pinned",
            "locked",
            "replyCount",
            "lastActivityAt",
            "createdAt",
            "editedAt",
            "deleted",
            "user",
            "excerpt",
          ],
        },
      },
      page: {
        type: "number",
      },
      limit: {
        type: "number",
      },
      total: {
        type: "number",
      },
      canPost: {
        type: "boolean",
      },
      canModerate: {
        type: "boolean",
      },
    },
    required: ["topics", "page", "limit", "total", "canPost", "canModerate"],
  },
  "post /api/v1/projects/{slug}/topics/{id}/replies": {
    type: "object",
    properties: {
      id: {
        type: "number",
      },
      topicId: {
        type: "number",
      },
      body: {
        type: "string",
      },
      createdAt: {
        type: "string",
      },
      editedAt: {
        type: ["string", "null"],
      },
      deleted: {
        type: "boolean",
      },
      user: {
        anyOf: [
          {
            type: "object",
            properties: {
              id: {
                type: "number",
              },
              username: {
                type: "string",
              },
              former: {
                type: "boolean",
              },
            },
            required: ["id", "username", "former"],
          },
          {
            type: "null",
          },
        ],
      },
    },
    required: ["id", "topicId", "body", "createdAt", "editedAt", "deleted", "user"],
  },
  "patch /api/v1/projects/{slug}/topics/{id}": {
    type: "object",
    properties: {
      id: {
        type: "number",
      },
      projectId: {
        type: ["number", "null"],
      },
      title: {
        type: ["string", "null"],
      },
      body: {
        type: "string",
      },
      pinned: {
        type: "boolean",
      },
      locked: {
        type: "boolean",
      },
      replyCount: {
        type: "number",
      },
      lastActivityAt: {
        type: "string",
      },
      createdAt: {
        type: "string",
      },
      editedAt: {
        type: ["string", "null"],
      },
      deleted: {
        type: "boolean",
      },
      user: {
        anyOf: [
          {
            type: "object",
            properties: {
              id: {
                type: "number",
              },
              username: {
                type: "string",
              },
              former: {
                type: "boolean",
              },
            },
            required: ["id", "username", "former"],
          },
          {
            type: "null",
          },
        ],
      },
    },
    required: [
      "id",
      "projectId",
      "title",
      "body",
      "pinned",
      "locked",
      "replyCount",
      "lastActivityAt",
      "createdAt",
      "editedAt",
      "deleted",
      "user",
    ],
  },
  "get /api/v1/projects/{slug}/topics/{id}": {
    type: "object",
    properties: {
      topic: {
        anyOf: [
          {
            type: "object",
            properties: {
              id: {
                type: "number",
              },
              projectId: {
                type: ["number", "null"],
              },
              title: {
                type: ["string", "null"],
              },
              body: {
                type: "string",
              },
              pinned: {
                type: "boolean",
              },
              locked: {
                type: "boolean",
              },
              replyCount: {
                type: "number",
              },
              lastActivityAt: {
                type: "string",
              },
              createdAt: {
                type: "string",
              },
              editedAt: {
                type: ["string", "null"],
              },
              deleted: {
                type: "boolean",
              },
              user: {
                anyOf: [
                  {
                    type: "object",
                    properties: {
                      id: {
                        type: "number",
                      },
                      username: {
                        type: "string",
                      },
                      former: {
                        type: "boolean",
                      },
                    },
                    required: ["id", "username", "former"],
                  },
                  {
                    type: "null",
                  },
                ],
              },
            },
            required: [
              "id",
              "projectId",
              "title",
              "body",
              "pinned",
              "locked",
              "replyCount",
              "lastActivityAt",
              "createdAt",
              "editedAt",
              "deleted",
              "user",
            ],
          },
          {
            type: "null",
          },
        ],
      },
      project: {
        anyOf: [
          {
            type: "object",
            properties: {
              id: {
                type: "number",
              },
              slug: {
                type: "string",
              },
              key: {
                type: "string",
              },
              name: {
                type: ["string", "null"],
              },
            },
            required: ["id", "slug", "key", "name"],
          },
          {
            type: "null",
          },
        ],
      },
      canWrite: {
        type: "boolean",
      },
      canReply: {
        type: "boolean",
      },
      canModerate: {
        type: "boolean",
      },
      canEdit: {
        type: "boolean",
      },
    },
    required: ["topic", "project", "canWrite", "canReply", "canModerate", "canEdit"],
  },
  "patch /api/v1/projects/{slug}/topics/{id}/replies/{replyId}": {
    type: "object",
    properties: {
      id: {
        type: "number",
      },
      topicId: {
        type: "number",
      },
      body: {
        type: "string",
      },
      createdAt: {
        type: "string",
      },
      editedAt: {
        type: ["string", "null"],
      },
      deleted: {
        type: "boolean",
      },
      user: {
        anyOf: [
          {
            type: "object",
            properties: {
              id: {
                type: "number",
              },
              username: {
                type: "string",
              },
              former: {
                type: "boolean",
              },
            },
            required: ["id", "username", "former"],
          },
          {
            type: "null",
          },
        ],
      },
    },
    required: ["id", "topicId", "body", "createdAt", "editedAt", "deleted", "user"],
  },
  "delete /api/v1/projects/{slug}/topics/{id}/replies/{replyId}": {
    type: "object",
    properties: {
      id: {
        type: "number",
      },
      topicId: {
        type: "number",
      },
      body: {
        type: ["string", "null"],
      },
      createdAt: {
        type: "string",
      },
      editedAt: {
        type: ["string", "null"],
      },
      deleted: {
        type: "boolean",
      },
      user: {
        anyOf: [
          {
            type: "object",
            properties: {
              id: {
                type: "number",
              },
              username: {
                type: "string",
              },
              former: {
                type: "boolean",
              },
            },
            required: ["id", "username", "former"],
          },
          {
            type: "null",
          },
        ],
      },
    },
    required: ["id", "topicId", "body", "createdAt", "editedAt", "deleted", "user"],
  },
  "get /api/v1/projects/{slug}/topics/{id}/replies": {
    type: "object",
    properties: {
      replies: {
        type: "array",
        items: {
          type: "object",
          properties: {
            id: {
              type: "number",
            },
            topicId: {
              type: "number",
            },
            body: {
              type: ["string", "null"],
            },
            createdAt: {
              type: "string",
            },
            editedAt: {
              type: ["string", "null"],
            },
            deleted: {
              type: "boolean",
            },
            user: {
              anyOf: [
                {
                  type: "object",
                  properties: {
                    id: {
                      type: "number",
                    },
                    username: {
                      type: "string",
                    },
                    former: {
                      type: "boolean",
                    },
                  },
                  required: ["id", "username", "former"],
                },
                {
                  type: "null",
                },
              ],
            },
          },
          required: ["id", "topicId", "body", "createdAt", "editedAt", "deleted", "user"],
        },
      },
      nextAfter: {},
    },
    required: ["replies", "nextAfter"],
  },
  "delete /api/v1/projects/{slug}/topics/{id}": {
    type: "object",
    properties: {
      id: {
        type: "number",
      },
      projectId: {
        type: ["number", "null"],
      },
      title: {
        type: ["string", "null"],
      },
      body: {
        type: ["string", "null"],
      },
      pinned: {
        type: "boolean",
      },
      locked: {
        type: "boolean",
      },
      replyCount: {
        type: "number",
      },
      lastActivityAt: {
        type: "string",
      },
      createdAt: {
        type: "string",
      },
      editedAt: {
        type: ["string", "null"],
      },
      deleted: {
        type: "boolean",
      },
      user: {
        anyOf: [
          {
            type: "object",
            properties: {
              id: {
                type: "number",
              },
              username: {
                type: "string",
              },
              former: {
                type: "boolean",
              },
            },
            required: ["id", "username", "former"],
          },
          {
            type: "null",
          },
        ],
      },
    },
    required: [
      "id",
      "projectId",
      "title",
      "body",
      "pinned",
      "locked",
      "replyCount",
      "lastActivityAt",
      "createdAt",
      "editedAt",
      "deleted",
      "user",
    ],
  },
  "patch /api/v1/admin/groups/{id}": {
    type: "object",
    properties: {
      id: {
        type: "number",
      },
      name: {
        type: ["string", "null"],
      },
      description: {
        type: ["string", "null"],
      },
      createdAt: {
        type: "string",
      },
      memberCount: {
        type: "number",
      },
      projectCount: {
        type: "number",
      },
      customerCount: {
        type: "number",
      },
    },
    required: ["id", "name", "description", "createdAt", "memberCount", "projectCount", "customerCount"],
  },
  "get /api/v1/admin/groups": {
    type: "array",
    items: {
      type: "object",
      properties: {
        id: {
          type: "number",
        },
        name: {
          type: ["string", "null"],
        },
        description: {
          type: ["string", "null"],
        },
        createdAt: {
          type: "string",
        },
        memberCount: {
          type: "number",
        },
        projectCount: {
          type: "number",
        },
        customerCount: {
          type: "number",
        },
      },
      required: ["id", "name", "description", "createdAt", "memberCount", "projectCount", "customerCount"],
    },
  },
  "post /api/v1/admin/groups/{id}/members": {
    type: "object",
    properties: {
      id: {
        type: "number",
      },
      username: {
        type: "string",
      },
      email: {
        type: ["string", "null"],
      },
      avatar: {},
      status: {
        type: "string",
      },
    },
    required: ["id", "username", "email", "avatar", "status"],
  },
  "get /api/v1/admin/groups/{id}": {
    type: "object",
    properties: {
      id: {
        type: "number",
      },
      name: {
        type: ["string", "null"],
      },
      description: {
        type: ["string", "null"],
      },
      createdAt: {
        type: "string",
      },
      memberCount: {
        type: "number",
      },
      projectCount: {
        type: "number",
      },
      customerCount: {
        type: "number",
      },
      members: {
        type: "array",
        items: {
          type: "object",
          properties: {
            id: {
              type: "number",
            },
            username: {
              type: "string",
            },
            email: {
              type: ["string", "null"],
            },
            avatar: {},
            status: {
              type: "string",
            },
          },
          required: ["id", "username", "email", "avatar", "status"],
        },
      },
      projects: {
        type: "array",
        items: {
          type: "object",
          properties: {
            id: {
              type: "number",
            },
            slug: {
              type: "string",
            },
            name: {
              type: ["string", "null"],
            },
            key: {
              type: "string",
            },
            isArchived: {
              type: "boolean",
            },
            role: {
              type: "string",
            },
          },
          required: ["id", "slug", "name", "key", "isArchived", "role"],
        },
      },
      customers: {
        type: "array",
        items: {
          type: "object",
          properties: {
            id: {
              type: "number",
            },
            slug: {
              type: "string",
            },
            name: {
              type: ["string", "null"],
            },
            role: {
              type: "string",
            },
          },
          required: ["id", "slug", "name", "role"],
        },
      },
    },
    required: [
      "id",
      "name",
      "description",
      "createdAt",
      "memberCount",
      "projectCount",
      "customerCount",
      "members",
      "projects",
      "customers",
    ],
  },
  "delete /api/v1/admin/groups/{id}/members/{userId}": {},
  "put /api/v1/admin/groups/{id}/projects/{slug}": {
    type: "object",
    properties: {
      id: {
        type: "number",
      },
      slug: {
        type: "string",
      },
      name: {
        type: ["string", "null"],
      },
      key: {
        type: "string",
      },
      isArchived: {
        type: "boolean",
      },
      role: {
        type: "string",
      },
    },
    required: ["id", "slug", "name", "key", "isArchived", "role"],
  },
  "delete /api/v1/admin/groups/{id}/projects/{slug}": {},
  "delete /api/v1/admin/groups/{id}": {},
  "put /api/v1/admin/groups/{id}/customers/{slug}": {
    type: "object",
    properties: {
      id: {
        type: "number",
      },
      slug: {
        type: "string",
      },
      name: {
        type: ["string", "null"],
      },
      role: {
        type: "string",
      },
    },
    required: ["id", "slug", "name", "role"],
  },
  "delete /api/v1/admin/groups/{id}/customers/{slug}": {},
};
