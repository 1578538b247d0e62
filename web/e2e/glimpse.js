// Starts the real jar on a free port with a fresh data directory, and headless Debian Chromium
// through playwright-core (no browser download). Used by site.test.js.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, openSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';

const here = new URL('.', import.meta.url).pathname;
export const SCREENSHOTS = resolve(here, '../target/e2e-screenshots');
export const ACCESS_TOKEN_TTL_SECONDS = 5;

function freePort() {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => done(port));
    });
  });
}

async function waitUntilReady(base, child, log) {
  const deadline = Date.now() + 180_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`Glimpse exited with ${child.exitCode} before it was ready; see ${log}`);
    try {
      const answer = await fetch(`${base}/actuator/health/readiness`);
      if (answer.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`Glimpse was not ready within 180 s; see ${log}`);
}

export async function startGlimpse() {
  const jar = resolve(process.env.GLIMPSE_JAR || resolve(here, '../../api/target/glimpse.jar'));
  if (!existsSync(jar)) throw new Error(`No jar at ${jar}: build it first (./mvnw -DskipTests package), or set GLIMPSE_JAR.`);
  const chromiumPath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
  if (!existsSync(chromiumPath)) throw new Error(`No Chromium at ${chromiumPath}: apt-get install -y chromium, or set CHROMIUM_PATH.`);
  mkdirSync(SCREENSHOTS, { recursive: true });
  const dataDir = mkdtempSync(join(tmpdir(), 'glimpse-e2e-'));
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const log = join(SCREENSHOTS, 'glimpse.log');
  const out = openSync(log, 'w');
  const child = spawn('java', ['-jar', jar, `--server.port=${port}`, `--glimpse.data-dir=${dataDir}`,
    '--glimpse.rate-limits.enabled=false',
    // Short, so that the silent refresh is exercised (and by every scenario that takes longer).
    `--glimpse.security.access-token-ttl=${ACCESS_TOKEN_TTL_SECONDS}s`], { stdio: ['ignore', out, out] });
  try {
    await waitUntilReady(base, child, log);
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  }
  const browser = await chromium.launch({ executablePath: chromiumPath, headless: true,
    args: ['--no-sandbox', '--disable-dev-shm-usage'] });
  return {
    base,
    browser,
    async stop() {
      await browser.close().catch(() => {});
      child.kill('SIGTERM');
      await new Promise((r) => (child.exitCode !== null ? r() : child.once('exit', r)));
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
