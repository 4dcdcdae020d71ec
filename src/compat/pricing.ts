/**
 * DeepSeek prices, USD per one million tokens (reference §9, the newest snapshot: after 2026-10-17).
 * Legacy aliases are billed at the Flash price (reference §2.2).
 */
import type { PricingInfo } from './types.js';

export const PRICING: PricingInfo = {
  currency: 'USD',
  models: [
    // reference §9: flash off-peak / peak.
    {
      model: 'deepseek-flash',
      offPeak: { inputCacheHit: 0.003, inputCacheMiss: 0.15, output: 0.6 },
      peak: { inputCacheHit: 0.006, inputCacheMiss: 0.3, output: 1.2 },
      source: { ref: 'reference §9 pricing', confidence: 'documented' },
    },
    // reference §9: v4-pro off-peak / peak.
    {
      model: 'deepseek-v4-pro',
      offPeak: { inputCacheHit: 0.022, inputCacheMiss: 0.66, output: 1.98 },
      peak: { inputCacheHit: 0.044, inputCacheMiss: 1.32, output: 3.96 },
      source: { ref: 'reference §9 pricing', confidence: 'documented' },
    },
  ],
  // reference §9: Mon–Fri 09:00–12:00 and 14:00–18:00 Beijing time (UTC+8, no DST) = 01–04 and 06–10 UTC.
  peakHoursUtc: [
    [1, 4],
    [6, 10],
  ],
  // reference §9: peak/off-peak billing started 2026-08-16 16:00 UTC.
  peakSince: '2026-08-16T16:00:00Z',
  note:
    'Peak hours are Monday to Friday, 01:00–04:00 and 06:00–10:00 UTC (09–12 and 14–18 Beijing time), except Chinese public holidays, which are off-peak (not modelled here). Every other hour is off-peak at half the peak price. Estimates use today\'s prices for any date.',
  source: { ref: 'reference §9 pricing', confidence: 'documented' },
};
