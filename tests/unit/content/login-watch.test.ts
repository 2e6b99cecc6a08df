// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { watchLoginForm } from '../../../lib/content/login-watch';
import { createScope } from '../../../lib/content/scope';

describe('the login form’s user name, for the next page', () => {
  const scope = createScope();
  afterEach(() => {
    scope.stop();
    document.body.replaceChildren();
  });

  const submit = (html: string) => {
    document.body.innerHTML = html;
    const recorded: string[] = [];
    watchLoginForm(scope, document, (user) => recorded.push(user));
    const form = document.querySelector('form')!;
    // A submit event as the user's click on 「ログイン」 sends it (the test stops the navigation).
    form.addEventListener('submit', (e) => e.preventDefault());
    form.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
    return recorded;
  };

  it.each([
    [
      'Keycloak’s login form',
      '<form id="kc-form-login"><input id="username" value=" jiro "></form>',
      ['jiro'],
    ],
    ['an empty user name', '<form id="kc-form-login"><input id="username" value=" "></form>', []],
    ['another form', '<form id="search"><input id="username" value="jiro"></form>', []],
    [
      'Keycloak’s OTP form',
      '<form id="kc-otp-login-form"><input id="otp" value="123456"></form>',
      [],
    ],
  ])('%s', (_, html, recorded) => {
    expect(submit(html)).toEqual(recorded);
  });
});
