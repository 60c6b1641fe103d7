// What the web process says at start-up about settings that work but are unsafe in production.
import { describe, expect, it } from "vitest";
import { startupWarnings } from "../../lib/config.ts";

describe("start-up warnings", () => {
  it("warns that reset links use the request's origin when APP_URL is not set, and not when it is", () => {
    const [warning, ...rest] = startupWarnings({ appUrl: null });
    expect(warning).toMatch(/^APP_URL is not set: links in emails \(password reset/);
    expect(warning).toContain("Host header");
    expect(rest).toEqual([]);
    expect(startupWarnings({ appUrl: "https://warmdesk.example.com" })).toEqual([]);
  });
});
