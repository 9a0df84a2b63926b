/**
 * The Checks tab of the security-review plugin: one run per patch set (the bot's review: scheduled,
 * running or completed, with its summary) and one result per finding, read from the plugin's REST
 * endpoints (~status, ~findings). Actions: run the review again (~run), and mark a finding useful
 * (~useful) or not useful, which dismisses it as a false positive (~dismiss) so that the bot votes
 * again. Plain JavaScript against Gerrit's plugin API: no build step.
 */
(function () {
  'use strict';

  const CHECK_NAME = 'Security Review';
  const CHECK_DESCRIPTION =
    'Security heuristics for OpenStack Python code (ML2/OVN driver and Bandit-style checks)';
  // How soon the tab asks again while the review is queued or running.
  const REFRESH_WHILE_PENDING_MS = 5000;

  const CATEGORY_BY_SEVERITY = {high: 'ERROR', medium: 'WARNING', low: 'INFO'};
  const RUN_STATUS = {
    SCHEDULED: 'SCHEDULED',
    RUNNING: 'RUNNING',
    COMPLETED: 'COMPLETED',
    NOT_SCHEDULED: 'RUNNABLE',
    NOT_CONFIGURED: 'RUNNABLE',
  };
  const DISMISSAL_REASONS = {
    false_positive: 'false positive',
    wont_fix: "won't fix",
    used_in_tests: 'used in tests',
  };

  /** The JSON of a Gerrit REST answer, without its ")]}'" prefix; null when there is none. */
  async function json(response) {
    const text = await response.text();
    const body = text.startsWith(")]}'") ? text.substring(4) : text;
    try {
      return JSON.parse(body);
    } catch (e) {
      return null;
    }
  }

  /** What a failed request says: Gerrit answers errors in plain text. */
  async function failure(response) {
    const text = (await response.text()).trim();
    return `${response.status}: ${text || response.statusText}`;
  }

  /** Gerrit's timestamps ("2026-12-03 10:00:00.000000000", UTC) as a Date. */
  function date(timestamp) {
    if (!timestamp) return undefined;
    return new Date(timestamp.replace(' ', 'T').replace(/(\.\d{3})\d*$/, '$1') + 'Z');
  }

  function range(line, column, endLine, endColumn) {
    return {
      start_line: line,
      start_character: column,
      end_line: endLine,
      end_character: endColumn,
    };
  }

  class SecurityReviewChecks {
    constructor(plugin) {
      this.plugin = plugin;
      this.name = plugin.getPluginName();
    }

    revision(changeNumber, patchset, repo) {
      return `/changes/${encodeURIComponent(repo)}~${changeNumber}/revisions/${patchset}/${this.name}`;
    }

    /**
     * The response, whatever its status: with an error callback, Gerrit's REST layer hands back a
     * failed response instead of showing its error dialog; this provider says what failed itself.
     */
    send(method, url, payload) {
      return this.plugin
        .restApi()
        .fetch(method, url, payload, (response, error) => response || Promise.reject(error));
    }

    async fetch(change) {
      const revision = this.revision(change.changeNumber, change.patchsetNumber, change.repo);
      const statusResponse = await this.send('GET', `${revision}~status`);
      if (statusResponse.status === 404) {
        // The change is not visible, or the plugin is not installed on this server.
        return {responseCode: 'OK', runs: []};
      }
      if (!statusResponse.ok) {
        return {responseCode: 'ERROR', errorMessage: await failure(statusResponse)};
      }
      const status = await json(statusResponse);
      if (status.status === 'DISABLED') {
        return {responseCode: 'OK', runs: []};
      }
      const lines = (status.detail || '').split('\n');
      const run = {
        change: change.changeNumber,
        patchset: change.patchsetNumber,
        externalId: `${this.name}/${change.changeNumber}/${change.patchsetNumber}`,
        checkName: CHECK_NAME,
        checkDescription: CHECK_DESCRIPTION,
        checkLink: status.doc_url,
        labelName: status.label,
        status: RUN_STATUS[status.status] || 'RUNNABLE',
        statusDescription: lines[0],
        finishedTimestamp: date(status.finished),
        actions: [this.rerunAction(change)],
      };
      if (run.status === 'COMPLETED') {
        await this.addResults(run, change, revision);
      } else if (run.status !== 'RUNNABLE') {
        setTimeout(() => this.plugin.checks().announceUpdate(), REFRESH_WHILE_PENDING_MS);
      }
      return {responseCode: 'OK', runs: [run]};
    }

    async addResults(run, change, revision) {
      const response = await this.send('GET', `${revision}~findings`);
      if (response.status === 202) {
        run.statusDescription += ' (the findings are still being computed)';
        setTimeout(() => this.plugin.checks().announceUpdate(), REFRESH_WHILE_PENDING_MS);
        return;
      }
      if (!response.ok) {
        run.statusDescription += ` (findings unavailable: ${await failure(response)})`;
        return;
      }
      const answer = await json(response);
      run.labelName = answer.label;
      run.results = answer.findings.map(f => this.result(f, change));
      for (const s of answer.skipped || []) {
        run.results.push({
          category: 'INFO',
          summary: `Not reviewed: ${s.path}`,
          message: s.reason,
          codePointers: [{path: s.path, range: range(1, 0, 1, 0)}],
        });
      }
      for (const path of answer.syntax_errors || []) {
        run.results.push({
          category: 'WARNING',
          summary: `Not parsed: ${path}`,
          message: 'The file has a syntax error; its findings are unknown until it parses.',
          codePointers: [{path, range: range(1, 0, 1, 0)}],
        });
      }
    }

    result(f, change) {
      const result = {
        externalId: f.fingerprint,
        category: CATEGORY_BY_SEVERITY[f.severity] || 'INFO',
        summary: `${f.rule_id} ${f.title}`,
        message: f.message,
        tags: [{name: `severity ${f.severity}`}, {name: `confidence ${f.confidence}`}],
        links: [{url: f.doc_url, primary: true, icon: 'help_page', tooltip: `Rule ${f.rule_id}`}],
        codePointers: [
          {path: f.path, range: range(f.line, f.column, f.end_line, f.end_column)},
        ],
      };
      if (f.fix_edits) {
        result.fixes = [
          {
            description: f.fix,
            replacements: f.fix_edits.map(e => ({
              path: f.path,
              range: range(e.line, e.column, e.end_line, e.end_column),
              replacement: e.replacement,
            })),
          },
        ];
      }
      if (f.dismissal) {
        // Shown for the record; it no longer counts for the vote.
        result.category = 'INFO';
        result.tags.push({
          name: `dismissed: ${DISMISSAL_REASONS[f.dismissal.reason] || f.dismissal.reason}`,
          tooltip: f.dismissal.message || undefined,
        });
      } else {
        result.actions = this.feedbackActions(f, change);
      }
      return result;
    }

    /**
     * An action's callback: POSTs `payload` to the revision's `endpoint` and makes the
     * tab's answer of the server's with `onOk`; a refusal shows the server's own words.
     */
    post(change, endpoint, payload, onOk) {
      return async (changeNumber, patchset) => {
        const response = await this.send(
          'POST',
          `${this.revision(changeNumber, patchset, change.repo)}~${endpoint}`,
          payload
        );
        if (!response.ok) return {errorMessage: await failure(response)};
        return onOk(await json(response));
      };
    }

    rerunAction(change) {
      return {
        name: 'Run again',
        tooltip: 'Review this patch set again and post a new review (the change owner, or Run Security Review)',
        primary: true,
        callback: this.post(change, 'run', {}, answer => ({
          message: answer.detail || answer.status,
          shouldReload: true,
        })),
      };
    }

    feedbackActions(f, change) {
      const finding = {fingerprint: f.fingerprint, path: f.path};
      return [
        {
          // The name Gerrit's Checks tab shows as a thumbs-up.
          name: 'useful',
          tooltip: 'This finding is useful: counted for the rule',
          callback: this.post(change, 'useful', finding, answer => ({
            message:
              answer && answer.already_marked
                ? `${f.rule_id}: you marked this finding useful before; it counts once.`
                : `Thanks: ${f.rule_id} counted as useful.`,
          })),
        },
        {
          // The thumbs-down: dismissing as a false positive, so that the bot votes again.
          name: 'not-useful',
          tooltip: 'Dismiss as a false positive (core reviewers); the bot votes again',
          callback: this.post(
            change,
            'dismiss',
            {...finding, reason: 'false_positive', message: 'not useful (Checks tab)'},
            () => ({message: `${f.rule_id} dismissed as a false positive.`, shouldReload: true})
          ),
        },
      ];
    }
  }

  Gerrit.install(plugin => {
    const provider = new SecurityReviewChecks(plugin);
    plugin.checks().register(
      {fetch: change => provider.fetch(change)},
      {fetchPollingIntervalSeconds: 60}
    );
  });
})();
