// Drives the plugin's Checks tab provider (static/security-review.js, as the running Gerrit serves
// it from the plugin's jar) in headless Chromium. Gerrit's web UI is not at hand, so a page on the
// Gerrit's own origin stands in for it: it offers the plugin API object the provider uses
// (Gerrit.install, plugin.checks().register, plugin.restApi().fetch) and sends the provider's
// requests to the real REST endpoints, signed in over HTTP basic auth. The steps of a scenario run
// in order; everything they return and every request the provider sent is printed as JSON on
// stdout, for the Java test to assert on.
//
// Usage: node checks-test.mjs SCENARIO.json
//   {"gerrit": "http://localhost:PORT", "user": "admin", "password": "...",
//    "plugin": "security-review",
//    "change": {"changeNumber": 1, "patchsetNumber": 1, "repo": "project"},
//    "steps": [{"do": "fetch"},
//              {"do": "run-action", "name": "Run again"},
//              {"do": "result-action", "result": "FINGERPRINT", "name": "useful"}]}
// CHROMIUM (default /usr/bin/chromium) names the browser.

import {readFileSync} from 'node:fs';
import {chromium} from 'playwright-core';

const scenario = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const gerrit = scenario.gerrit.replace(/\/$/, '');
const pageUrl = `${gerrit}/${scenario.plugin}-checks-test.html`;

// The stand-in for the plugin API object that Gerrit's web UI hands to Gerrit.install callbacks.
const standIn = `
window.checksTest = {requests: [], registered: null, announced: 0, last: null};
(function () {
  const auth = 'Basic ' + btoa(${JSON.stringify(`${scenario.user}:${scenario.password}`)});
  const plugin = {
    getPluginName: () => ${JSON.stringify(scenario.plugin)},
    url: () => location.origin + '/',
    restApi: () => ({
      // As Gerrit's: a payload object is sent as JSON; errFn gets failed responses.
      fetch: async (method, url, payload, errFn) => {
        window.checksTest.requests.push({method, url, payload: payload === undefined ? null : payload});
        const headers = {Authorization: auth};
        if (payload !== undefined) headers['Content-Type'] = 'application/json';
        let response;
        try {
          response = await fetch('/a' + url, {
            method,
            headers,
            body: payload === undefined ? undefined : JSON.stringify(payload),
          });
        } catch (e) {
          if (errFn) return errFn(null, e);
          throw e;
        }
        if (!response.ok && errFn) return errFn(response);
        return response;
      },
    }),
    checks: () => ({
      register: (provider, config) => {
        window.checksTest.registered = {provider, config};
      },
      announceUpdate: () => {
        window.checksTest.announced++;
      },
      updateResult: () => {},
    }),
  };
  window.Gerrit = {install: callback => callback(plugin)};
})();
`;

const page_html = `<!DOCTYPE html>
<html><head><title>Checks tab stand-in</title>
<script>${standIn}</script>
<script src="/plugins/${scenario.plugin}/static/${scenario.plugin}.js"></script>
</head><body></body></html>`;

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
});
const out = {registered: null, steps: [], requests: [], errors: []};
try {
  const page = await browser.newPage();
  page.on('pageerror', e => out.errors.push(String(e)));
  page.on('console', m => {
    // Chromium logs every non-2xx answer as an error; the scenario's refusals are expected ones.
    if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) {
      out.errors.push(m.text());
    }
  });
  // The stand-in page lives on Gerrit's origin, so the provider's requests are same-origin.
  await page.route(pageUrl, route =>
    route.fulfill({status: 200, contentType: 'text/html', body: page_html})
  );
  await page.goto(pageUrl, {waitUntil: 'load'});
  out.registered = await page.evaluate(() =>
    window.checksTest.registered ? {config: window.checksTest.registered.config} : null
  );
  if (out.registered !== null) {
    for (const step of scenario.steps) {
      out.steps.push(
        await page.evaluate(
          async ({step, change}) => {
            const t = window.checksTest;
            if (step.do === 'fetch') {
              t.last = await t.registered.provider.fetch(change);
              // Through JSON, as the Java test reads it: Dates become ISO strings, callbacks vanish.
              return JSON.parse(JSON.stringify(t.last));
            }
            const run = t.last.runs[0];
            let actions = run.actions;
            if (step.do === 'result-action') {
              const result = run.results.find(r => r.externalId === step.result);
              if (!result) return {missing: `no result ${step.result}`};
              actions = result.actions || [];
            }
            const action = actions.find(a => a.name === step.name);
            if (!action) return {missing: `no action ${step.name}`};
            return await action.callback(
              run.change,
              run.patchset,
              run.attempt,
              run.externalId,
              run.checkName,
              action.name
            );
          },
          {step, change: scenario.change}
        )
      );
    }
    out.requests = await page.evaluate(() => window.checksTest.requests);
  }
} finally {
  await browser.close();
}
console.log(JSON.stringify(out));
