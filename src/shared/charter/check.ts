/**
 * The editorial charter checker: what in a message breaks the workspace's charter, where exactly (UTF-16 offsets),
 * and the one-click fix where there is one. Pure and small: the browser runs it on every keystroke, the server when
 * a message is submitted. The charter is compiled once per charter object (held weakly), so a check costs a scan
 * of the message.
 */
import type { Charter } from './charter.js';
import type { CheckInput, CheckResult, Finding } from './findings.js';
import { RULES } from './findings.js';
import { checkEmoji } from './check/emoji.js';
import type { CheckContext } from './check/finding.js';
import { detectLanguage } from './check/language.js';
import { checkNetwork } from './check/network.js';
import { checkContractions, checkExclamations } from './check/register.js';
import { readMessage } from './check/text.js';
import { checkVocabulary, compileVocabulary, type CompiledVocabulary } from './check/vocabulary.js';

interface CompiledCharter {
  vocabulary: CompiledVocabulary;
}

const compiledCharters = new WeakMap<Charter, CompiledCharter>();

function compile(charter: Charter): CompiledCharter {
  let compiled = compiledCharters.get(charter);
  if (!compiled) {
    compiled = { vocabulary: compileVocabulary(charter) };
    compiledCharters.set(charter, compiled);
  }
  return compiled;
}

const RULE_ORDER = new Map<string, number>(RULES.map((r, i) => [r, i]));

export function checkMessage(charter: Charter, input: CheckInput): CheckResult {
  const compiled = compile(charter);
  const message = readMessage(input.text);
  const language = input.language ?? detectLanguage(message);
  const network = (input.network ? charter.networks[input.network] : undefined) ?? charter.networks.default ?? null;
  const ctx = <C>(c: C): CheckContext<C> => ({ charter, compiled: c, input, message, language, network });
  const findings: Finding[] = [
    ...checkContractions(ctx(null)),
    ...checkExclamations(ctx(null)),
    ...checkVocabulary(ctx(compiled.vocabulary)),
    ...checkEmoji(ctx(null)),
    ...checkNetwork(ctx(null)),
  ];
  findings.sort((a, b) => a.start - b.start || a.end - b.end || RULE_ORDER.get(a.rule)! - RULE_ORDER.get(b.rule)!);
  return {
    findings,
    blocked: findings.some((f) => f.severity === 'blocking'),
    needsLegalReview: findings.some((f) => f.needsLegalReview),
    language,
  };
}
