import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { Browser, chromium } from 'playwright-core';
import { PROJECT_ROOT } from '../../src/project-root';

/** Debian's Chromium (installed by .ci/run); tests never download a browser of their own. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Screenshots and other outputs of browser tests, kept for people to look at. */
export const ARTIFACTS_DIR = path.join(PROJECT_ROOT, 'test-artifacts');

export async function launchBrowser(): Promise<Browser> {
  await mkdir(ARTIFACTS_DIR, { recursive: true });
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export const artifactPath = (name: string): string => path.join(ARTIFACTS_DIR, name);
