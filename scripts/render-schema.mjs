// Renders prisma/schema.prisma (the one schema text) for one provider. See the header of that file.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

export const PROVIDERS = ["sqlite", "postgresql", "mysql"];

const URLS = {
  sqlite: "file:./warmdesk.db",
  postgresql: "postgresql://localhost:5432/warmdesk",
  mysql: "mysql://localhost:3306/warmdesk",
};

export const schemaPath = fileURLToPath(new URL("../prisma/schema.prisma", import.meta.url));

export function renderSchema(provider, text = readFileSync(schemaPath, "utf8")) {
  if (!PROVIDERS.includes(provider)) throw new Error(`unknown provider ${provider}`);
  const native = provider !== "sqlite";
  let inModel = false;
  const lines = text.split("\n").map((line) => {
    if (/^model \w+ \{/.test(line)) inModel = true;
    else if (/^\}/.test(line)) inModel = false;
    if (/^\s*provider\s*=\s*"sqlite"/.test(line)) return line.replace('"sqlite"', `"${provider}"`);
    if (/^\s*url\s*=\s*"file:/.test(line)) return line.replace(/"[^"]*"/, `"${URLS[provider]}"`);
    if (/^\s*output\s*=/.test(line)) return line.replace("PROVIDER", provider);
    if (!inModel) return line;
    const marker = line.match(/\s*\/\/\s*(@db\.(?:Text|Date))\s*$/);
    const body = marker ? line.slice(0, marker.index) : line;
    if (!native) return body;
    if (marker) return `${body} ${marker[1]}`;
    if (/^\s+\w+\s+String\??(\s|$)/.test(body)) return `${body} @db.VarChar(191)`;
    return body;
  });
  return `// GENERATED from prisma/schema.prisma by scripts/render-schema.mjs: do not edit.\n${lines.join("\n")}`;
}
