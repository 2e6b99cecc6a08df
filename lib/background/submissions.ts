import { offsetFor, type CodeClock } from '../clock';
import type { PageReport, Refusal } from '../messaging';
import { stepOfCode } from '../otp/code-timing';
import { secondsUntilUnused } from '../otp/step-time';
import { deviceState, isFreshRefusal, refusalReason } from '../otp/refusal-reason';
import type { Account } from '../otp/types';
import { clockCorrectionItem, type AwaitedSubmit, type UsedStep } from '../storage';
import type { Vault } from '../vault/vault';
import { correctClock, measureSiteClock } from './site-clock';
import { ForbiddenSenderError } from './errors';
import { storedFillStores, type FillStores } from './fill-stores';
import { OutcomeGate } from './outcome-gate';
import type { ContentHandlers } from './routes';
import type { ContentSender } from './senders';

/** A submit older than this has no outcome to wait for (the user went away). */
const AWAIT_MS = 10 * 60_000;
/** Used steps older than this can no longer matter (no code lives that long). */
const USED_KEEP_MS = 24 * 3_600_000;
/** How long a code request waits for its page's outcome (the content script waited as long). */
const OUTCOME_WAIT_MS = 3_000;

/**
 * What happens to a code after it leaves a page we filled. As the form is submitted the content
 * script says which account's code went (`otp.submitted`, or `enroll.device` on the setup page);
 * the worker marks the code's step used at once (the next page may be on another site and never
 * report) and remembers, for that tab, that it waits for an outcome. The next page of the same
 * origin in the tab reports what it is (`page.outcome`): a refusal undoes the used step and gets
 * its likely cause; anything else confirms a pending account and clears its refusals.
 */
export function submissionHandlers(
  vault: Vault,
  now: CodeClock,
  stores: FillStores = storedFillStores,
) {
  return {
    'otp.submitted': ({ ref, code }, from) =>
      recordSubmit(vault, now, from, { ref, code, kind: 'login' }, stores).then(() => null),
    'page.outcome': (report, from) =>
      serial(() => pageOutcome(vault, now, from, report, stores)).finally(() => {
        if (from.tab.id !== undefined) outcomes.heard(from.tab.id);
      }),
    'clock.correct': async (_data, { origin }) => {
      const { accounts } = await vault.listAccounts();
      return correctClock(origin, accounts);
    },
  } satisfies ContentHandlers;
}

/** Runs read-modify-write steps on the stored state one after another (requests interleave). */
let chain: Promise<unknown> = Promise.resolve();
function serial<T>(task: () => Promise<T>): Promise<T> {
  const run = chain.then(task, task);
  chain = run.catch(() => {});
  return run;
}

const outcomes = new OutcomeGate();

/**
 * Settles once the codes of `from`'s page may be computed: at once, unless its tab still waits
 * for the outcome of a submit on this origin — then once the page has said it (`page.outcome`,
 * sent alongside the code request), or after OUTCOME_WAIT_MS. Checked in turn with the outcomes,
 * so one that came first is already applied.
 */
export async function outcomeHeard(
  from: ContentSender,
  now: CodeClock,
  stores: FillStores = storedFillStores,
): Promise<void> {
  const tab = from.tab.id;
  if (tab === undefined) return;
  const held = await serial(async () => {
    const awaited = (await stores.submissions.getValue()).awaiting[String(tab)];
    const pending = awaited?.origin === from.origin && now([]) - awaited.at <= AWAIT_MS;
    // Asked for inside the turn (an outcome queued right behind still finds the waiter), and
    // wrapped: a promise returned bare would hold the turn, and that outcome, until it settles.
    return pending ? { until: outcomes.wait(tab, OUTCOME_WAIT_MS) } : null;
  });
  await held?.until;
}

/** The account `ref`, if it is bound to `origin` (the only page that may speak for it). */
export async function boundAccount(vault: Vault, ref: string, origin: string): Promise<Account> {
  const { accounts } = await vault.listAccounts();
  const account = accounts.find((a) => a.id === ref);
  if (!account || !account.sites.includes(origin)) throw new ForbiddenSenderError();
  return account;
}

/**
 * A form with `code` of account `ref` (or a setup form, whose code may be the user's) is being
 * submitted from `from`: mark the code's step used and wait for the next page's outcome.
 */
export function recordSubmit(
  vault: Vault,
  now: CodeClock,
  from: ContentSender,
  submit: { ref: string; code?: string; kind: AwaitedSubmit['kind'] },
  stores: FillStores = storedFillStores,
): Promise<void> {
  return serial(async () => {
    const account = await boundAccount(vault, submit.ref, from.origin);
    const step = submit.code ? stepOfCode(account, submit.code, now(account.sites)) : null;
    const at = now([]);
    const used = await stores.usedSteps.getValue();
    const usedBefore = used[account.id]?.step ?? null;
    if (step !== null && (usedBefore === null || step > usedBefore)) {
      await stores.usedSteps.setValue(fresh({ ...used, [account.id]: { step, at } }, at));
    }
    if (from.tab.id === undefined) return;
    const state = await stores.submissions.getValue();
    const awaiting = Object.fromEntries(
      Object.entries(state.awaiting).filter(([, a]) => at - a.at < AWAIT_MS),
    );
    const ours = submit.code !== undefined;
    const entry = {
      origin: from.origin,
      ref: account.id,
      kind: submit.kind,
      ours,
      step,
      usedBefore,
    };
    awaiting[String(from.tab.id)] = { ...entry, at };
    await stores.submissions.setValue({ ...state, awaiting });
  });
}

async function pageOutcome(
  vault: Vault,
  now: CodeClock,
  from: ContentSender,
  report: PageReport,
  stores: FillStores,
): Promise<Refusal | null> {
  if (from.tab.id === undefined) return null;
  const state = await stores.submissions.getValue();
  const key = String(from.tab.id);
  const awaited = state.awaiting[key];
  if (!awaited) return null;
  // One page answers for one submit, whatever it says.
  const awaiting = { ...state.awaiting };
  delete awaiting[key];
  const refusals = { ...state.refusals };
  const save = () => stores.submissions.setValue({ awaiting, refusals });
  if (awaited.origin !== from.origin || now([]) - awaited.at > AWAIT_MS)
    return save().then(() => null);

  const refused =
    awaited.kind === 'setup'
      ? report.page === 'setup' && report.setupError
      : report.page === 'otp' && report.codeError;
  // Locked meanwhile: the used step and the tab's state still follow the page.
  const accounts = await vault.listAccounts().then(
    (list) => list.accounts,
    () => [],
  );
  const account = accounts.find((a) => a.id === awaited.ref);
  if (!refused) {
    delete refusals[awaited.ref];
    await save();
    // The site took it: a setup (or the first login with its code) confirms the account.
    if (account?.pending) await vault.updateAccount(account.id, { pending: false });
    return null;
  }
  await undoUsedStep(awaited, stores);
  // Only a code we filled is explained: the user's own typing may simply have been a typo.
  if (!report.codeError || !account || !awaited.ours) return save().then(() => null);
  const refusal = await explain(now, account, awaited, report, refusals);
  await save();
  return refusal;
}

/** The site refused the code: its step was not used after all. */
async function undoUsedStep(awaited: AwaitedSubmit, stores: FillStores): Promise<void> {
  const used = await stores.usedSteps.getValue();
  if (awaited.step === null || used[awaited.ref]?.step !== awaited.step) return;
  const rest = { ...used };
  delete rest[awaited.ref];
  const before = awaited.usedBefore;
  await stores.usedSteps.setValue(
    before === null ? rest : { ...rest, [awaited.ref]: { step: before, at: awaited.at } },
  );
}

/** The likely cause of a refusal, from the site's clock, the used steps and the chooser. */
async function explain(
  now: CodeClock,
  account: Account,
  awaited: AwaitedSubmit,
  report: PageReport,
  refusals: Record<string, number>,
): Promise<Refusal> {
  const correction = await clockCorrectionItem.getValue();
  const measured = await measureSiteClock(awaited.origin, [account]);
  const applied = offsetFor(account.sites, correction);
  const facts = {
    clockOffsetMs: measured.offsetMs === null ? null : measured.offsetMs - applied,
    correctable: measured.correctable,
    codeStep: awaited.step,
    usedBefore: awaited.usedBefore,
    waitSeconds: secondsUntilUnused(account.period, now(account.sites), awaited.usedBefore),
    device: deviceState(report.devices, account.deviceName),
  };
  const count = (refusals[account.id] ?? 0) + (isFreshRefusal(facts) ? 1 : 0);
  refusals[account.id] = count;
  return { reason: refusalReason({ ...facts, freshRefusals: count }), kind: awaited.kind };
}

/** Drops used steps too old to matter. */
function fresh(used: Record<string, UsedStep>, at: number): Record<string, UsedStep> {
  return Object.fromEntries(Object.entries(used).filter(([, u]) => at - u.at < USED_KEEP_MS));
}
