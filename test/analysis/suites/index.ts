import type { Suite } from './cases.js';
import { COMPLAINT_EN, COMPLAINT_FR } from './complaint.js';
import { HATE_EN } from './hate-en.js';
import { HATE_FR } from './hate-fr.js';
import { INSULT_EN, INSULT_FR } from './insult.js';
import { LANGUAGE } from './language.js';
import { SENTIMENT_EN, SENTIMENT_FR } from './sentiment.js';
import { THREAT_EN, THREAT_FR } from './threat.js';
import { WARM_EN, WARM_FR } from './warm.js';

export const SUITES: Suite[] = [HATE_EN, HATE_FR, INSULT_EN, INSULT_FR, THREAT_EN, THREAT_FR, SENTIMENT_EN, SENTIMENT_FR, COMPLAINT_EN, COMPLAINT_FR, WARM_EN, WARM_FR, LANGUAGE];
export { scoreSuite, type Suite, type FunctionalCase, type KindScore } from './cases.js';
