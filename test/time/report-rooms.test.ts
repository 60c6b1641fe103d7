// A time report without a customer filter follows the room of every customer the user can read
// (not only the first 50), none that they cannot; with a filter, that customer's room alone.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCustomer } from "../../lib/customers/customers.ts";
import { customerRoom, userRoom } from "../../lib/realtime/events.ts";
import { reportLiveRooms } from "../../lib/time/reports.ts";
import { freshWorld, type Person, person } from "../api/helpers.ts";
import { availableEngines } from "../helpers/db.ts";

describe.each(availableEngines())("report live rooms on %s", (engine) => {
  let world: Awaited<ReturnType<typeof freshWorld>>;
  let anna: Person;
  let ben: Person;
  const mine: { id: number; slug: string }[] = [];
  let hidden: { id: number };

  beforeAll(async () => {
    world = await freshWorld(engine);
    anna = await person("anna");
    ben = await person("ben");
    for (let i = 0; i < 60; i++) mine.push(await createCustomer(anna.actor, { name: `Customer ${String(i).padStart(2, "0")}` }));
    hidden = await createCustomer(ben.actor, { name: "Ben's customer" });
  }, 120_000);
  afterAll(async () => world?.close());

  it("follows all 60 readable customers and the user's own room, not the unreadable one", async () => {
    const rooms = await reportLiveRooms(anna.actor);
    expect(rooms[0]).toBe(userRoom(anna.id));
    expect(rooms).toHaveLength(61);
    expect(new Set(rooms)).toEqual(new Set([userRoom(anna.id), ...mine.map((c) => customerRoom(c.id))]));
    expect(rooms).not.toContain(customerRoom(hidden.id));
  });

  it("follows only the filtered customer, and nothing for one the user cannot read", async () => {
    expect(await reportLiveRooms(anna.actor, mine[55].slug)).toEqual([userRoom(anna.id), customerRoom(mine[55].id)]);
    expect(await reportLiveRooms(ben.actor, mine[55].slug)).toEqual([userRoom(ben.id)]);
  });
});
