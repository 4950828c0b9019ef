// A firm's users; `@/lib/db/users` imports resolve here (manage.ts: list, read, change role,
// deactivate). Beside it, imported by their own paths: invitations.ts, password-reset.ts,
// sign-in.ts with attempts.ts (the rate limits' store), and platform-admins.ts. Files in this folder
// import each other directly, never through this barrel.
export { getUser, listConsultants, listUsers, setUserActive, updateUser } from "./manage";
