export * from "./expiry";
export * from "./bands";
export * from "./client-deadlines";
export * from "./application";
