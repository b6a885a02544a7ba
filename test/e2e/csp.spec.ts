import { expect, test } from '@playwright/test';
import { NCALAYER_ORIGIN, parseContentSecurityPolicy } from '../../shared/host/csp';

// What the browser build really serves (`vite preview` over dist-web, as `npm run web` does): the
// policy in the page's meta tag and in the header, and what Chromium does with them. The e2e build
// names no central server, so NCALayer is the only place beyond the desk it may connect to.
test('the served desk may connect to itself and NCALayer, and Chromium blocks everything else', async ({
  page,
  request,
}) => {
  const response = await request.get('/');
  const header = response.headers()['content-security-policy'];
  const html = await response.text();
  const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]+)"/
    .exec(html)?.[1]
    ?.replaceAll('&#39;', "'");
  expect(header).toBeDefined();
  expect(meta).toBeDefined();
  // The meta tag comes first in <head>, before anything it must cover.
  expect(html.indexOf('http-equiv="Content-Security-Policy"')).toBeLessThan(html.indexOf('<script'));
  for (const policy of [header!, meta!]) {
    expect(parseContentSecurityPolicy(policy).get('connect-src')).toEqual(["'self'", NCALAYER_ORIGIN]);
  }

  await page.goto('/');
  const violations = await page.evaluate(async (ncalayer) => {
    const seen: string[] = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      seen.push(`${e.effectiveDirective} ${e.blockedURI}`),
    );
    const tryFetch = (url: string) =>
      fetch(url).then(
        () => undefined,
        () => undefined,
      );
    // Allowed before: any port on this computer. Now: neither that nor any other site.
    await tryFetch('http://127.0.0.1:9/');
    await tryFetch('https://elsewhere.example/');
    await new Promise<void>((resolve) => {
      try {
        const socket = new WebSocket(ncalayer);
        socket.onerror = () => resolve();
        socket.onclose = () => resolve();
        socket.onopen = () => {
          socket.close();
          resolve();
        };
      } catch {
        resolve();
      }
      setTimeout(resolve, 3000);
    });
    // Violation reports are queued as tasks; let them arrive.
    await new Promise((resolve) => setTimeout(resolve, 200));
    return seen;
  }, NCALAYER_ORIGIN);
  expect(violations).toEqual(
    expect.arrayContaining([
      expect.stringMatching(/^connect-src http:\/\/127\.0\.0\.1:9/),
      expect.stringMatching(/^connect-src https:\/\/elsewhere\.example/),
    ]),
  );
  expect(violations.filter((v) => v.includes('13579'))).toEqual([]);
});
