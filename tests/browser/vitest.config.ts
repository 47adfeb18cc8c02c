import { defineConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * One real server for the whole run (started by setup/global.ts), so the files run one at a
 * time and in the order of their names: the restart test stops and starts that shared server.
 */
class ByName extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    return [...files].sort((a, b) => a.moduleId.localeCompare(b.moduleId));
  }
}

export default defineConfig({
  test: {
    include: ['specs/**/*.test.ts'],
    globalSetup: ['./setup/global.ts'],
    fileParallelism: false,
    maxWorkers: 1,
    pool: 'forks',
    sequence: { sequencer: ByName },
    testTimeout: 90_000,
    hookTimeout: 90_000,
    teardownTimeout: 40_000,
    // A retry would hide a flaky page; a failure here is worth reading as it is.
    retry: 0,
  },
});
