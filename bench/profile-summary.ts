// Summarises a .cpuprofile (from `npm run bench -- --cpu-prof DIR`): self time by function and by
// package or source area, and total (inclusive) time of the functions that matter most. Divide by
// the phase's request count to get milliseconds per request.
//
//   npx tsx bench/profile-summary.ts FILE.cpuprofile [--top 30] [--per N]
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";

type Node = {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
};
type Profile = { nodes: Node[]; samples: number[]; timeDeltas: number[]; startTime: number; endTime: number };

/** The package (node_modules/<pkg>), source area (lib/boards, …) or Node internals a URL belongs to. */
export function areaOf(url: string): string {
  if (!url) return "(native)";
  if (url.startsWith("wasm:")) return "wasm (Prisma's query compiler)";
  const nm = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (nm) return nm[1];
  if (url.startsWith("node:internal/deps/undici")) return "undici (fetch)";
  if (url.startsWith("node:internal/webstreams")) return "web streams";
  if (/^node:(internal\/)?async_hooks/.test(url)) return "async hooks";
  if (url.startsWith("node:internal/streams")) return "node streams";
  if (url.startsWith("node:_http") || url === "node:net") return "node http";
  if (url.startsWith("node:")) return "node (other)";
  if (/\.next\/server\/chunks\//.test(url)) return "app bundle (lib/, app/)";
  if (/\.next\//.test(url)) return "next bundle";
  const src = /\/(lib\/[^/]+|app|server|components|bench)\//.exec(url);
  if (src) return src[1];
  return url.split("/").slice(-2).join("/");
}

export function summarise(profile: Profile, top = 30, per = 1) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const self = new Map<number, number>();
  for (let i = 0; i < profile.samples.length; i++) {
    const dt = (profile.timeDeltas[i + 1] ?? 0) / 1000;
    self.set(profile.samples[i], (self.get(profile.samples[i]) ?? 0) + dt);
  }
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  const idleIds = new Set(
    profile.nodes.filter((n) => ["(idle)", "(program)"].includes(n.callFrame.functionName)).map((n) => n.id),
  );
  const busy = total - [...idleIds].reduce((a, id) => a + (self.get(id) ?? 0), 0);
  const fnSelf = new Map<string, number>();
  const areaSelf = new Map<string, number>();
  const inclusive = new Map<string, number>();
  for (const [id, ms] of self) {
    if (idleIds.has(id)) continue;
    const n = byId.get(id) as Node;
    const name = `${n.callFrame.functionName || "(anonymous)"} ${areaOf(n.callFrame.url)}:${n.callFrame.lineNumber + 1}`;
    fnSelf.set(name, (fnSelf.get(name) ?? 0) + ms);
    const area = n.callFrame.functionName === "(garbage collector)" ? "(gc)" : areaOf(n.callFrame.url);
    areaSelf.set(area, (areaSelf.get(area) ?? 0) + ms);
    // Inclusive time per function (each function counted once per stack).
    const seen = new Set<string>();
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const f = byId.get(cur) as Node;
      const key = `${f.callFrame.functionName || "(anonymous)"} ${areaOf(f.callFrame.url)}:${f.callFrame.lineNumber + 1}`;
      if (seen.has(key)) continue;
      seen.add(key);
      inclusive.set(key, (inclusive.get(key) ?? 0) + ms);
    }
  }
  const fmt = (m: Map<string, number>) =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([k, v]) => `  ${(v / per).toFixed(3).padStart(10)} ms ${((v / busy) * 100).toFixed(1).padStart(5)} %  ${k}`)
      .join("\n");
  return [
    `busy ${(busy / per).toFixed(2)} ms${per > 1 ? " per request" : ""} (${busy.toFixed(0)} ms sampled, ${(total / 1000).toFixed(1)} s wall)`,
    "self time by area:",
    fmt(areaSelf),
    "self time by function:",
    fmt(fnSelf),
    "inclusive time by function:",
    fmt(inclusive),
  ].join("\n");
}

if (process.argv[1]?.endsWith("profile-summary.ts")) {
  const { values, positionals } = parseArgs({
    options: { top: { type: "string", default: "30" }, per: { type: "string", default: "1" } },
    allowPositionals: true,
  });
  for (const file of positionals) {
    console.log(`== ${file}`);
    console.log(summarise(JSON.parse(readFileSync(file, "utf8")) as Profile, Number(values.top), Number(values.per)));
  }
}
