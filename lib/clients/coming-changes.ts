/** The client's coming CRS changes (next birthday, next year of Canadian work), when the calculator's factors allow them. */
import { ageOn, comingCrsChanges, type CrsChange } from "@/lib/crs";

export function clientComingChanges(client: { crsFactors: Parameters<typeof comingCrsChanges>[0] | null; dateOfBirth: string | null; canadianWorkStartedOn: string | null }, today: string): CrsChange[] {
  if (!client.crsFactors || !client.dateOfBirth) return [];
  try {
    const input = { ...client.crsFactors, age: ageOn(client.dateOfBirth, today) };
    return comingCrsChanges(input, { dateOfBirth: client.dateOfBirth, canadianWorkStartedOn: client.canadianWorkStartedOn }, today);
  } catch {
    return [];
  }
}
