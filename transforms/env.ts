/** The `env` transform as a jscodeshift module (see jscodeshift-adapter.ts). */
import { jscodeshiftTransform } from './jscodeshift-adapter.js';

export default jscodeshiftTransform('env');
