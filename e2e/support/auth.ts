import { expect, type Page } from "@playwright/test";
import type { TestUser } from "./firm";

/** Signs in through the real form, as a person would, and waits to land inside the app. */
export async function signIn(page: Page, user: Pick<TestUser, "email" | "password">, callbackUrl = "/"): Promise<void> {
  await page.goto(`/signin?callbackUrl=${encodeURIComponent(callbackUrl)}`);
  await page.getByLabel("Email").fill(user.email);
  await page.getByLabel("Password").fill(user.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((url) => url.pathname !== "/signin");
  await expect(page.getByRole("navigation", { name: "Main" })).toBeVisible();
}
