// The print edition: each story page links its PDF with <a data-pdf>, and the
// server answers with a real PDF.
import { test, expect, LANGS } from "./helpers.ts";

for (const lang of LANGS) {
  test(`${lang}: a[data-pdf] links the print edition, served as a PDF`, async ({ browser, request }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    let href: string | null;
    try {
      const page = await context.newPage();
      await page.goto(`/${lang}/`);
      const link = page.locator("a[data-pdf]");
      await expect(link).toHaveCount(1);
      await expect(link).toBeVisible();
      href = await link.getAttribute("href");
    } finally {
      await context.close();
    }
    expect(href).toMatch(new RegExp(`^/${lang}/[^/]+\\.pdf$`));
    const res = await request.get(href!);
    expect(res.status()).toBe(200);
    expect(res.headers()["content-type"]).toMatch(/^application\/pdf/);
    const body = await res.body();
    expect(body.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    expect(body.length).toBeGreaterThan(10_000);
  });
}
