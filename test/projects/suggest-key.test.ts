import { describe, expect, it } from "vitest";
import { suggestKey } from "../../components/projects/suggest-key.ts";
import { ZCreateProject } from "../../lib/boards/projects.ts";

describe("[PROJECTS] suggested key", () => {
  it.each([
    ["Website Relaunch", "WR"],
    ["Acme", "ACME"],
    ["Mobile app v2", "MAV"],
    ["Über Größe", "UG"],
    ["2024 Audit", "AUDI"],
    ["", ""],
    ["!!!", ""],
  ])("%j → %j", (name, key) => {
    expect(suggestKey(name)).toBe(key);
  });

  it("is always a key the API accepts when the name has a letter", () => {
    for (const name of ["a", "Q", "x y", "é", "A1 b2 c3 d4 e5", "ñandú", "9 lives"]) {
      const key = suggestKey(name);
      expect(ZCreateProject.shape.key.safeParse(key).success, `${name} → ${key}`).toBe(true);
    }
  });
});
