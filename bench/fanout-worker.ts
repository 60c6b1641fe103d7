// One process of bench/fanout.ts's clients: opens `count` Socket.IO connections, joins the room,
// and records when each `card.moved` arrived (wall clock, ms), per connection. Driven over IPC.
import { io, type Socket } from "socket.io-client";

type Start = { url: string; token: string; room: string; count: number };
const sockets: Socket[] = [];
/** `<key>:<version>` → arrival times, one per connection that got it. */
const arrivals = new Map<string, number[]>();

const now = () => performance.timeOrigin + performance.now();

process.on("message", async (msg: { cmd: "start"; args: Start } | { cmd: "report" } | { cmd: "stop" }) => {
  if (msg.cmd === "start") {
    const { url, token, room, count } = msg.args;
    let refused = 0;
    for (let i = 0; i < count; i += 50) {
      await Promise.all(
        Array.from({ length: Math.min(50, count - i) }, async () => {
          const socket = io(url, { auth: { token }, transports: ["websocket"], reconnection: false, forceNew: true });
          sockets.push(socket);
          await new Promise<void>((resolve, reject) => {
            socket.once("connect", () => resolve());
            socket.once("connect_error", reject);
          });
          socket.on("event", (e: { type: string; data: { key: string; version: number } }) => {
            if (e.type !== "card.moved") return;
            const id = `${e.data.key}:${e.data.version}`;
            const list = arrivals.get(id) ?? [];
            list.push(now());
            arrivals.set(id, list);
          });
          const ack = (await socket.emitWithAck("join", { room })) as { ok: boolean };
          if (!ack.ok) refused++;
        }),
      );
    }
    process.send?.({ cmd: "ready", connected: sockets.filter((s) => s.connected).length, refused });
  } else if (msg.cmd === "report") {
    process.send?.({ cmd: "report", arrivals: [...arrivals] });
  } else {
    for (const s of sockets) s.disconnect();
    process.exit(0);
  }
});
