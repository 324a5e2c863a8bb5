/**
 * The editorial charter checker: what in a message breaks the workspace's charter, where exactly (UTF-16 offsets),
 * and the one-click fix where there is one. Pure and small: the browser runs it on every keystroke, the server when
 * a message is submitted. The charter is compiled once per charter object (held weakly), so a check costs a few
 * scans of the message.
 *
 * Severities: blocking is kept for what must not go out (a forbidden term whose action is block, a banned hashtag,
 * a text the network would refuse as too long); warning for what a reader would notice but may be deliberate
 * (voice, register, a misspelt name, a missing signature or campaign hashtag, a legal-review term, another language,
 * the brand's own network limits); suggestion for polish (typography, emoji, exclamation marks, a key hashtag).
 * Preferred terms carry the severity the charter gives them.
 */
import type { Charter } from './charter.js';
import type { CheckInput, CheckResult, Finding } from './findings.js';
import { RULES } from './findings.js';
import { checkEmoji } from './check/emoji.js';
import { finding, type CheckContext } from './check/finding.js';
import { checkHashtags, compileHashtags, type CompiledHashtags } from './check/hashtags.js';
import { detectLanguage } from './check/language.js';
import { checkNames, compileNames, findNames, type CompiledNames } from './check/names.js';
import { checkNetwork } from './check/network.js';
import { checkContractions, checkExclamations } from './check/register.js';
import { checkSignature, signaturePattern } from './check/signature.js';
import { readMessage } from './check/text.js';
import { checkTypography } from './check/typography.js';
import { checkVocabulary, compileVocabulary, type CompiledVocabulary } from './check/vocabulary.js';
import { checkVoice } from './check/voice.js';

interface CompiledCharter {
  vocabulary: CompiledVocabulary;
  names: CompiledNames;
  hashtags: CompiledHashtags;
  signature: RegExp | null;
}

const compiledCharters = new WeakMap<Charter, CompiledCharter>();

function compile(charter: Charter): CompiledCharter {
  let compiled = compiledCharters.get(charter);
  if (!compiled) {
    compiled = {
      vocabulary: compileVocabulary(charter),
      names: compileNames(charter),
      hashtags: compileHashtags(charter),
      signature: charter.signature.text ? signaturePattern(charter.signature.text) : null,
    };
    compiledCharters.set(charter, compiled);
  }
  return compiled;
}

const RULE_ORDER = new Map<string, number>(RULES.map((r, i) => [r, i]));

function checkLanguage(ctx: CheckContext): Finding[] {
  const { language, charter } = ctx;
  if (!language || charter.languages.includes(language)) return [];
  return [finding({
    rule: 'language.not_allowed', severity: 'warning', start: 0, end: 0,
    params: { language, allowed: charter.languages.join(',') },
  })];
}

export function checkMessage(charter: Charter, input: CheckInput): CheckResult {
  const compiled = compile(charter);
  const message = readMessage(input.text);
  const detected = input.language ?? detectLanguage(message);
  // A message too short to tell ("Venez !") is read in the brand's only language, for the rules that depend on it.
  const language = detected ?? (charter.languages.length === 1 ? charter.languages[0] : null);
  const network = (input.network ? charter.networks[input.network] : undefined) ?? charter.networks.default ?? null;
  const names = findNames(compiled.names, message);
  const brandNames = names.map((m) => ({ start: m.start, end: m.end }));
  const ctx = <C>(c: C): CheckContext<C> => ({ charter, compiled: c, input, message, language, network, brandNames });
  const findings: Finding[] = [
    ...checkLanguage(ctx(null)),
    ...checkVoice(ctx(null)),
    ...checkContractions(ctx(null)),
    ...checkExclamations(ctx(null)),
    ...checkVocabulary(ctx(compiled.vocabulary)),
    ...checkNames(ctx(names)),
    ...checkTypography(ctx(null)),
    ...checkEmoji(ctx(null)),
    ...checkSignature(ctx(compiled.signature)),
    ...checkHashtags(ctx(compiled.hashtags)),
    ...checkNetwork(ctx(null)),
  ];
  findings.sort((a, b) => a.start - b.start || a.end - b.end || RULE_ORDER.get(a.rule)! - RULE_ORDER.get(b.rule)!);
  return {
    findings,
    blocked: findings.some((f) => f.severity === 'blocking'),
    needsLegalReview: findings.some((f) => f.needsLegalReview),
    language: detected,
  };
}
