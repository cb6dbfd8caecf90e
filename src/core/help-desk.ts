import {
  abstainText,
  answerText,
  citationsFor,
  clarifyText,
  EMPTY_QUESTION_TEXT,
  tooLongText,
  topicOf,
  unknownTopicText,
} from './compose.js';
import { entryById, type FaqEntry, type KnowledgeBase } from './knowledge.js';
import { MAX_QUESTION_CHARS } from './limits.js';
import { Matcher, type MatchResult } from './match/matcher.js';
import type { Reply, Request } from './types.js';

/** The single entry every adapter uses: a request in, the reply to show out. */
export class HelpDesk {
  readonly matcher: Matcher;

  constructor(readonly kb: KnowledgeBase) {
    this.matcher = new Matcher(kb);
  }

  async handle(request: Request): Promise<Reply> {
    const body = request.body;
    if (body.kind === 'faq') return this.faq(body.topic);
    return this.question(body.text);
  }

  private question(text: string): Reply {
    if (text.length > MAX_QUESTION_CHARS) return refusal(tooLongText(text.length, MAX_QUESTION_CHARS));
    const analysis = this.matcher.analyzer.analyse(text);
    if (analysis.terms.length === 0 && analysis.tokens.length === 0) return refusal(EMPTY_QUESTION_TEXT);
    const match = this.matcher.decide(analysis);
    if (match.decision === 'answer' && match.intent !== null) {
      const entry = entryById(this.kb, match.intent) as FaqEntry;
      return this.answer(entry, match);
    }
    if (match.decision === 'clarify') {
      const choices = match.choices.map((intent) => topicOf(this.kb, intent));
      return {
        ...base(match),
        text: clarifyText(choices),
        outcome: 'clarify',
        choices,
      };
    }
    const onTopic =
      match.features !== null && match.features.overOutOfScope > 0 && match.features.known >= 0.5;
    return {
      ...base(match),
      text: abstainText(onTopic),
      outcome: 'abstained',
      escalate: onTopic,
      feedback: onTopic,
    };
  }

  private faq(topic: string): Reply {
    const wanted = topic.trim().toLowerCase();
    const entry =
      entryById(this.kb, wanted) ??
      this.kb.entries.find((candidate) => candidate.title.toLowerCase() === wanted);
    if (entry === undefined) return refusal(unknownTopicText(topic.trim()));
    const match: MatchResult = {
      decision: 'answer',
      intent: entry.id,
      confidence: 1,
      cases: entry.parts.map((part) => part.caseId),
      signalled: [],
      choices: [],
      best: entry.id,
      features: null,
    };
    return this.answer(entry, match);
  }

  private answer(entry: FaqEntry, match: MatchResult): Reply {
    const citations = citationsFor(this.kb, entry, match.cases);
    return {
      ...base(match),
      text: answerText(entry, match.signalled, citations),
      outcome: 'answered',
      intent: entry.id,
      cases: match.cases,
      citations,
      followups: entry.followups.map((intent) => topicOf(this.kb, intent)),
      feedback: true,
    };
  }
}

const NOTHING: Reply = {
  text: '',
  visibility: 'public',
  outcome: 'abstained',
  intent: null,
  confidence: 0,
  cases: [],
  citations: [],
  choices: [],
  followups: [],
  escalate: false,
  feedback: false,
};

function base(match: MatchResult): Reply {
  return { ...NOTHING, confidence: match.confidence };
}

function refusal(text: string): Reply {
  return { ...NOTHING, text, outcome: 'refused' };
}
