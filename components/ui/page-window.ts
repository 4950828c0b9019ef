/** One entry of a page list: a page number, or a gap shown as "…". */
export type PageItem = number | "gap";

/**
 * The pages to show for `page` of `pageCount`: always the first and last, `siblings` either side of
 * the current one, and a gap where pages are left out. A gap never stands for a single page (that
 * page is shown instead), so the list keeps one length while the current page moves.
 */
export function pageWindow(page: number, pageCount: number, siblings = 1): PageItem[] {
  if (pageCount <= 0) return [];
  const current = Math.min(Math.max(1, page), pageCount);
  // first + last + current + siblings on both sides + two gaps
  const slots = 2 * siblings + 5;
  if (pageCount <= slots) return range(1, pageCount);

  const left = Math.max(current - siblings, 1);
  const right = Math.min(current + siblings, pageCount);
  const showLeftGap = left > 3;
  const showRightGap = right < pageCount - 2;

  if (!showLeftGap) return [...range(1, slots - 2), "gap", pageCount];
  if (!showRightGap) return [1, "gap", ...range(pageCount - (slots - 3), pageCount)];
  return [1, "gap", ...range(left, right), "gap", pageCount];
}

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}
