import { describe, expect, it } from 'vitest';
import {
  COMPAT,
  chatParam,
  contentPart,
  contentPartAllowed,
  endpoint,
  errorFor,
  estimateCostUSD,
  extensionParam,
  findErrorMessage,
  findModel,
  isPeak,
  isServedModel,
  mapModel,
  mapReasoningEffort,
  matchesPattern,
  paramVerdict,
  priceFor,
  roleEntry,
  type CompatData,
} from '../../src/compat/index.js';

describe('findModel / isServedModel', () => {
  it('finds ids case-sensitively', () => {
    expect(findModel('deepseek-flash')?.status).toBe('current');
    expect(findModel('DeepSeek-Flash')).toBeUndefined();
  });

  it('serves current models and legacy aliases, not retired or invented ids', () => {
    expect(isServedModel('deepseek-v4-pro')).toBe(true);
    expect(isServedModel('deepseek-v4-flash-vision-exp')).toBe(true);
    expect(isServedModel('deepseek-chat')).toBe(false);
    expect(isServedModel('deepseek-v3')).toBe(false);
    expect(isServedModel('gpt-4o')).toBe(false);
  });
});

describe('mapModel', () => {
  const cases: [string, string, string][] = [
    ['gpt-4o', 'deepseek-flash', 'non-thinking'],
    ['gpt-4o-2024-08-06', 'deepseek-flash', 'non-thinking'],
    ['gpt-4o-mini', 'deepseek-flash', 'non-thinking'],
    ['gpt-4.1-nano', 'deepseek-flash', 'non-thinking'],
    ['gpt-4-turbo', 'deepseek-flash', 'non-thinking'],
    ['gpt-3.5-turbo-0125', 'deepseek-flash', 'non-thinking'],
    ['chatgpt-4o-latest', 'deepseek-flash', 'non-thinking'],
    ['gpt-4.5-preview', 'deepseek-flash', 'non-thinking'],
    ['text-davinci-003', 'deepseek-flash', 'non-thinking'],
    ['o1', 'deepseek-v4-pro', 'thinking'],
    ['o1-mini', 'deepseek-flash', 'thinking'],
    ['o3', 'deepseek-v4-pro', 'thinking'],
    ['o3-pro', 'deepseek-v4-pro', 'thinking'],
    ['o3-mini-2025-01-31', 'deepseek-flash', 'thinking'],
    ['o4-mini', 'deepseek-flash', 'thinking'],
    ['gpt-5', 'deepseek-v4-pro', 'thinking'],
    ['gpt-5-2025-08-07', 'deepseek-v4-pro', 'thinking'],
    ['gpt-5.1', 'deepseek-v4-pro', 'thinking'],
    ['gpt-5-mini', 'deepseek-flash', 'thinking'],
    ['gpt-5-nano', 'deepseek-flash', 'thinking'],
    ['gpt-5.4-mini-2026-03-17', 'deepseek-flash', 'thinking'],
    ['gpt-5-chat-latest', 'deepseek-flash', 'non-thinking'],
    ['deepseek-chat', 'deepseek-flash', 'non-thinking'],
    ['deepseek-reasoner', 'deepseek-flash', 'thinking'],
    ['deepseek-v3', 'deepseek-flash', 'non-thinking'],
    ['deepseek-v3-0324', 'deepseek-flash', 'non-thinking'],
    ['deepseek-r1', 'deepseek-flash', 'thinking'],
    ['deepseek-coder', 'deepseek-flash', 'non-thinking'],
    ['deepseek-v4-flash', 'deepseek-flash', 'thinking'],
    ['deepseek-v4-flash-vision-exp', 'deepseek-flash', 'thinking'],
  ];
  it.each(cases)('%s → %s (%s)', (id, model, thinking) => {
    expect(mapModel(id)).toMatchObject({ model, thinking });
  });

  it('picks the specific rule before the general one', () => {
    expect(mapModel('gpt-4o-mini')?.rule).toBe('gpt-4o-mini*');
    expect(mapModel('gpt-4o-2024-08-06')?.rule).toBe('gpt-4o*');
    expect(mapModel('o3-mini')?.rule).toBe('o3-mini*');
    expect(mapModel('gpt-5-mini')?.rule).toBe('gpt-5*-mini*');
  });

  it('takes retired and never-existed DeepSeek ids from the models data', () => {
    expect(mapModel('deepseek-chat')?.rule).toBe('model:deepseek-chat');
    expect(mapModel('deepseek-v3')?.rule).toBe('model:deepseek-v3');
  });

  it('leaves current DeepSeek ids alone', () => {
    expect(mapModel('deepseek-flash')).toBeUndefined();
    expect(mapModel('deepseek-v4-pro')).toBeUndefined();
  });

  it('never maps embedding, image, audio or moderation models, nor unknown names', () => {
    for (const id of ['text-embedding-3-small', 'dall-e-3', 'whisper-1', 'tts-1', 'omni-moderation-latest', 'llama-3-70b']) {
      expect(mapModel(id), id).toBeUndefined();
    }
  });

  it('lets overrides win: exact keys, then the most specific pattern', () => {
    expect(mapModel('gpt-4o', { 'gpt-4o': { model: 'deepseek-v4-pro', thinking: 'thinking' } })).toEqual({
      model: 'deepseek-v4-pro',
      thinking: 'thinking',
      reason: 'project override',
      rule: 'override:gpt-4o',
    });
    const overrides = { 'gpt-*': 'deepseek-v4-pro', 'gpt-4o*': 'deepseek-flash', 'gpt-4o-mini': 'deepseek-v4-pro' };
    expect(mapModel('gpt-4o-2024-05-13', overrides)?.rule).toBe('override:gpt-4o*');
    expect(mapModel('gpt-4o-mini', overrides)?.rule).toBe('override:gpt-4o-mini');
    expect(mapModel('gpt-4.1', overrides)?.rule).toBe('override:gpt-*');
    // Overrides reach ids the rules leave alone, too.
    expect(mapModel('deepseek-flash', { 'deepseek-flash': 'deepseek-v4-pro' })?.model).toBe('deepseek-v4-pro');
  });

  it('keeps the rule-based thinking mode for a plain-string override', () => {
    expect(mapModel('gpt-4o', { 'gpt-4o': 'deepseek-v4-pro' })).toMatchObject({
      model: 'deepseek-v4-pro',
      thinking: 'non-thinking',
    });
    // No rule for the id: the target's default mode.
    expect(mapModel('my-model', { 'my-model': 'deepseek-flash' })?.thinking).toBe('thinking');
  });

  it('reads the data it is given', () => {
    const data: CompatData = { ...COMPAT, modelMap: [{ from: 'gpt-4o*', to: 'deepseek-v4-pro', thinking: 'thinking', reason: 'test' }] };
    expect(mapModel('gpt-4o', undefined, data)?.model).toBe('deepseek-v4-pro');
    expect(mapModel('gpt-4o')?.model).toBe('deepseek-flash');
  });
});

describe('matchesPattern', () => {
  it('matches exact ids and * wildcards only', () => {
    expect(matchesPattern('gpt-4o', 'gpt-4o')).toBe(true);
    expect(matchesPattern('gpt-4o-mini', 'gpt-4o')).toBe(false);
    expect(matchesPattern('gpt-4o-mini', 'gpt-4o*')).toBe(true);
    expect(matchesPattern('gpt-4xo', 'gpt-4.o*')).toBe(false);
    expect(matchesPattern('gpt-5.4-mini', 'gpt-5*-mini*')).toBe(true);
  });
});

describe('paramVerdict', () => {
  it('renames max_completion_tokens to max_tokens (ignored in both modes)', () => {
    for (const mode of ['thinking', 'non-thinking'] as const) {
      const v = paramVerdict('max_completion_tokens', 1024, mode);
      expect(v?.status).toBe('ignored');
      expect(v?.fix).toEqual({ kind: 'rename', to: 'max_tokens' });
    }
  });

  it("rejects tool_choice 'required' in thinking mode only", () => {
    const thinking = paramVerdict('tool_choice', 'required', 'thinking');
    expect(thinking?.status).toBe('rejected');
    expect(thinking?.error).toBe('Thinking mode does not support this tool_choice');
    expect(thinking?.label).toBe("'required'");
    expect(thinking?.fix.kind).toBe('manual');
    const nonThinking = paramVerdict('tool_choice', 'required', 'non-thinking');
    expect(nonThinking?.status).toBe('supported');
    expect(nonThinking?.fix).toEqual({ kind: 'none' });
    expect(nonThinking?.error).toBeUndefined();
  });

  it('rejects a named tool_choice in thinking mode; auto and none are unknown there', () => {
    const named = { type: 'function', function: { name: 'lookup' } };
    expect(paramVerdict('tool_choice', named, 'thinking')?.status).toBe('rejected');
    expect(paramVerdict('tool_choice', named, 'non-thinking')?.status).toBe('supported');
    expect(paramVerdict('tool_choice', 'auto', 'thinking')?.status).toBe('unknown');
    expect(paramVerdict('tool_choice', 'none', 'thinking')?.status).toBe('unknown');
    expect(paramVerdict('tool_choice', { type: 'allowed_tools', allowed_tools: {} }, 'non-thinking')?.label).toBe(
      'allowed_tools',
    );
  });

  it('rejects response_format json_schema and supports json_object', () => {
    const schema = { type: 'json_schema', json_schema: { name: 'x', schema: {} } };
    for (const mode of ['thinking', 'non-thinking'] as const) {
      const v = paramVerdict('response_format', schema, mode);
      expect(v?.status).toBe('rejected');
      expect(v?.error).toBe('This response_format type is unavailable now');
      expect(v?.fix.kind).toBe('manual');
      expect(paramVerdict('response_format', { type: 'json_object' }, mode)?.status).toBe('supported');
    }
  });

  it('ignores temperature in thinking mode only, and says to remove it there', () => {
    expect(paramVerdict('temperature', 0.2, 'thinking')).toMatchObject({ status: 'ignored', fix: { kind: 'remove' } });
    expect(paramVerdict('temperature', 0.2, 'non-thinking')).toMatchObject({ status: 'supported', fix: { kind: 'none' } });
  });

  it('ignores presence_penalty in both modes', () => {
    expect(paramVerdict('presence_penalty', 0.5, 'thinking')?.status).toBe('ignored');
    expect(paramVerdict('presence_penalty', 0.5, 'non-thinking')?.status).toBe('ignored');
  });

  it('falls back to the param-level status when the value is unknown', () => {
    const v = paramVerdict('response_format', undefined, 'thinking');
    expect(v?.status).toBe('supported');
    expect(v?.rule).toBeUndefined();
    expect(v?.label).toBe('response_format');
    const tc = paramVerdict('tool_choice', undefined, 'thinking');
    expect(tc?.status).toBe('rejected');
    expect(tc?.rule).toBeUndefined();
    // A known value that no rule matches also takes the param-level facts.
    expect(paramVerdict('n', 0, 'thinking')?.rule).toBeUndefined();
  });

  it('flags n > 1 as unknown and n = 1 as fine', () => {
    expect(paramVerdict('n', 3, 'non-thinking')).toMatchObject({ status: 'unknown', label: 'n > 1' });
    expect(paramVerdict('n', 1, 'non-thinking')).toMatchObject({ status: 'supported', fix: { kind: 'none' } });
  });

  it('supports reasoning_effort in thinking mode only', () => {
    expect(paramVerdict('reasoning_effort', 'high', 'thinking')?.status).toBe('supported');
    expect(paramVerdict('reasoning_effort', 'high', 'non-thinking')).toMatchObject({
      status: 'unknown',
      fix: { kind: 'remove' },
    });
    expect(paramVerdict('reasoning_effort', 'none', 'thinking')?.status).toBe('unknown');
  });

  it('replaces legacy functions with the function-calling transform', () => {
    expect(paramVerdict('functions', undefined, 'non-thinking')?.fix).toMatchObject({
      kind: 'replace',
      transform: 'legacy-function-calling',
    });
  });

  it('is undefined for names it does not know; extensions have their own lookup', () => {
    expect(paramVerdict('thinking', { type: 'disabled' }, 'thinking')).toBeUndefined();
    expect(chatParam('not_a_param')).toBeUndefined();
    expect(extensionParam('thinking')?.in).toBe('body');
    expect(extensionParam('prefix')).toMatchObject({ in: 'assistant-message', beta: true });
  });
});

describe('roles and content parts', () => {
  it('renames developer to system, with the exact error', () => {
    const dev = roleEntry('developer');
    expect(dev?.status).toBe('rejected');
    expect(dev?.fix).toEqual({ kind: 'rename', to: 'system' });
    expect(dev?.error).toBe(
      'Failed to deserialize the JSON body into the target type: messages[0].role: unknown variant `developer`, expected one of `system`, `user`, `assistant`, `tool`',
    );
    expect(roleEntry('function')?.status).toBe('unknown');
    expect(roleEntry('tool')?.status).toBe('supported');
  });

  it('allows images on deepseek-flash in user messages only', () => {
    expect(contentPartAllowed('image_url', 'user', 'deepseek-flash')).toBe(true);
    expect(contentPartAllowed('image_url', 'user', 'deepseek-v4-flash-vision-exp')).toBe(true);
    expect(contentPartAllowed('image_url', 'user', 'deepseek-v4-pro')).toBe(false);
    expect(contentPartAllowed('image_url', 'system', 'deepseek-flash')).toBe(false);
  });

  it('allows text parts in user content for every served model, not in other roles', () => {
    expect(contentPartAllowed('text', 'user', 'deepseek-v4-pro')).toBe(true);
    expect(contentPartAllowed('text', 'user', 'deepseek-v4-flash')).toBe(true);
    expect(contentPartAllowed('text', 'user', 'deepseek-chat')).toBe(false);
    expect(contentPartAllowed('text', 'assistant', 'deepseek-flash')).toBe(false);
  });

  it('never allows audio input or unknown part types', () => {
    expect(contentPart('input_audio')?.status).toBe('rejected');
    expect(contentPartAllowed('input_audio', 'user', 'deepseek-flash')).toBe(false);
    expect(contentPartAllowed('video_url', 'user', 'deepseek-flash')).toBe(false);
  });
});

describe('endpoint', () => {
  it('takes the longest listed prefix', () => {
    expect(endpoint('chat.completions.create')?.path).toBe('chat.completions');
    expect(endpoint('chat.completions.messages.list')?.status).toBe('not-served');
    expect(endpoint('beta.threads.runs.steps.list')?.path).toBe('beta.threads.runs');
    expect(endpoint('admin.organization.projects.apiKeys')?.path).toBe('admin.organization');
    expect(endpoint('nothing.here')).toBeUndefined();
  });

  it('keeps beta.chat.completions (openai < 5) as its own served-through-chat entry', () => {
    const old = endpoint('beta.chat.completions.parse');
    expect(old?.path).toBe('beta.chat.completions');
    expect(old?.status).toBe('partial');
    expect(old?.sdkRemovedIn).toBe('5.0.0');
    expect(endpoint('beta.assistants.create')?.status).toBe('not-served');
  });

  it('describes the partial endpoints', () => {
    const responses = endpoint('responses.create');
    expect(responses?.status).toBe('partial');
    expect(responses?.methods).toContain('create');
    expect(responses?.methods).not.toContain('retrieve');
    expect(responses?.ignoredParams).toEqual(
      expect.arrayContaining(['previous_response_id', 'conversation', 'store', 'background', 'context_management']),
    );
    expect(endpoint('completions.create')).toMatchObject({ status: 'partial', beta: true });
    expect(endpoint('files.create')?.status).toBe('partial');
    expect(endpoint('models.list')).toMatchObject({ status: 'served', unknownMethods: ['retrieve'] });
    expect(endpoint('embeddings.create')?.status).toBe('not-served');
  });
});

describe('mapReasoningEffort', () => {
  it("follows DeepSeek's own table", () => {
    const table = { minimal: 'low', low: 'low', medium: 'high', high: 'high', xhigh: 'high', max: 'max', ultra: 'max' };
    for (const [from, to] of Object.entries(table)) expect(mapReasoningEffort(from), from).toBe(to);
    expect(mapReasoningEffort('none')).toBeUndefined();
    expect(mapReasoningEffort('toString')).toBeUndefined();
  });
});

describe('pricing', () => {
  const tuesdayPeak = new Date('2026-11-24T02:30:00Z'); // Tuesday 10:30 Beijing
  const tuesdayGap = new Date('2026-11-24T05:00:00Z'); // Tuesday 13:00 Beijing: lunch gap
  const tuesdayEvening = new Date('2026-11-24T10:00:00Z'); // 18:00 Beijing: the window has ended
  const saturday = new Date('2026-11-28T02:30:00Z');
  const beforePeakBilling = new Date('2026-08-14T02:00:00Z'); // a Friday, before 2026-08-16 16:00 UTC

  it('knows the peak windows', () => {
    expect(isPeak(tuesdayPeak)).toBe(true);
    expect(isPeak(new Date('2026-11-24T09:59:59Z'))).toBe(true);
    expect(isPeak(tuesdayGap)).toBe(false);
    expect(isPeak(tuesdayEvening)).toBe(false);
    expect(isPeak(saturday)).toBe(false);
    expect(isPeak(beforePeakBilling)).toBe(false);
  });

  it('prices legacy aliases as deepseek-flash and retired ids not at all', () => {
    expect(priceFor('deepseek-v4-flash')?.model).toBe('deepseek-flash');
    expect(priceFor('deepseek-v4-pro')?.model).toBe('deepseek-v4-pro');
    expect(priceFor('deepseek-chat')).toBeUndefined();
  });

  it('estimates cost in and out of peak hours', () => {
    const usage = { promptCacheHitTokens: 1_000_000, promptCacheMissTokens: 2_000_000, completionTokens: 500_000 };
    // flash peak: 1M × 0.006 + 2M × 0.30 + 0.5M × 1.20 = 0.006 + 0.6 + 0.6
    expect(estimateCostUSD({ model: 'deepseek-flash', ...usage, at: tuesdayPeak })).toBeCloseTo(1.206, 10);
    // flash off-peak: 0.003 + 0.3 + 0.3
    expect(estimateCostUSD({ model: 'deepseek-flash', ...usage, at: saturday })).toBeCloseTo(0.603, 10);
    // v4-pro peak: 100k hit × 0.044 + 20k miss × 1.32 + 3k out × 3.96, per million
    expect(
      estimateCostUSD({
        model: 'deepseek-v4-pro',
        promptCacheHitTokens: 100_000,
        promptCacheMissTokens: 20_000,
        completionTokens: 3_000,
        at: tuesdayPeak,
      }),
    ).toBeCloseTo(0.0044 + 0.0264 + 0.01188, 10);
    expect(estimateCostUSD({ model: 'deepseek-chat', ...usage, at: saturday })).toBeUndefined();
  });
});

describe('errors', () => {
  it('finds error codes with retryability', () => {
    expect(errorFor(429)?.retryable).toBe(true);
    expect(errorFor(402)?.name).toBe('Insufficient Balance');
    expect(errorFor(401)?.retryable).toBe(false);
    expect(errorFor(418)).toBeUndefined();
  });

  it('recognises known messages exactly and by pattern', () => {
    expect(findErrorMessage('Model Not Exist')?.status).toBe(400);
    const variant =
      'Missing `reasoning_content` field in the assistant message at message index 7. For more information, please refer to https://api-docs.deepseek.com/guides/thinking_mode#tool-calls';
    expect(findErrorMessage(variant)?.historical).toBe(true);
    expect(findErrorMessage('Invalid max_tokens value, the valid range of max_tokens is [1, 65536]')).toBeDefined();
    expect(findErrorMessage('something else entirely')).toBeUndefined();
  });
});
