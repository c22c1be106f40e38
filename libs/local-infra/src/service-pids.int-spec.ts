import { ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stopProcessesFromPidFile, writeProcessPidFile } from './service-pids';

interface Started {
  child: ChildProcess;
  pid: number;
  marker: string;
  exited: Promise<NodeJS.Signals | null>;
}

/** A real Node process that runs until signalled; it says `ready` once its script (e.g. a SIGTERM handler) is in place. */
async function startIdleProcess(script = ''): Promise<Started> {
  const marker = `sinergi-pid-file-test-${randomUUID()}`;
  const child = spawn(process.execPath, ['-e', `${script}; setInterval(() => {}, 1000); console.log('ready')`, marker], { stdio: ['ignore', 'pipe', 'inherit'] });
  const exited = new Promise<NodeJS.Signals | null>((resolve) => child.once('exit', (_code, signal) => resolve(signal)));
  await new Promise<void>((resolve) => child.stdout!.once('data', () => resolve()));
  return { child, pid: child.pid!, marker, exited };
}

describe('npm stop: the service processes a pid file notes', () => {
  let directory: string;
  let file: string;
  const started: Started[] = [];
  const start = async (script?: string) => {
    const idle = await startIdleProcess(script);
    started.push(idle);
    return idle;
  };

  beforeEach(async () => {
    directory = await mkdtemp(join(tmpdir(), 'sinergi-pids-'));
    file = join(directory, 'services.pids.json');
  });

  afterEach(async () => {
    for (const { child } of started.splice(0)) child.kill('SIGKILL');
    await rm(directory, { recursive: true, force: true });
  });

  it('stops each noted process that still runs with SIGTERM, passes over stale pids, and removes the file', async () => {
    const program = await start();
    const enrollment = await start();
    const exitedAlready = spawn(process.execPath, ['-e', '']);
    await new Promise((resolve) => exitedAlready.once('exit', resolve));
    const lines: string[] = [];
    writeProcessPidFile(
      [
        { name: 'program', pid: program.pid, marker: program.marker },
        { name: 'enrollment', pid: enrollment.pid, marker: enrollment.marker },
        { name: 'exited', pid: exitedAlready.pid!, marker: program.marker },
        // A pid reused by another process (this one): its command line is not the service's, so it is never signalled.
        { name: 'reused', pid: process.pid, marker: `not-this-process-${randomUUID()}` },
      ],
      file,
    );

    const stopped = await stopProcessesFromPidFile({ file, log: (line) => lines.push(line) });

    expect(stopped).toEqual(['program', 'enrollment']);
    expect(await Promise.all([program.exited, enrollment.exited])).toEqual(['SIGTERM', 'SIGTERM']);
    expect(lines).toEqual([`stopping program (pid ${program.pid})`, `stopping enrollment (pid ${enrollment.pid})`]);
    expect(existsSync(file)).toBe(false);
  });

  it('kills a process that does not exit within the grace period after SIGTERM', async () => {
    const stubborn = await start("process.on('SIGTERM', () => console.log('not stopping'))");
    writeProcessPidFile([{ name: 'gateway', pid: stubborn.pid, marker: stubborn.marker }], file);

    expect(await stopProcessesFromPidFile({ file, graceMs: 500, log: () => undefined })).toEqual(['gateway']);
    expect(await stubborn.exited).toBe('SIGKILL');
  });

  it('stops nothing when there is no file, or only a torn one (which it removes)', async () => {
    expect(await stopProcessesFromPidFile({ file, log: () => undefined })).toEqual([]);
    const running = await start();
    writeFileSync(file, `[{ "name": "program", "pid": ${running.pid}, "mar`);
    expect(await stopProcessesFromPidFile({ file, log: () => undefined })).toEqual([]);
    expect(existsSync(file)).toBe(false);
    expect(running.child.exitCode).toBeNull();
    expect(running.child.signalCode).toBeNull();
  });
});
