// image-selection: InstallFrom/MetaData keys Setup matches against the image's XML metadata (…-installfrom-metadata-key).
import { defineRule } from '../src/engine/rule.js';

/** microsoft-windows-setup-imageinstall-osimage-installfrom-metadata-key documents these three. */
const DOCUMENTED = ['/IMAGE/INDEX', '/IMAGE/NAME', '/IMAGE/DESCRIPTION'];

export default defineRule({
  meta: {
    id: 'image-selection',
    summary: 'InstallFrom MetaData keys are the ones the reference documents: /IMAGE/INDEX, /IMAGE/NAME or /IMAGE/DESCRIPTION',
    category: 'correctness',
    severity: 'warn',
    settings: ['Microsoft-Windows-Setup/ImageInstall/OSImage/InstallFrom/MetaData/Key', 'Microsoft-Windows-Setup/ImageInstall/DataImage/InstallFrom/MetaData/Key'],
    messages: {
      undocumentedKey: (d: { value: string; expected: string }) =>
        `metadata key ${d.value} is not one the reference documents (${d.expected}); Setup matches it against the image's XML metadata, so make sure the image has it`,
    },
  },
  create(ctx) {
    return {
      onValue(v) {
        const core = v.text.trim();
        // Empty keys are empty-value's, template tokens template-placeholder's, a documented key in other case value-case's.
        if (!core || v.element.binding.placeholder || DOCUMENTED.includes(core.toUpperCase())) return;
        ctx.report('undocumentedKey', v.range, { value: ctx.quote(core, v.range), expected: DOCUMENTED.map((k) => `"${k}"`).join(', ') });
      },
    };
  },
});
