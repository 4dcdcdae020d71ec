/** Every ds-migrate transform in one jscodeshift module, applied in one parse per file. */
import { TRANSFORM_IDS } from '../src/findings/transforms.js';
import { jscodeshiftTransform } from './jscodeshift-adapter.js';

export default jscodeshiftTransform(...TRANSFORM_IDS);
