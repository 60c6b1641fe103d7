// The OpenAPI document rendered for people: sections by the path's first segment, each operation
// with its summary, parameters, request body schema and responses. A server component: no client
// code and nothing fetched from elsewhere (the machine may be offline).
import { cn } from "@/components/ui/cn.ts";
import type { MessageKey } from "@/lib/i18n/index.ts";

type Json = Record<string, unknown>;
type T = (key: MessageKey, vars?: Record<string, string | number>) => string;
type Param = { name: string; in: string; required?: boolean; description?: string; schema?: Json };
type Operation = {
  summary?: string;
  security?: unknown[];
  parameters?: Param[];
  requestBody?: { description?: string; content?: Record<string, { schema?: Json }> };
  responses?: Record<string, { description?: string }>;
};

const METHODS = ["get", "post", "put", "patch", "delete"] as const;
const METHOD_CLASS: Record<(typeof METHODS)[number], string> = {
  get: "bg-accent-soft text-accent",
  post: "bg-success-soft text-success",
  put: "bg-warning-soft text-warning",
  patch: "bg-warning-soft text-warning",
  delete: "bg-danger-soft text-danger",
};

/** The section of a path: /api/v1/projects/… → projects; /api/webhooks/… → webhooks. */
export function sectionOf(path: string): string {
  const parts = path.replace(/^\/api\/(v1\/)?/, "").split("/");
  return parts[0] || "api";
}

const refName = (s: Json | undefined) => (typeof s?.$ref === "string" ? s.$ref.split("/").at(-1) : undefined);

/** A JSON Schema's type in one short line: `string`, `integer | null`, `"a" | "b"`, `array<string>`, `Webhook`. */
export function typeOf(s: Json | undefined): string {
  if (!s) return "any";
  const ref = refName(s);
  if (ref) return ref;
  if (Array.isArray(s.enum)) return s.enum.map((v) => JSON.stringify(v)).join(" | ");
  if (s.const !== undefined) return JSON.stringify(s.const);
  for (const k of ["anyOf", "oneOf"] as const) {
    if (Array.isArray(s[k])) return [...new Set((s[k] as Json[]).map(typeOf))].join(" | ");
  }
  if (Array.isArray(s.type)) return s.type.join(" | ");
  if (s.type === "array") return `array<${typeOf(s.items as Json | undefined)}>`;
  if (typeof s.type === "string") return s.type;
  return "any";
}

function SchemaTable({ schema, t }: { schema: Json; t: T }) {
  const ref = refName(schema);
  if (ref) {
    return (
      <p className="text-sm">
        <a href={`#schema-${ref}`} className="font-mono text-accent hover:underline">
          {ref}
        </a>
      </p>
    );
  }
  const variants = (schema.oneOf ?? schema.anyOf) as Json[] | undefined;
  if (Array.isArray(variants) && !schema.properties) {
    return (
      <div className="flex flex-col gap-3">
        {variants.map((v, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: the variants of a schema never reorder
          <SchemaTable key={i} schema={v} t={t} />
        ))}
      </div>
    );
  }
  const properties = (schema.properties ?? {}) as Record<string, Json>;
  const required = new Set((schema.required as string[] | undefined) ?? []);
  const names = Object.keys(properties);
  if (names.length === 0) return <p className="font-mono text-xs">{typeOf(schema)}</p>;
  return (
    <table className="w-full text-left text-xs">
      <tbody>
        {names.map((name) => (
          <tr key={name} className="border-t border-border align-top">
            <th scope="row" className="py-1 pr-3 font-mono font-medium whitespace-nowrap">
              {name}
              {required.has(name) ? <span className="ml-1 text-danger">*</span> : null}
            </th>
            <td className="py-1 pr-3 font-mono text-muted">{typeOf(properties[name])}</td>
            <td className="py-1 text-muted">{(properties[name].description as string | undefined) ?? ""}</td>
          </tr>
        ))}
      </tbody>
      <caption className="sr-only">{t("apiDocs.required")}: *</caption>
    </table>
  );
}

function OperationView({
  method,
  path,
  op,
  schemas,
  t,
}: {
  method: (typeof METHODS)[number];
  path: string;
  op: Operation;
  schemas: Record<string, Json>;
  t: T;
}) {
  const id = `op-${method}-${path.replace(/[^a-zA-Z0-9]+/g, "-")}`;
  const body = op.requestBody?.content?.["application/json"]?.schema;
  return (
    <details id={id} className="group rounded-md border border-border bg-surface" data-testid="api-operation">
      <summary className="flex cursor-pointer list-none items-center gap-3 px-3 py-2 focus-visible:outline-2 focus-visible:outline-ring">
        <span
          className={cn(
            "w-16 shrink-0 rounded px-1.5 py-0.5 text-center font-mono text-xs font-semibold uppercase",
            METHOD_CLASS[method],
          )}
        >
          {method}
        </span>
        <code className="shrink-0 text-sm">{path}</code>
        <span className="min-w-0 truncate text-sm text-muted">{op.summary}</span>
      </summary>
      <div className="flex flex-col gap-4 border-t border-border px-3 py-3">
        {op.summary ? <p className="text-sm">{op.summary}</p> : null}
        {Array.isArray(op.security) && op.security.length === 0 ? (
          <p className="text-xs text-muted">{t("apiDocs.noAuth")}</p>
        ) : null}
        {op.parameters?.length ? (
          <div>
            <h4 className="mb-1 text-xs font-semibold tracking-wide text-muted uppercase">{t("apiDocs.parameters")}</h4>
            <table className="w-full text-left text-xs">
              <tbody>
                {op.parameters.map((p) => (
                  <tr key={`${p.in}-${p.name}`} className="border-t border-border align-top">
                    <th scope="row" className="py-1 pr-3 font-mono font-medium whitespace-nowrap">
                      {p.name}
                      {p.required ? <span className="ml-1 text-danger">*</span> : null}
                    </th>
                    <td className="py-1 pr-3 text-muted">{p.in}</td>
                    <td className="py-1 pr-3 font-mono text-muted">{typeOf(p.schema)}</td>
                    <td className="py-1 text-muted">{p.description ?? ""}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : null}
        {body ? (
          <div>
            <h4 className="mb-1 text-xs font-semibold tracking-wide text-muted uppercase">{t("apiDocs.requestBody")}</h4>
            {op.requestBody?.description ? <p className="mb-1 text-xs text-muted">{op.requestBody.description}</p> : null}
            <SchemaTable schema={body} t={t} />
            {refName(body) && schemas[refName(body) as string] ? (
              <div className="mt-1">
                <SchemaTable schema={schemas[refName(body) as string]} t={t} />
              </div>
            ) : null}
          </div>
        ) : null}
        {op.responses ? (
          <div>
            <h4 className="mb-1 text-xs font-semibold tracking-wide text-muted uppercase">{t("apiDocs.responses")}</h4>
            <ul className="flex flex-col gap-0.5 text-xs">
              {Object.entries(op.responses).map(([code, r]) => (
                <li key={code} className="flex gap-3">
                  <span
                    className={cn("w-10 shrink-0 font-mono font-semibold", code.startsWith("2") ? "text-success" : "text-danger")}
                  >
                    {code}
                  </span>
                  <span className="text-muted">{r.description}</span>
                </li>
              ))}
            </ul>
          </div>
        ) : null}
      </div>
    </details>
  );
}

export function ApiDocs({ doc, t }: { doc: Json; t: T }) {
  const paths = (doc.paths ?? {}) as Record<string, Partial<Record<(typeof METHODS)[number], Operation>>>;
  const sections = new Map<string, { path: string; method: (typeof METHODS)[number]; op: Operation }[]>();
  for (const path of Object.keys(paths).sort()) {
    for (const method of METHODS) {
      const op = paths[path][method];
      if (!op) continue;
      const name = sectionOf(path);
      sections.set(name, [...(sections.get(name) ?? []), { path, method, op }]);
    }
  }
  const schemas = ((doc.components as Json | undefined)?.schemas ?? {}) as Record<string, Json>;
  const names = [...sections.keys()];
  return (
    <div className="grid gap-8 lg:grid-cols-[12rem_minmax(0,1fr)]">
      <nav aria-label={t("apiDocs.tags")} className="lg:sticky lg:top-20 lg:self-start">
        <ul className="flex flex-wrap gap-x-3 gap-y-1 text-sm lg:flex-col">
          {names.map((n) => (
            <li key={n}>
              <a href={`#section-${n}`} className="text-accent hover:underline">
                {n}
              </a>
            </li>
          ))}
          <li>
            <a href="#schemas" className="text-accent hover:underline">
              {t("apiDocs.schemas")}
            </a>
          </li>
        </ul>
      </nav>
      <div className="flex min-w-0 flex-col gap-8">
        {names.map((n) => (
          <section key={n} aria-labelledby={`section-${n}`} className="flex flex-col gap-2">
            <h2 id={`section-${n}`} className="text-base font-semibold">
              {n}
            </h2>
            {sections.get(n)?.map(({ path, method, op }) => (
              <OperationView key={`${method} ${path}`} method={method} path={path} op={op} schemas={schemas} t={t} />
            ))}
          </section>
        ))}
        <section aria-labelledby="schemas" className="flex flex-col gap-3">
          <h2 id="schemas" className="text-base font-semibold">
            {t("apiDocs.schemas")}
          </h2>
          {Object.entries(schemas).map(([name, s]) => (
            <div key={name} id={`schema-${name}`} className="rounded-md border border-border bg-surface px-3 py-2">
              <h3 className="mb-1 font-mono text-sm font-semibold">{name}</h3>
              <SchemaTable schema={s} t={t} />
            </div>
          ))}
        </section>
      </div>
    </div>
  );
}
