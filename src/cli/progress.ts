import cliProgress from 'cli-progress';
import type { TaskEvents } from '../server/control/task-channel.js';

/** How each stage a task reports is shown: a bar with its unit, or a line when the stage has no measure. */
const STAGES: Record<string, { label: string; unit?: string; scale?: number }> = {
  population: { label: 'population', unit: 'figures' },
  'offerings-check': { label: 'checking', unit: 'rows' },
  'offerings-stage': { label: 'staging', unit: 'rows' },
  'offerings-apply': { label: 'writing', unit: 'rows' },
  'roads-read': { label: 'reading', unit: 'MB', scale: 1e6 },
  'roads-build': { label: 'building the road graph' },
  'roads-store': { label: 'storing' },
};

/** Shows a task's progress on the terminal (bars only on a TTY; cli-progress draws nothing elsewhere). */
export function progressPrinter(): TaskEvents & { stop(): void } {
  let stage: string | undefined;
  let bar: cliProgress.SingleBar | undefined;
  const stopBar = () => {
    bar?.stop();
    bar = undefined;
  };
  return {
    progress(next, done, total) {
      const shown = STAGES[next] ?? { label: next };
      const scale = shown.scale ?? 1;
      if (next !== stage) {
        stopBar();
        stage = next;
        if (shown.unit) {
          bar = new cliProgress.SingleBar({ format: `  ${shown.label} [{bar}] {value}/{total} ${shown.unit}`, hideCursor: true }, cliProgress.Presets.shades_classic);
          bar.start(Math.ceil(total / scale), 0);
        } else {
          console.log(`  ${shown.label}…`);
        }
      }
      bar?.update(Math.floor(done / scale));
    },
    info(message) {
      stopBar();
      console.error(message);
    },
    stop: stopBar,
  };
}
