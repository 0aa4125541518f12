/** Bench plumbing: TS child processes on an IPC channel, their start/stop protocol, and a CPU/memory meter. */
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

/** Parent to child: go on to subscribing (clients), measure from now, stop measuring and report, or leave. */
export type Command = { type: 'subscribe' } | { type: 'start' } | { type: 'stop' } | { type: 'exit' };

/** What a process cost over the measurement window. */
export interface MeterReading {
  elapsedMs: number;
  /** User + system CPU time. */
  cpuUs: number;
  /** CPU seconds per second: 1 is one core fully busy. */
  cpuCores: number;
  rssMb: number;
  rssPeakMb: number;
  /** 99th percentile of event-loop lag: how late this process ran a timer (the probe's own period excluded). */
  loopDelayP99Ms: number;
  /** Mean RSS of each minute of the window (sampled once a second), MB: a soak run's memory over time. */
  rssMbByMinute: number[];
}

// monitorEventLoopDelay records the whole interval between probes, the probe period included.
const LOOP_PROBE_MS = 10;

/** Starts measuring this process; the returned function ends the window and reads it. */
export function startMeter(): () => MeterReading {
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const loop = monitorEventLoopDelay({ resolution: LOOP_PROBE_MS });
  loop.enable();
  let peak = process.memoryUsage().rss;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 200);
  // Grouped by the clock, not by the count of samples: a busy process runs its timer late and samples less often.
  const minutes: Array<{ sum: number; n: number }> = [];
  const perSecond = setInterval(() => {
    const minute = (minutes[Math.floor((performance.now() - t0) / 60_000)] ??= { sum: 0, n: 0 });
    minute.sum += process.memoryUsage().rss / 2 ** 20;
    minute.n += 1;
  }, 1000);
  return () => {
    const cpu = process.cpuUsage(cpu0);
    const elapsedMs = performance.now() - t0;
    clearInterval(sampler);
    clearInterval(perSecond);
    loop.disable();
    const rss = process.memoryUsage().rss;
    const cpuUs = cpu.user + cpu.system;
    return {
      elapsedMs,
      cpuUs,
      cpuCores: cpuUs / 1000 / elapsedMs,
      rssMb: rss / 2 ** 20,
      rssPeakMb: Math.max(peak, rss) / 2 ** 20,
      loopDelayP99Ms: Math.max(0, loop.percentile(99) / 1e6 - LOOP_PROBE_MS),
      rssMbByMinute: Array.from(minutes, (m) => (m ? m.sum / m.n : 0)),
    };
  };
}

/** In a child: the config it was started with (argv[2], JSON); the child also ends when its parent goes. */
export function childConfig<T>(): T {
  // A child that outlived the bench would hold ports and CPU: leave as soon as the IPC channel is gone.
  process.once('disconnect', () => process.exit(1));
  if (!process.connected) process.exit(1);
  return JSON.parse(process.argv[2] ?? '{}') as T;
}

/** In a child: sends a message to the parent. */
export function tell(message: { type: string } & Record<string, unknown>): void {
  process.send?.(message);
}

/** In a child: runs the subscribe/start/stop/exit protocol. */
export function serveCommands(handlers: {
  subscribe?: () => void;
  start: () => void;
  stop: () => Record<string, unknown>;
  exit: () => Promise<void>;
}): void {
  const leave = () => void handlers.exit().finally(() => process.exit(0));
  process.on('message', (command: Command) => {
    if (command.type === 'subscribe') handlers.subscribe?.();
    else if (command.type === 'start') handlers.start();
    else if (command.type === 'stop') tell({ type: 'report', ...handlers.stop() });
    else leave();
  });
}

/** In a child: reports a fatal error to the parent, then exits (once the message is on its way). */
export function failChild(err: unknown): void {
  const message = err instanceof Error ? (err.stack ?? err.message) : String(err);
  if (process.connected && process.send) process.send({ type: 'error', message }, () => process.exit(1));
  else process.exit(1);
}

/** A running child, seen from the parent. */
export interface Child {
  readonly name: string;
  readonly proc: ChildProcess;
  send(command: Command): void;
  /** Resolves with the next message of this type; rejects on an error message, an exit or the timeout. */
  next<T>(type: string, timeoutMs: number): Promise<T>;
  /** Asks the child to leave, and kills it (by its pid) if it has not within `graceMs`. */
  stop(graceMs?: number): Promise<void>;
}

const live = new Set<ChildProcess>();

/** Kills every child still running (by pid): the parent's exit and Ctrl-C path. */
export function killAllChildren(): void {
  for (const proc of live) if (proc.exitCode === null && proc.signalCode === null) proc.kill('SIGKILL');
}

/** Starts `scripts/bench/<file>` under tsx with an IPC channel; `nodeArgs` go to node (e.g. --cpu-prof). */
export function spawnChild(name: string, file: string, config: unknown, nodeArgs: string[] = []): Child {
  const script = fileURLToPath(new URL(file, import.meta.url));
  const args = [...nodeArgs, '--import', import.meta.resolve('tsx'), script, JSON.stringify(config)];
  const proc = spawn(process.execPath, args, { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  live.add(proc);
  const exited = new Promise<void>((resolve) => proc.once('exit', () => resolve()));
  void exited.then(() => live.delete(proc));
  return {
    name,
    proc,
    send: (command) => {
      if (proc.connected) proc.send(command);
    },
    next: <T>(type: string, timeoutMs: number) =>
      new Promise<T>((resolve, reject) => {
        const done = (fn: () => void) => {
          clearTimeout(timer);
          proc.off('message', onMessage);
          proc.off('exit', onExit);
          fn();
        };
        const onMessage = (msg: { type: string; message?: string }) => {
          if (msg.type === type) done(() => resolve(msg as T));
          else if (msg.type === 'error') done(() => reject(new Error(`${name}: ${msg.message}`)));
        };
        const onExit = (code: number | null) =>
          done(() => reject(new Error(`${name} exited (${code}) early`)));
        const timer = setTimeout(
          () => done(() => reject(new Error(`${name}: no '${type}' within ${timeoutMs} ms`))),
          timeoutMs,
        );
        proc.on('message', onMessage);
        proc.once('exit', onExit);
      }),
    async stop(graceMs = 5_000) {
      if (proc.exitCode !== null || proc.signalCode !== null) return;
      if (proc.connected) proc.send({ type: 'exit' } satisfies Command);
      const timer = setTimeout(() => proc.kill('SIGKILL'), graceMs);
      await exited;
      clearTimeout(timer);
    },
  };
}
