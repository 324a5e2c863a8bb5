export type Sensitivity = 'low' | 'medium' | 'high';

export interface RadarSettings {
  sensitivity: Sensitivity;
  /** After an alert of a kind, none of that kind until this long has passed and the level went back near normal. */
  cooldownMinutes: number;
  /** Fewer mentions than this in the window (positive ones for a positive surge) never alert. */
  minMentions: number;
  /** Length of the evaluation window that ends at the evaluated minute; 1 to 240. */
  windowMinutes: number;
}

export const DEFAULT_RADAR_SETTINGS: RadarSettings = {
  sensitivity: 'medium',
  cooldownMinutes: 360,
  minMentions: 10,
  windowMinutes: 15,
};

export const MAX_WINDOW_MINUTES = 240;

export interface SensitivityLevel {
  /** Robust z-score (spreads above the seasonal median) at which a signal fires. */
  z: number;
  /** A volume or positive surge must also reach this multiple of the expected count: a crisis is not +15 %. */
  minRatio: number;
  /** A sentiment drop must also add this much to the negative share (0.15 = 15 points). */
  minShareRise: number;
}

/**
 * Evaluated every minute, a month holds thousands of independent windows, so a threshold must be rare by chance that
 * many times over. On the replayed month: `medium` (4.5 spreads) stays silent with room to spare (the calm maximum
 * is about 4, in the first weeks when only the daily pattern is known, and under 3.6 once weekdays are); `high`
 * (3.5) catches a smaller spike sooner and may alert by chance about once a week in those first weeks; `low` (6)
 * waits for an unmistakable change. The ratio and share floors keep large, very regular topics from alerting on
 * rises that are significant but small.
 */
export const SENSITIVITY_LEVELS: Record<Sensitivity, SensitivityLevel> = {
  high: { z: 3.5, minRatio: 1.3, minShareRise: 0.1 },
  medium: { z: 4.5, minRatio: 1.5, minShareRise: 0.15 },
  low: { z: 6, minRatio: 2, minShareRise: 0.25 },
};

/** A signal below this many spreads counts as back near normal, which re-arms its kind after an alert. */
export const NEAR_NORMAL_Z = 1.5;
