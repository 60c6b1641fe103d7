// [SECURITY] The return URL after signing in stays on this site: resolved as a browser resolves it,
// same origin only, never a control character in the Location header.
import { describe, expect, it } from "vitest";
import { authOptions } from "../../lib/auth/next-auth.ts";
import { safeReturnPath } from "../../lib/http/return-url.ts";

// As the page receives them (the query string decoded).
const HOSTILE = [
  "/\t/evil.example/x",
  "/\n/evil.example/x",
  "/\r\n/evil.example",
  "//evil.example",
  "/\\evil.example",
  "\\\\evil.example",
  "/.//evil.example",
  "/..//evil.example",
  "https://evil.example/x",
  "http:evil.example",
  "javascript:alert(1)",
  "data:text/html,<script>alert(1)</script>",
  " //evil.example",
  "\u0000//evil.example",
];

describe("[SECURITY] return URLs after sign-in", () => {
  it("sends every hostile value home, as a browser would read it", () => {
    for (const value of HOSTILE) {
      const path = safeReturnPath(value);
      const resolved = new URL(path, "https://desk.example.com");
      expect({ value, origin: resolved.origin }).toEqual({ value, origin: "https://desk.example.com" });
      expect({ value, path }).toEqual({ value, path: "/" });
    }
    // The query string of the report, decoded as the page receives it.
    expect(safeReturnPath(decodeURIComponent("/%09/evil.example/x"))).toBe("/");
    expect(safeReturnPath(decodeURIComponent("/%0a"))).toBe("/");
  });

  it("keeps paths on this site, with their query and fragment, encoded for a header", () => {
    expect(safeReturnPath("/acme/board?card=ACME-4#c2")).toBe("/acme/board?card=ACME-4#c2");
    expect(safeReturnPath(["/time", "/x"])).toBe("/time");
    expect(safeReturnPath("/a b")).toBe("/a%20b");
    // Still encoded, a tab is a harmless path segment on this site.
    expect(safeReturnPath("/%09/evil.example/x")).toBe("/%09/evil.example/x");
    expect(safeReturnPath("/x\n?y")).toBe("/x?y");
    expect(safeReturnPath(undefined)).toBe("/");
    expect(safeReturnPath("http://localhost:3000/acme", "http://localhost:3000")).toBe("/acme");
  });

  it("keeps next-auth's own redirects on the site", async () => {
    const redirect = authOptions().callbacks?.redirect as (p: { url: string; baseUrl: string }) => Promise<string>;
    const baseUrl = "http://localhost:3000";
    expect(await redirect({ url: "https://evil.example/x", baseUrl })).toBe("http://localhost:3000/");
    expect(await redirect({ url: "/\t/evil.example/x", baseUrl })).toBe("http://localhost:3000/");
    expect(await redirect({ url: "http://localhost:3000/acme", baseUrl })).toBe("http://localhost:3000/acme");
  });
});
