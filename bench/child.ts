/**
 * Runs one benchmark step in this process and prints its result and this
 * process's peak RSS on a marked line (see runInChild in measure.ts).
 *
 *   node -r ts-node/register bench/child.ts STEP 'JSON params'
 */
import { peakRssMiB, RESULT_MARK } from './measure';
import { HELPERS, STEPS } from './steps';

async function main(): Promise<void> {
  const [name, raw] = process.argv.slice(2);
  const step = ({ ...STEPS, ...HELPERS } as Record<string, (params: unknown) => Promise<unknown>>)[name];
  if (!step) throw new Error(`bench child: unknown step "${name}" (known: ${Object.keys(STEPS).join(', ')})`);
  const result = await step(JSON.parse(raw ?? '{}'));
  process.stdout.write(`${RESULT_MARK}${JSON.stringify({ result, peakRssMiB: peakRssMiB() })}\n`);
}

main().then(
  () => process.exit(0),
  (error) => {
    process.stderr.write(`${(error as Error).stack ?? error}\n`);
    process.exit(1);
  },
);
