import type { FastifyBaseLogger } from 'fastify';
import type { Config } from '../config';
import type { Db } from '../db/client';
import type { SecretBox } from '../lib/secrets';
import { runCrmSync } from '../modules/crm/crm-sync';
import { runWebhooks } from '../modules/webhooks/delivery';
import { refreshPartnerGraph } from '../modules/analytics/network.service';
import { refreshOverviewSnapshot } from '../modules/analytics/overview.service';
import { expireDealProtection } from '../modules/deals/deal-review.service';
import { runRenewalReminders } from '../modules/enablement/reminders.service';
import { deleteAbandonedUploads } from '../modules/files/files.service';
import { pullBackOverdueLeads } from '../modules/leads/leads.pullback';
import { releaseLapsedRequests, remindClaimDeadlines } from '../modules/funds/mdf-jobs';
import { runDailyDigests } from '../modules/mail/digest.service';
import { refreshPublishedProfiles } from '../modules/marketplace/profiles.service';
import { enforceAgreementDeadlines, evaluateAllEnrollments } from '../modules/programs/enrollments.service';

/** What starts the jobs hands back, on either engine. */
export interface JobRunner {
  /**
   * Asks for one run of the job as soon as possible. False when a run is
   * already waiting (PostgreSQL) or in progress (PGlite): that run reads the
   * same data, so a second one would add nothing.
   */
  runNow(name: string): Promise<boolean>;
  /** Stops starting runs and resolves once runs in progress have ended. */
  stop(): Promise<void>;
}

export interface Job {
  name: string;
  everyMs: number;
  run(db: Db): Promise<Record<string, number>>;
  /**
   * Every server process runs it on its own timer, also on PostgreSQL: for
   * work that already shares itself safely between processes and gains from
   * more of them.
   */
  perProcess?: boolean;
}

/** Recurring platform work: once per interval across all server processes (see runner.ts). */
export const jobs: Job[] = [
  { name: 'enforce-agreement-deadlines', everyMs: 15 * 60_000, run: (db) => enforceAgreementDeadlines(db) },
  { name: 'expire-deal-protection', everyMs: 15 * 60_000, run: (db) => expireDealProtection(db) },
  // Every minute: a lead not accepted by its deadline moves on within the minute it passed.
  { name: 'pull-back-leads', everyMs: 60_000, run: (db) => pullBackOverdueLeads(db) },
  { name: 'refresh-marketplace-profiles', everyMs: 3600_000, run: (db) => refreshPublishedProfiles(db) },
  { name: 'evaluate-enrollments', everyMs: 6 * 3600_000, run: (db) => evaluateAllEnrollments(db) },
  // PageRank, clusters and layout of the partner graph: never computed on a request when the graph is large.
  { name: 'refresh-partner-graph', everyMs: 3600_000, run: (db) => refreshPartnerGraph(db) },
  // Large ecosystems: the default overview stays computed (snapshots live five minutes).
  { name: 'refresh-analytics-overview', everyMs: 4 * 60_000, run: (db) => refreshOverviewSnapshot(db) },
  // Hourly, but each user gets at most one a day, claimed in the database (mail/digest.service.ts).
  { name: 'send-daily-digests', everyMs: 3600_000, run: (db) => runDailyDigests(db) },
  // Uploads that no claim or content asset took within a day (an abandoned form).
  { name: 'delete-abandoned-uploads', everyMs: 3600_000, run: (db) => deleteAbandonedUploads(db) },
  // Holders of a certification expiring within 30 days are mailed once (enablement/reminders.service.ts).
  { name: 'remind-certification-renewals', everyMs: 6 * 3600_000, run: (db) => runRenewalReminders(db) },
  // MDF: reservations of requests never claimed by their deadline go back to the budget; a week before, a reminder.
  { name: 'release-lapsed-fund-requests', everyMs: 3600_000, run: (db) => releaseLapsedRequests(db) },
  { name: 'remind-claim-deadlines', everyMs: 3600_000, run: (db) => remindClaimDeadlines(db) },
];

/**
 * Runs each job on its interval in this process, never two runs of one job at
 * once: the runner on PGlite, and for `perProcess` jobs on PostgreSQL. Every
 * change a job makes is its own transaction with an audit entry, and the work
 * is idempotent, so a second server process running the same jobs converges.
 */
export function startScheduler(db: Db, log: FastifyBaseLogger, list: Job[] = jobs, firstRunAfterMs = 60_000) {
  const running = new Map<string, Promise<void>>();
  const timers: NodeJS.Timeout[] = [];
  const tick = (job: Job) => {
    if (running.has(job.name)) return false;
    const started = Date.now();
    const p = job
      .run(db)
      // A routine tick every few seconds: at info it would bury the start banner (and the first admin password).
      .then((result) =>
        log.debug({ job: job.name, ms: Date.now() - started, ...result }, `job ${job.name} done`),
      )
      .catch((err: unknown) => log.error({ err, job: job.name }, `job ${job.name} failed`))
      .finally(() => running.delete(job.name));
    running.set(job.name, p);
    return true;
  };
  for (const job of list) {
    timers.push(setTimeout(() => tick(job), firstRunAfterMs).unref());
    timers.push(setInterval(() => tick(job), job.everyMs).unref());
  }
  return {
    /** Starts a run now unless one is in progress (it would read the same data). */
    async runNow(name: string) {
      const job = list.find((j) => j.name === name);
      if (!job) throw new Error(`No job named ${name}`);
      return tick(job);
    },
    /** Stops scheduling and waits for runs in progress, so shutdown never cuts a job mid-way. */
    async stop() {
      for (const t of timers) clearTimeout(t);
      await Promise.all(running.values());
    },
  };
}

/** The outbox worker: fans new events out to webhook subscriptions and delivers what is due, every few seconds. */
export const webhookJob = (config: Pick<Config, 'WEBHOOK_ALLOW_PRIVATE' | 'WEBHOOK_RETRY_HOURS'>): Job => ({
  name: 'deliver-webhooks',
  everyMs: 5_000,
  // Not through pg-boss: deliveries are claimed with SKIP LOCKED and a lease,
  // so processes polling at once split the outbox rather than repeat it, and
  // each added process adds delivery throughput. One queued run per 5 s across
  // the cluster would cap delivery at one process and write ~17,000 pg-boss
  // jobs a day for a poll that mostly finds nothing.
  perProcess: true,
  run: (db) =>
    runWebhooks(db, { allowPrivate: config.WEBHOOK_ALLOW_PRIVATE, retryHours: config.WEBHOOK_RETRY_HOURS }),
});

/**
 * CRM sync: queued runs (a person's "run", dry runs, retries, runs deferred by
 * a 429 or the API budget) and each connection's scheduled incremental sync.
 * Every 30 s so a queued run starts soon; a connection's lease keeps it to one
 * run at a time across processes.
 */
export const crmSyncJob = (secrets: SecretBox, config: Pick<Config, 'CRM_ALLOW_PRIVATE'>): Job => ({
  name: 'crm-sync',
  everyMs: 30_000,
  run: (db) => runCrmSync(db, secrets, { allowPrivate: config.CRM_ALLOW_PRIVATE }),
});
