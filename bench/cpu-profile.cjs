// Preloaded by the bench into the processes of an instance it starts with `--cpu-prof DIR`
// (NODE_OPTIONS=--require …: Node refuses --cpu-prof there). Samples the CPU from start-up; on
// SIGUSR2 writes DIR/<phase>-<name>-<pid>.cpuprofile (the phase is the text of DIR/phase; open the
// file in Chromium's DevTools or speedscope) and starts a new profile, so that each phase of the
// workload has its own.
const inspector = require("node:inspector");
const fs = require("node:fs");
const path = require("node:path");

const dir = process.env.BENCH_CPU_PROF_DIR;
const argv = process.argv.join(" ");
const name = /realtime/.test(argv) ? "realtime" : /next/.test(argv) ? "web" : null;
if (dir && name) {
  const session = new inspector.Session();
  session.connect();
  let n = 0;
  const start = () => {
    session.post("Profiler.enable");
    session.post("Profiler.setSamplingInterval", { interval: 500 });
    session.post("Profiler.start");
  };
  start();
  process.on("SIGUSR2", () => {
    session.post("Profiler.stop", (err, result) => {
      let phase = `${++n}`;
      try {
        phase = fs.readFileSync(path.join(dir, "phase"), "utf8").trim() || phase;
      } catch {}
      if (!err) fs.writeFileSync(path.join(dir, `${phase}-${name}-${process.pid}.cpuprofile`), JSON.stringify(result.profile));
      start();
    });
  });
}
