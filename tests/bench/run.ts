/**
 * Performance figures for the built extension: `npm run bench` (or `npx tsx tests/bench/run.ts`
 * after `npx wxt build`). Prints tables; never asserts a timing. Each section is one file under
 * tests/bench/ — add a new one to SECTIONS to extend the bench.
 */
import { cpus, totalmem } from 'node:os';
import { bundleSize } from './bundle-size';
import { BENCH_PASSWORD, createVault, type BenchContext, type BenchSection } from './context';
import { fillLatency } from './fill-latency';
import { BLANK_PAGE, chromiumVersion, copyExtensionWithBlankPage, launchBench } from './launch';
import { popupCold } from './popup-cold';
import { popupRender } from './popup-render';
import { qrDecode } from './qr-decode';
import { formatTable, goalsTable } from './report';
import { scanLatency } from './scan-latency';
import { unlock } from './unlock';

const SECTIONS: BenchSection[] = [
  popupRender,
  popupCold,
  unlock,
  bundleSize,
  qrDecode,
  scanLatency,
  fillLatency,
];
const RUNS = Number(process.env.BENCH_RUNS ?? 11);
/** BENCH_ONLY=popup,size runs only the sections whose title contains one of the words. */
const ONLY = (process.env.BENCH_ONLY ?? '').split(',').filter(Boolean);

async function main(): Promise<void> {
  const started = performance.now();
  const cpu = cpus();
  console.log('PC Authenticator bench');
  console.log(`date:     ${new Date().toISOString()}`);
  console.log(`browser:  ${chromiumVersion()} (headless)`);
  console.log(
    `machine:  ${cpu.length} cores (${cpu[0]?.model.trim() ?? 'unknown CPU'}), ${(totalmem() / 2 ** 30).toFixed(1)} GiB RAM, Node ${process.version}, ${process.platform}/${process.arch}`,
  );
  // npm run bench builds with the same environment: PCA_UI=react measures the React build.
  console.log(
    `ui:       ${process.env.PCA_UI === 'react' ? 'React (PCA_UI=react)' : 'Preact (preact/compat); PCA_UI=react npm run bench for React'}`,
  );
  console.log(
    `runs:     median of ${RUNS} per figure, after 1 discarded warm-up (BENCH_RUNS to change)`,
  );
  console.log('');

  const extension = await copyExtensionWithBlankPage();
  const browser = await launchBench({ extensionDir: extension.dir });
  try {
    const driver = await createVault(browser, BLANK_PAGE);
    const ctx: BenchContext = {
      extensionDir: extension.dir,
      browser,
      driver,
      password: BENCH_PASSWORD,
      runs: RUNS,
      goals: [],
    };
    const chosen = SECTIONS.filter(
      (section) => ONLY.length === 0 || ONLY.some((word) => section.title.includes(word)),
    );
    for (const section of chosen) {
      const sectionStart = performance.now();
      const tables = await section.run(ctx);
      for (const table of tables) console.log(formatTable(table) + '\n');
      console.log(
        `   (${section.title}: ${((performance.now() - sectionStart) / 1000).toFixed(1)} s)\n`,
      );
    }
    console.log(goalsTable(ctx.goals) + '\n');
  } finally {
    await browser.close();
    await extension.remove();
  }
  console.log(`bench finished in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
