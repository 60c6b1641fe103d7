// Process faults against the real thing: the production build started by `node server/launcher.mjs`
// on SQLite (and PostgreSQL / MySQL when TEST_POSTGRES_URL / TEST_MYSQL_URL are set), writers over
// REST, followers on the browser's realtime client. Needs `npm run build` first: `npm test` runs it
// after the build (vitest.faults.config.ts); `npx tsx test/faults/run.ts` runs these and the
// database restarts on every engine and prints the recovery times.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Engine } from "../../lib/db/engine.ts";
import { availableEngines, createEmptyDatabase } from "../helpers/db.ts";
import { cleanUp, hasBuild, type Launched, launch } from "./harness.ts";
import { killSidecar, killWeb, type Report, sidecarRestartOffline, sigterm } from "./scenarios.ts";

/** Ports 3410… by default (E2E and the fault script use others). */
const BASE_PORT = Number(process.env.FAULTS_PORT || 3410);
const print = (engine: Engine, r: Report) =>
  console.log(
    `[faults] ${engine}: ${r.scenario}: recovered in ${r.recoveryMs} ms; ${r.acknowledged} acknowledged; ${r.answers}; ${r.notes ?? ""}`,
  );

describe.skipIf(!hasBuild())("process faults (production build)", () => {
  availableEngines().forEach((engine, i) => {
    describe(engine, () => {
      let app: Launched;
      let drop: (() => Promise<void>) | undefined;

      beforeAll(async () => {
        const db = engine === "sqlite" ? undefined : await createEmptyDatabase(engine);
        drop = db?.drop;
        app = await launch({ port: BASE_PORT + i * 2, databaseUrl: db?.url });
      }, 240_000);

      afterAll(async () => {
        if (app) {
          await app.stop("SIGKILL");
          cleanUp(app);
        }
        await drop?.();
      });

      it("kill -9 of the sidecar under load: REST answers 2xx throughout, it is restarted, live updates resume", async () => {
        print(engine, await killSidecar(app));
      }, 180_000);

      it("kill -9 of the web process under load: it comes back, the sidecar is never restarted, nothing acknowledged is lost", async () => {
        print(engine, await killWeb(app));
      }, 240_000);

      it("a client offline across a sidecar restart, 16 moves meanwhile: every card in the right column", async () => {
        print(engine, await sidecarRestartOffline(app));
      }, 180_000);

      it("SIGTERM under load: the web app drains and publishes, the sidecar says reconnect, both exit", async () => {
        const r = await sigterm(app);
        print(engine, r);
        expect(r.exitCode).toBe(0);
      }, 120_000);
    });
  });
});
