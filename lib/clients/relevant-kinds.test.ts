import { describe, expect, it } from "vitest";
import { RELEVANT_KINDS, isRelevantKind, latestRelevantDraw, marginAgainstLatest, relevantKinds } from "./relevant-kinds";

const none = { programs: [], nominationProvince: null, categories: [] };

describe("relevantKinds", () => {
  it.each([
    ["no programs: general only", none, ["general"]],
    ["CEC", { ...none, programs: ["CEC"] }, ["general", "cec"]],
    ["FSW and FST", { ...none, programs: ["FSW", "FST"] }, ["general", "fsw", "fst"]],
    ["nominated", { ...none, programs: ["FSW"], nominationProvince: "ON" }, ["general", "pnp", "fsw"]],
    ["blank province is no nomination", { ...none, nominationProvince: " " }, ["general"]],
    ["categories", { ...none, categories: ["french", "stem"] }, ["general", "french", "stem"]],
    ["an unmapped category code matches no draw kind", { ...none, categories: ["aviation"] }, ["general"]],
  ])("%s", (_label, client, expected) => {
    expect(relevantKinds(client)).toEqual(expected);
  });

  it("never includes unrecognised", () => {
    expect(RELEVANT_KINDS).not.toContain("unrecognised");
    expect(isRelevantKind({ ...none, categories: ["unrecognised"] }, "unrecognised")).toBe(false);
  });

  it("rejects kinds that are not draw kinds", () => {
    expect(isRelevantKind(none, "nonsense")).toBe(false);
  });
});

describe("latestRelevantDraw and marginAgainstLatest", () => {
  // Newest first, as the roster's latestCutoffs are.
  const latest = [
    { kind: "french", drawNumber: "418", cutoff: 400 },
    { kind: "cec", drawNumber: "417", cutoff: 515 },
    { kind: "pnp", drawNumber: "416", cutoff: 750 },
    { kind: "general", drawNumber: "300", cutoff: 529 },
  ];

  it.each([
    ["general only → the general draw", none, 480, "300", -49],
    ["CEC → the newer CEC draw", { ...none, programs: ["CEC"] }, 520, "417", 5],
    ["French and CEC → the newest of both (French)", { ...none, programs: ["CEC"], categories: ["french"] }, 430, "418", 30],
    ["nominated → PNP when newer than general", { ...none, nominationProvince: "BC" }, 1200, "416", 450],
  ])("%s", (_label, client, crs, number, margin) => {
    const result = marginAgainstLatest({ ...client, crs }, latest);
    expect(result.draw?.drawNumber).toBe(number);
    expect(result.margin).toBe(margin);
  });

  it("the same draw and margin when the caller passes the client's relevant kinds", () => {
    const clients = [none, { ...none, programs: ["CEC"] }, { ...none, programs: ["CEC"], categories: ["french"] }, { ...none, nominationProvince: "BC" }, { ...none, programs: ["FST"] }];
    for (const client of clients) {
      for (const crs of [null, 480]) {
        for (const draws of [latest, latest.slice(0, 2), []]) {
          expect(marginAgainstLatest({ ...client, crs }, draws, relevantKinds(client))).toEqual(marginAgainstLatest({ ...client, crs }, draws));
        }
      }
    }
  });

  it("no score: the draw but no margin", () => {
    expect(marginAgainstLatest({ ...none, crs: null }, latest)).toEqual({ margin: null, draw: latest[3] });
  });

  it("no relevant draw at all", () => {
    expect(latestRelevantDraw({ ...none, programs: ["FST"] }, latest.slice(0, 2))).toBeNull();
    expect(marginAgainstLatest({ ...none, crs: 500 }, [])).toEqual({ margin: null, draw: null });
  });
});
