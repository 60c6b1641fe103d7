// The web process's periodic jobs beside the hourly cleanups and the daily digest (instrumentation.ts
// starts them the same way: an unref'd timer per job, once per process; `warmdesk run-jobs` runs
// them once from the command line). Each job is safe with several instances running it at once:
// it claims each piece of work with an atomic database write (an insert on a unique key, or a
// conditional UPDATE) before doing it, so every alert, reminder and delivery happens once.
import { countJob } from "../metrics/metrics.ts";

export type JobResult = Record<string, number>;

type Job = { name: string; everyMs: number; run: () => Promise<JobResult> };

const MINUTE = 60_000;

/** The jobs, loaded lazily so that importing this module stays cheap. */
export const JOBS: Job[] = [
  {
    name: "contract-alerts",
    everyMs: 5 * MINUTE,
    run: async () => {
      const { checkContractAlerts } = await import("../billing/alerts.ts");
      return { alerts: (await checkContractAlerts()).length };
    },
  },
  {
    name: "due-reminders",
    everyMs: 5 * MINUTE,
    run: async () => {
      const { sendDueReminders } = await import("../notifications/reminders.ts");
      return { reminders: (await sendDueReminders()).length };
    },
  },
  {
    name: "webhook-deliveries",
    everyMs: 15_000,
    run: async () => {
      const { deliverDue } = await import("../webhooks/outbound.ts");
      return deliverDue();
    },
  },
];

/** Runs every job once (the command line's `run-jobs`, and tests). */
export async function runJobsOnce(names?: string[]): Promise<Record<string, JobResult>> {
  const out: Record<string, JobResult> = {};
  for (const job of JOBS) {
    if (names && !names.includes(job.name)) continue;
    out[job.name] = await job.run();
  }
  return out;
}

/** Starts each job's timer in this process (once, even when the dev server re-runs instrumentation). */
export function startJobs(log: (line: string) => void = console.log): void {
  const g = globalThis as { __warmdeskJobs?: boolean };
  if (g.__warmdeskJobs) return;
  g.__warmdeskJobs = true;
  for (const job of JOBS) {
    let running = false;
    const tick = () => {
      // A slow run is not stacked on itself; the next tick picks up what is left.
      if (running) return;
      running = true;
      countJob(job.name, job.run)
        .then((r) => {
          if (Object.values(r).some((n) => n > 0)) log(`${job.name}: ${JSON.stringify(r)}`);
        })
        .catch((e) => console.error(`${job.name} failed:`, (e as Error).message))
        .finally(() => {
          running = false;
        });
    };
    setInterval(tick, job.everyMs).unref();
    setTimeout(tick, Math.min(job.everyMs, 30_000)).unref();
  }
}
