import { describe, expect, it } from "vitest";
import { MIN_GAP, positionBetween, STEP } from "./positions.ts";

describe("positionBetween", () => {
  it("starts an empty list at STEP", () => {
    expect(positionBetween(null, null)).toBe(STEP);
  });

  it("goes a step beyond the ends", () => {
    expect(positionBetween(3000, null)).toBe(3000 + STEP);
    expect(positionBetween(null, 3000)).toBe(3000 - STEP);
    expect(positionBetween(null, -5)).toBe(-5 - STEP);
  });

  it("takes the midpoint between neighbours", () => {
    expect(positionBetween(1024, 2048)).toBe(1536);
    expect(positionBetween(-1, 1)).toBe(0);
    const p = positionBetween(0.1, 0.2) as number;
    expect(p).toBeGreaterThan(0.1);
    expect(p).toBeLessThan(0.2);
  });

  it("answers null (renumber) when the gap is too small, and only then", () => {
    expect(positionBetween(1, 1)).toBeNull();
    expect(positionBetween(1, 1 + MIN_GAP / 2)).toBeNull();
    expect(positionBetween(5, 4)).toBeNull();
    expect(positionBetween(1, 1 + MIN_GAP * 4)).not.toBeNull();
  });

  it("inserting again and again at one spot stays strictly ordered until it asks for a renumber", () => {
    const left = STEP;
    let right = 2 * STEP;
    let inserts = 0;
    for (;;) {
      const p = positionBetween(left, right);
      if (p === null) break;
      expect(p).toBeGreaterThan(left);
      expect(p).toBeLessThan(right);
      right = p;
      inserts++;
      expect(inserts).toBeLessThan(100);
    }
    // log2(STEP / MIN_GAP) ≈ 30 inserts fit into one STEP before the list must be renumbered.
    expect(inserts).toBe(Math.ceil(Math.log2(STEP / MIN_GAP)));
    expect(right - left).toBeLessThan(2 * MIN_GAP);
  });
});
