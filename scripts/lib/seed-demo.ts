// The demo seed lives with the rest of the data access in lib/db; scripts reach it from here.
export { seedDemoIfEmpty } from "@/lib/db/seed-demo";
