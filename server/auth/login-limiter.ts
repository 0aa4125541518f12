/** Limits on failed sign-ins, per account and per address, so passwords cannot be guessed at speed. */
import type { RateLimiterAbstract } from 'rate-limiter-flexible';
import { memoryLimiters } from '../cluster/limiters';
import type { MakeLimiter } from '../cluster/limiters';
import { AppError, text } from '../errors';

const WINDOW_S = 15 * 60;
/** Failed attempts per account in the window; a correct password afterwards still waits. */
export const FAILURES_PER_ACCOUNT = 5;
/** Failed attempts per client address in the window, over all accounts. */
export const FAILURES_PER_ADDRESS = 20;

/** Counts failures; `check` refuses once either budget is spent, saying when to try again. */
export class LoginLimiter {
  private readonly byAccount: RateLimiterAbstract;
  private readonly byAddress: RateLimiterAbstract;

  constructor(make: MakeLimiter = memoryLimiters) {
    this.byAccount = make('login-account', FAILURES_PER_ACCOUNT, WINDOW_S);
    this.byAddress = make('login-address', FAILURES_PER_ADDRESS, WINDOW_S);
  }

  /** Throws RATE_LIMITED when the account or the address has no attempts left. */
  async check(address: string, username: string): Promise<void> {
    const [account, client] = await Promise.all([
      this.byAccount.get(accountKey(username)),
      this.byAddress.get(address),
    ]);
    refuseFor(
      Math.max(
        account && account.consumedPoints >= FAILURES_PER_ACCOUNT ? account.msBeforeNext : 0,
        client && client.consumedPoints >= FAILURES_PER_ADDRESS ? client.msBeforeNext : 0,
      ),
    );
  }

  /** Records a failed attempt against both budgets. */
  async failed(address: string, username: string): Promise<void> {
    // consume() rejects once a budget is spent; the next check() refuses, which is all that is wanted.
    await Promise.allSettled([this.byAccount.consume(accountKey(username)), this.byAddress.consume(address)]);
  }

  /** Throws RATE_LIMITED once the address has spent its failures (a token guessed, A10). */
  async checkAddress(address: string): Promise<void> {
    const client = await this.byAddress.get(address);
    refuseFor(client && client.consumedPoints >= FAILURES_PER_ADDRESS ? client.msBeforeNext : 0);
  }

  /** Records a failure against the address alone: a wrong token names no account. */
  async failedAddress(address: string): Promise<void> {
    await this.byAddress.consume(address).catch(() => undefined);
  }

  /** A successful sign-in clears the account's failures (not the address's). */
  async succeeded(username: string): Promise<void> {
    await this.byAccount.delete(accountKey(username));
  }
}

/** RATE_LIMITED saying when to try again, when there is still `wait` ms to wait. */
function refuseFor(wait: number): void {
  if (wait <= 0) return;
  const minutes = String(Math.ceil(wait / 60_000));
  throw new AppError('RATE_LIMITED', text('errors', 'tooManySignIns', { minutes }), wait);
}

// Usernames are unique regardless of case, so "Alice" and "alice" share one budget.
const accountKey = (username: string) => username.toLowerCase();
