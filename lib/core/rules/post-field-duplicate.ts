import type { StageRule } from './rule';

export const postFieldDuplicate: StageRule = {
  slug: 'post-field-duplicate',
  severity: 'error',
  raisedBy: 'decoder',
  title: 'HTTP-POST form carries the SAML message twice or under a look-alike name',
  why: 'The form posts SAMLResponse (or SAMLRequest) more than once with different values, or under a name some receivers read as that field: PHP drops leading spaces, stops at a NUL byte and reads `name[]` as the same field, ASP.NET matches form names without case, and parsers that split fields on \';\' too (Python\'s parse_qsl before the CVE-2021-23336 fix, Django before 3.1.7) read `utm=1;SAMLResponse=...` as a second SAMLResponse. A receiver that reads the last copy, or the look-alike, can act on a message other than the one another reader (or SAML Lens) judged: a genuine signed message beside a forged one. SAML Lens judges every copy.',
  fix: {
    general:
      'A sender following the binding posts one field named exactly SAMLResponse (or SAMLRequest). Treat a form with several, or with a look-alike name, as a forgery attempt unless the IdP\'s own page is known to build it; make sure the SP refuses it.',
  },
  spec: 'saml-bindings §3.5.4 (one SAMLRequest or SAMLResponse form control); PHP php_register_variable_ex (main/php_variables.c)',
};
