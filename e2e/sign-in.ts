import type { Page } from "@playwright/test";

/** Signs in through the login form as a demo user (the e2e server seeds them with this password). */
export async function signIn(page: Page, email = "admin@example.com", password = "vocelio-demo") {
  await page.goto("/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((url) => url.pathname === "/");
}
