#!/usr/bin/env node
// WarmDesk's operators' command line: `npm run warmdesk -- <command>` (see `help`).
// The commands live in lib/cli/commands.ts; tsx's loader lets this plain script import them.
import { register } from "tsx/esm/api";

register();
const { runCli } = await import("../lib/cli/commands.ts");
const code = await runCli(process.argv.slice(2), {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
});
process.exitCode = code;
