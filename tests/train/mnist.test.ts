// The real digits, through the build's encoder and the app's decoder, trained as the app trains them.
import { describe, expect, it } from 'vitest';
import { digitsData, startRun, trainUpdates, updatesPerEpoch, type TrainConfig } from '../../src/core/index.ts';
import { decodeDigits, digitsByteLength } from '../../src/core/train/digitsFormat.ts';
import { mnistAssetBytes } from '../../build/mnist.ts';

// 3.9 s measured on this shared 2-core machine at load average 3.4 (reading 21 MB of JSON, 750 updates, 4
// evaluations; test accuracy 0.889 at epoch 3): the timeout is 15 times that, so load never makes it fail.
const TIMEOUT = 60_000;

describe('MNIST from the mnist package', () => {
  it(
    'decodes to 10,000 digits in class blocks, and a dense layer trained 3 epochs reaches 85% on the held-out 20%',
    () => {
      const bytes = mnistAssetBytes(process.cwd());
      const { pixels, labels } = decodeDigits(bytes.slice().buffer);
      expect(labels.length).toBe(10_000);
      expect(bytes.length).toBe(digitsByteLength(10_000));
      for (let k = 1; k < labels.length; k++) expect(labels[k] >= labels[k - 1]).toBe(true);
      expect(new Set(labels).size).toBe(10);
      const data = digitsData(pixels, labels, 1);
      expect([data.train.length, data.test.length]).toEqual([8000, 2000]);
      const config: TrainConfig = { convention: 'row', activation: 'identity', lr: 0.1, batch: 32, epochs: 3, seed: 1 };
      const run = trainUpdates(startRun(data, config), data, config, updatesPerEpoch(data, config) * config.epochs);
      const last = run.epochs[run.epochs.length - 1];
      expect(last.epoch).toBe(3);
      expect(last.testAccuracy).toBeGreaterThanOrEqual(0.85);
      expect(last.testLoss).toBeLessThan(run.epochs[0].testLoss as number);
    },
    TIMEOUT,
  );
});
