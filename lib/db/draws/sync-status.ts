import "server-only";
import { prisma } from "../prisma";

/**
 * The feed sync's health (one row): when it last tried, last succeeded, and its last error —
 * shown to administrators on the draws import page and, as "Draw data synced … ago", on the
 * dashboard. Reference data like the ledger itself: no firm scope.
 */

const ID = "feed";

export interface DrawSyncStatusView {
  lastAttemptAt: Date | null;
  lastSuccessAt: Date | null;
  lastError: string | null;
  lastErrorAt: Date | null;
  lastRoundsAdded: number;
  source: string | null;
}

export async function recordSyncAttempt(source: string, at: Date = new Date()): Promise<void> {
  await prisma().drawSyncStatus.upsert({ where: { id: ID }, create: { id: ID, lastAttemptAt: at, source }, update: { lastAttemptAt: at, source } });
}

export async function recordSyncSuccess(source: string, roundsAdded: number, at: Date = new Date()): Promise<void> {
  const data = { lastSuccessAt: at, lastRoundsAdded: roundsAdded, source };
  await prisma().drawSyncStatus.upsert({ where: { id: ID }, create: { id: ID, lastAttemptAt: at, ...data }, update: data });
}

export async function recordSyncFailure(source: string, error: string, at: Date = new Date()): Promise<void> {
  const data = { lastError: error.slice(0, 2000), lastErrorAt: at, source };
  await prisma().drawSyncStatus.upsert({ where: { id: ID }, create: { id: ID, lastAttemptAt: at, ...data }, update: data });
}

export async function drawSyncStatus(): Promise<DrawSyncStatusView | null> {
  return prisma().drawSyncStatus.findUnique({
    where: { id: ID },
    select: { lastAttemptAt: true, lastSuccessAt: true, lastError: true, lastErrorAt: true, lastRoundsAdded: true, source: true },
  });
}
