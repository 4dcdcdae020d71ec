/**
 * The RuleTester every rule test uses: @typescript-eslint/rule-tester on vitest, with the TypeScript
 * parser and no type information (the default detection). JavaScript cases set `filename: 'file.js'`
 * (the same parser, as `ds-migrate lint` uses it; test/rules/espree.test.ts covers ESLint's default parser).
 */
import { RuleTester, type InvalidTestCase, type TestCaseError, type ValidTestCase } from '@typescript-eslint/rule-tester';
import type { MessageIds } from '../../rules/finding-report.js';
import type { DeepSeekRule } from '../../rules/rules.js';
import { afterAll, describe, it } from 'vitest';

RuleTester.afterAll = afterAll;
RuleTester.describe = describe;
RuleTester.it = it;
RuleTester.itOnly = it.only;

export const ruleTester = new RuleTester();

/**
 * Every finding uses one messageId whose text is the finding's own message, so tests assert the full
 * message (a string, or a RegExp where the wording comes from compat data). RuleTester checks `message`
 * at runtime; its types only know `messageId`, hence this wrapper.
 */
export type ExpectedError = Omit<TestCaseError<MessageIds>, 'messageId'> & ({ readonly messageId: MessageIds } | { readonly message: string | RegExp });

export interface RuleTests {
  readonly valid: readonly (ValidTestCase<[]> | string)[];
  readonly invalid: readonly (Omit<InvalidTestCase<MessageIds, []>, 'errors'> & { readonly errors: readonly ExpectedError[] })[];
}

export function runRuleTests(name: string, rule: DeepSeekRule, tests: RuleTests): void {
  ruleTester.run(name, rule, tests as unknown as Parameters<typeof ruleTester.run<MessageIds, []>>[2]);
}

/** Makes `client` a DeepSeek client (ESM), to keep cases short. */
export const DEEPSEEK = "import OpenAI from 'openai';\nconst client = new OpenAI({ baseURL: 'https://api.deepseek.com', apiKey: process.env.DEEPSEEK_API_KEY });\n";

/** The same in CommonJS, for `.js` / `.cjs` cases. */
export const DEEPSEEK_CJS = "const OpenAI = require('openai');\nconst client = new OpenAI({ baseURL: 'https://api.deepseek.com', apiKey: process.env.DEEPSEEK_API_KEY });\n";

/** Makes `client` an OpenAI client: the code the migration starts from, judged against DeepSeek too. */
export const OPENAI = "import OpenAI from 'openai';\nconst client = new OpenAI();\n";
