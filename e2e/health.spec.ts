import { expect, test } from "@playwright/test";

// Smoke test of the pipeline itself: test database, production build, web server, browser.
test("the health check answers and the home page loads", async ({ page, request }) => {
  const health = await request.get("/api/health");
  expect(health.status()).toBeLessThan(500);

  const response = await page.goto("/");
  expect(response?.status()).toBeLessThan(500);
});
