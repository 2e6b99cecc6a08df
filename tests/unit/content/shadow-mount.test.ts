// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { createScope } from '../../../lib/content/scope';
import { mountShadow } from '../../../lib/content/shadow-mount';

describe('mountShadow', () => {
  it('puts an open shadow root with its style where asked, and takes it out on stop', () => {
    const scope = createScope();
    const { host, root } = mountShadow(scope, document, {
      name: 'badge',
      style: ':host { all: initial; }',
      html: '<p data-testid="badge">x</p>',
      place: (el) => document.body.append(el),
    });
    expect(host.tagName).toBe('PC-AUTHENTICATOR-BADGE');
    expect(host.parentElement).toBe(document.body);
    expect(host.shadowRoot).toBe(root);
    expect(root.querySelector('style')?.textContent).toBe(':host { all: initial; }');
    expect(root.querySelector('[data-testid="badge"]')?.textContent).toBe('x');
    scope.stop();
    expect(document.querySelector('pc-authenticator-badge')).toBeNull();
  });

  it('can be removed before the scope stops', () => {
    const scope = createScope();
    const mount = mountShadow(scope, document, {
      name: 'enroll',
      style: '',
      place: (el) => document.body.append(el),
    });
    mount.remove();
    expect(document.body.children).toHaveLength(0);
    scope.stop();
  });
});
