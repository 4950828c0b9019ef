export * from "./instant";
export * from "./calendar-date";
export * from "./time-zone";
export * from "./format-instant";
