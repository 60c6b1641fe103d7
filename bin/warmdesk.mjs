#!/usr/bin/env node
// WarmDesk's operators' command line: `npm run warmdesk -- <command>` (see `help`).
// The commands live in lib/cli/commands.ts; tsx's loader lets this plain script import them.
import { readFileSync } from "node:fs";
import { register } from "tsx/esm/api";

// The version answers at once, without loading the commands (lib/version.ts equals package.json's).
if (["--version", "-V", "version"].includes(process.argv[2] ?? "")) {
  const pkg = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8"));
  process.stdout.write(`${pkg.version}\n`);
  process.exit(0);
}

register();
const { runCli } = await import("../lib/cli/commands.ts");
const code = await runCli(process.argv.slice(2), {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
});
process.exitCode = code;
