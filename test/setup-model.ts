import { inject } from 'vitest';
import { matchingFingerprint } from '../src/core/match/fingerprint.js';
import { Matcher } from '../src/core/match/matcher.js';
import { readCachedModel } from '../src/knowledge-files/model-file.js';
import { realKnowledge } from './helpers/knowledge.js';

// Every test file starts with the matcher fitted once by global-setup.ts: restoring it here makes it
// the model every Matcher and HelpDesk of this file shares, instead of each fitting its own.
const kb = realKnowledge();
const saved = readCachedModel(inject('modelCacheDir'), matchingFingerprint(kb));
if (saved === undefined) throw new Error('global-setup.ts left no model fitted to knowledge/');
new Matcher(kb, { saved });
