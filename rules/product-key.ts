// product-key: "Entering an invalid product key in the answer file will cause Windows Setup to fail" (shell-setup-productkey).
import { defineRule } from '../src/engine/rule.js';
import { PRODUCT_KEY_SETTINGS, SETUP_CONTAINER, productKeyVerdict } from './_helpers/product-keys.js';

export default defineRule({
  meta: {
    id: 'product-key',
    summary: 'Product keys are five hyphen-separated groups of five characters from the product key alphabet',
    category: 'correctness',
    severity: 'error',
    settings: [...PRODUCT_KEY_SETTINGS, SETUP_CONTAINER],
    messages: {
      invalid: (d: { name: string; what: string }) => `the product key in <${d.name}> ${d.what}`,
      notInKey: () =>
        `the product key is written straight into <ProductKey>, which Microsoft-Windows-Setup reads as a container; put it in a <Key> child (Setup stops with "cannot read the <ProductKey> setting")`,
    },
  },
  create(ctx) {
    return {
      onValue(v) {
        const verdict = productKeyVerdict(v);
        if (verdict?.kind === 'notInKey') ctx.report('notInKey', v.range, undefined);
        else if (verdict?.kind === 'invalid') ctx.report('invalid', v.range, { name: v.element.qname, what: verdict.what });
      },
    };
  },
});
