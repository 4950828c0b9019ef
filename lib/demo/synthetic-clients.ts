/**
 * Realistic synthetic clients for the demo firm and the benchmark. Deterministic: the same seed
 * and "now" give the same clients, so end-to-end tests can know which demo clients a draw hits.
 * Pure: no clock, no database.
 */
import { addDays, addMonths, formatISO, subDays, subMonths, subYears } from "date-fns";
import { type Ability, calculateCrs, type ClbScores, type CrsInput } from "@/lib/crs";
import { type LanguageTest, lowestScoreFor, TEST_ABILITIES } from "@/lib/language/tests";
import type { CategoryKind, Program } from "@/lib/draws/kinds";
import type { ClientStatus } from "@/lib/clients/status";

/** mulberry32: a tiny, fast, seedable PRNG (Math.random cannot be seeded). */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FIRST_NAMES = [
  "Aarav", "Priya", "Rohan", "Ananya", "Vikram", "Neha", "Arjun", "Kavya", "Chinedu", "Ngozi", "Emeka", "Adaeze",
  "Tunde", "Funmi", "Maria", "Jose", "Angelica", "Mark", "Wei", "Li", "Jun", "Mei", "Hao", "Xin", "Lucas", "Beatriz",
  "Rafael", "Camila", "Reza", "Sara", "Amir", "Leila", "Diego", "Valentina", "Carlos", "Sofia", "Ahmed", "Fatima",
  "Omar", "Aisha", "Minh", "Linh", "Tuan", "Huong", "Kwame", "Ama", "Yaw", "Efua", "Olena", "Dmytro", "Ivan", "Anna",
  "Hiroshi", "Yuki", "Min-jun", "Seo-yeon", "Samuel", "Grace", "Daniel", "Esther", "Tomás", "Inés", "Karim", "Nour",
];
const LAST_NAMES = [
  "Sharma", "Patel", "Singh", "Gupta", "Iyer", "Reddy", "Okafor", "Adeyemi", "Nwosu", "Balogun", "Santos", "Reyes",
  "Cruz", "Garcia", "Wang", "Zhang", "Liu", "Chen", "Huang", "Silva", "Oliveira", "Pereira", "Hosseini", "Ahmadi",
  "Rezaei", "Moradi", "Hernández", "López", "Martínez", "Khan", "Hussain", "Nguyen", "Tran", "Pham", "Mensah", "Boateng",
  "Owusu", "Kovalenko", "Shevchenko", "Tanaka", "Sato", "Kim", "Park", "Mwangi", "Otieno", "Haddad", "Mansour", "Costa",
];
const COUNTRIES = ["India", "Nigeria", "Philippines", "China", "Brazil", "Iran", "Mexico", "Pakistan", "Vietnam", "Ghana", "Ukraine", "Japan", "South Korea", "Kenya", "Lebanon", "Colombia"];
const PROVINCES = ["ON", "BC", "AB", "SK", "MB", "NS", "NB", "PE", "NL"];
const TEST_TYPES_EN = ["ielts_general", "celpip_general", "pte_core"] as const;
const ECA_ISSUERS = ["WES", "ICAS", "IQAS", "CES", "ICES"];

export interface SyntheticScore {
  crs: number;
  effectiveAt: string;
  source: "calculated" | "manual";
  reason: string | null;
}

export interface SyntheticClient {
  firstName: string;
  lastName: string;
  email: string;
  phone: string;
  dateOfBirth: string;
  citizenship: string;
  status: ClientStatus;
  profileNumber: string | null;
  profileSubmittedAt: string | null;
  programs: Program[];
  nominationProvince: string | null;
  nominatedOn: string | null;
  categories: CategoryKind[];
  crsFactors: CrsInput;
  /** Score history, oldest first; the last entry is the current score. */
  scores: SyntheticScore[];
  invitedAt: string | null;
  canadianWorkStartedOn: string | null;
  languageTestType: string;
  languageTestDate: string;
  /** The test's results for the first language's CLB levels (the lowest result of each level). */
  languageResults: Record<Ability, number>;
  ecaIssuer: string | null;
  ecaIssuedOn: string | null;
  workPermitExpiresOn: string | null;
  passportExpiresOn: string;
  notes: string | null;
  /** Index of the team (0-based) and of the consultant within it. */
  teamIndex: number;
}

const day = (d: Date) => formatISO(d, { representation: "date" });
const instant = (d: Date) => d.toISOString();

function pick<T>(rand: () => number, list: readonly T[]): T {
  return list[Math.floor(rand() * list.length)];
}

function int(rand: () => number, min: number, max: number): number {
  return min + Math.floor(rand() * (max - min + 1));
}

function clbSet(rand: () => number, centre: number) {
  const around = () => Math.max(4, Math.min(12, centre + int(rand, -1, 1)));
  return { reading: around(), writing: around(), listening: around(), speaking: around() };
}

/** A result sheet for the first language's levels: the lowest result of each level. */
function languageTestOf(test: LanguageTest, date: string, clb: ClbScores) {
  const languageResults = Object.fromEntries(TEST_ABILITIES.map((a) => [a, lowestScoreFor(test, a, clb[a])])) as Record<Ability, number>;
  return { languageTestType: test, languageTestDate: date, languageResults };
}

function factorsFor(rand: () => number, age: number, canadianWorkYears: number, nominated: boolean): CrsInput {
  const hasAccompanyingSpouse = rand() < 0.4;
  const education = pick(rand, ["secondary", "two_year", "bachelors", "bachelors", "two_or_more", "masters_or_professional", "masters_or_professional", "doctoral"] as const);
  const englishLevel = pick(rand, [6, 7, 7, 8, 8, 9, 9, 9, 10, 10]);
  const french = rand() < 0.12 ? { language: "french" as const, clb: clbSet(rand, pick(rand, [5, 7, 8, 9])) } : null;
  return {
    age,
    hasAccompanyingSpouse,
    education,
    firstLanguage: { language: "english", clb: clbSet(rand, englishLevel) },
    secondLanguage: french,
    canadianWorkYears,
    foreignWorkYears: int(rand, 0, 6),
    certificateOfQualification: rand() < 0.04,
    spouse: hasAccompanyingSpouse
      ? { education: pick(rand, ["secondary", "bachelors", "masters_or_professional"] as const), language: rand() < 0.7 ? { clb: clbSet(rand, pick(rand, [5, 7, 8])) } : null, canadianWorkYears: int(rand, 0, 2) }
      : null,
    siblingInCanada: rand() < 0.08,
    canadianEducation: canadianWorkYears > 0 && rand() < 0.35 ? pick(rand, ["one_or_two_year", "three_year_or_more"] as const) : "none",
    provincialNomination: nominated,
  };
}

/**
 * `count` clients spread over `teamCount` teams, as of `now`. Scores come from the real CRS
 * calculator applied to generated factors; a few clients have a later manual adjustment.
 */
export function syntheticClients(count: number, options: { seed?: number; now: Date; teamCount: number; emailDomain?: string }): SyntheticClient[] {
  const rand = prng(options.seed ?? 20261125);
  const domain = options.emailDomain ?? "example.com";
  const clients: SyntheticClient[] = [];
  for (let i = 0; i < count; i++) {
    const firstName = pick(rand, FIRST_NAMES);
    const lastName = pick(rand, LAST_NAMES);
    const age = int(rand, 22, 46);
    const dob = subDays(subYears(options.now, age), int(rand, 0, 364));
    const statusRoll = rand();
    const status: ClientStatus =
      statusRoll < 0.08 ? "prospect" : statusRoll < 0.84 ? "profile_active" : statusRoll < 0.9 ? "ita_received" : statusRoll < 0.94 ? "application_submitted" : statusRoll < 0.96 ? "landed" : statusRoll < 0.98 ? "withdrawn" : "closed";
    const canadianWorkYears = rand() < 0.55 ? int(rand, 1, 4) : 0;
    const nominated = rand() < 0.07;
    const factors = factorsFor(rand, age, canadianWorkYears, nominated);
    const submitted = status === "prospect" ? null : addDays(subMonths(options.now, 11), int(rand, 0, 330));
    if (submitted) submitted.setUTCHours(int(rand, 0, 23), int(rand, 0, 59), int(rand, 0, 59), 0);
    const current = calculateCrs(factors).total;
    const scores: SyntheticScore[] = [];
    if (submitted) {
      const start = current - (rand() < 0.35 ? int(rand, 3, 25) : 0);
      scores.push({ crs: Math.max(0, start), effectiveAt: instant(submitted), source: "calculated", reason: null });
      if (start !== current) {
        const bump = addDays(submitted, int(rand, 20, 200));
        scores.push({ crs: current, effectiveAt: instant(bump < options.now ? bump : subDays(options.now, 1)), source: "calculated", reason: null });
      }
    } else {
      scores.push({ crs: current, effectiveAt: instant(subDays(options.now, int(rand, 1, 60))), source: "calculated", reason: null });
    }
    const programs: Program[] = [];
    if (factors.foreignWorkYears >= 1 && factors.firstLanguage.clb.reading >= 7) programs.push("FSW");
    if (canadianWorkYears >= 1) programs.push("CEC");
    if (rand() < 0.05) programs.push("FST");
    if (programs.length === 0) programs.push("FSW");
    const categories: CategoryKind[] = [];
    if (factors.secondLanguage && factors.secondLanguage.clb.reading >= 7) categories.push("french");
    const occupation = rand();
    if (occupation < 0.14) categories.push("healthcare");
    else if (occupation < 0.3) categories.push("stem");
    else if (occupation < 0.38) categories.push("trades");
    else if (occupation < 0.42) categories.push("transport");
    else if (occupation < 0.46) categories.push("education");
    else if (occupation < 0.48) categories.push("agriculture");
    const testDate = subDays(options.now, int(rand, 30, 760));
    const invitedAt = ["ita_received", "application_submitted", "landed"].includes(status) && submitted ? addDays(submitted, int(rand, 10, 120)) : null;
    const hasPermit = canadianWorkYears > 0;
    clients.push({
      firstName,
      lastName,
      email: `${firstName}.${lastName}.${i + 1}@${domain}`.toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, ""),
      phone: `+1 ${int(rand, 204, 905)}-555-${String(int(rand, 0, 9999)).padStart(4, "0")}`,
      dateOfBirth: day(dob),
      citizenship: pick(rand, COUNTRIES),
      status,
      profileNumber: submitted ? `E${String(1000000000 + i * 7919 + int(rand, 0, 7000)).slice(0, 10)}` : null,
      profileSubmittedAt: submitted ? instant(submitted) : null,
      programs,
      nominationProvince: nominated ? pick(rand, PROVINCES) : null,
      nominatedOn: nominated && submitted ? day(addDays(submitted, int(rand, 5, 60))) : null,
      categories,
      crsFactors: factors,
      scores,
      invitedAt: invitedAt ? instant(invitedAt < options.now ? invitedAt : subDays(options.now, 2)) : null,
      canadianWorkStartedOn: canadianWorkYears > 0 ? day(subDays(subYears(options.now, canadianWorkYears), int(rand, 1, 330))) : null,
      // Spread in place: the test is picked at the same point of the random sequence as before.
      ...languageTestOf(pick(rand, TEST_TYPES_EN), day(testDate), factors.firstLanguage.clb),
      ecaIssuer: factors.education === "secondary" ? null : pick(rand, ECA_ISSUERS),
      ecaIssuedOn: factors.education === "secondary" ? null : day(subDays(options.now, int(rand, 60, 1800))),
      workPermitExpiresOn: hasPermit ? day(addDays(options.now, int(rand, -20, 700))) : null,
      passportExpiresOn: day(addMonths(options.now, int(rand, 2, 110))),
      notes: rand() < 0.15 ? "Awaiting updated reference letter from employer." : null,
      teamIndex: i % options.teamCount,
    });
  }
  return clients;
}
