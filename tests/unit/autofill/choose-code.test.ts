import { describe, expect, it, vi } from 'vitest';
import { chooseCode } from '../../../lib/autofill/choose-code';
import type { DeviceChoice } from '../../../lib/autofill/device-chooser';
import type { SiteCode } from '../../../lib/messaging';

const code = (ref: string, deviceName: string | null = null): SiteCode => ({
  ref,
  title: ref,
  deviceName,
  code: '123456',
  secondsLeft: 20,
});
const device = (label: string, selected = false): DeviceChoice => ({
  label,
  selected,
  select: vi.fn(),
});

describe('chooseCode', () => {
  it('has nothing for a site with no bound account', () => {
    expect(chooseCode([], [])).toEqual({ kind: 'none' });
  });

  it('takes the one bound account', () => {
    expect(chooseCode([code('a')], [])).toMatchObject({ kind: 'one', code: { ref: 'a' } });
  });

  it('asks when several accounts are bound and nothing tells them apart', () => {
    expect(chooseCode([code('a'), code('b')], [])).toMatchObject({ kind: 'several' });
  });

  it('takes the account of the selected device', () => {
    const devices = [device('Phone'), device('PC', true)];
    const choice = chooseCode([code('a', 'Phone'), code('b', 'PC')], devices);
    expect(choice).toMatchObject({ kind: 'one', code: { ref: 'b' } });
    expect(choice.kind === 'one' && choice.select).toBeUndefined();
  });

  it('switches the chooser to the device it has a code for', () => {
    const devices = [device('Phone', true), device('PC')];
    const choice = chooseCode([code('b', 'PC')], devices);
    expect(choice).toMatchObject({ kind: 'one', code: { ref: 'b' }, select: devices[1] });
  });

  it('falls back to the one account when no device name was recorded', () => {
    expect(chooseCode([code('a')], [device('Phone', true), device('Tablet')])).toMatchObject({
      kind: 'one',
      code: { ref: 'a' },
    });
  });
});
