// Moved to lib/db/draws/ (issue 14's split): the rule in eligibility-sql.ts, the draw page in
// impact.ts, the client page in client-results.ts. This path keeps older imports working.
export { drawImpact, INELIGIBLE_CLOSE_LIMIT, type DrawImpact, type DrawImpactOptions, type ImpactCounts, type ImpactRow } from "./draws/impact";
export { clientDrawResults, type ClientDrawResult } from "./draws/client-results";
export { IMPACT_PLANNER_SETTING } from "./draws/results-store";
