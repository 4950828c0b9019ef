// A firm, its settings and its teams; `@/lib/db/firms` imports resolve here. Files in this folder
// import each other directly, never through this barrel (no import cycles).
export { createFirm, findFirmBySlug, getFirm } from "./firm";
export { type FirmSettings, getFirmLogo, getFirmSettings, updateFirmSettings } from "./settings";
export { createTeam, deleteTeam, listTeams, renameTeam } from "./teams";
