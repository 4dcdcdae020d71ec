import { it } from 'vitest';
import path from 'node:path';
import { loadProject } from '../../src/project/load-project.js';
import { callTarget } from '../../src/findings/target.js';
import { endpointSupport } from '../../src/findings/endpoint-findings.js';
import { partialValueOf } from '../../src/findings/static-value.js';
it('scratch', () => {
  for (const p of ['openai-features', 'service-aliases', 'azure-enterprise', 'multi-provider', 'legacy-deepseek', 'commonjs-bot', 'nextjs-shared-client']) {
    const root = path.resolve('fixtures/projects', p);
    const loaded = loadProject([root]);
    for (const call of loaded.project.calls) {
      const pos = loaded.analysed.get(call.file)!.source.lines.position(call.span.start);
      const t = callTarget(call.resolvedArgs, {});
      console.log(p, path.relative(root, call.file) + ':' + pos.line, call.endpoint + '.' + call.method, call.client?.provider, t.model, t.mode, endpointSupport(call).support, JSON.stringify(partialValueOf(call.resolvedArgs))?.slice(0, 200));
    }
  }
});
