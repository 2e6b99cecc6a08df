/** One OTP device offered by Keycloak's chooser, and how to pick it as the user would. */
export interface DeviceChoice {
  label: string;
  selected: boolean;
  select(): void;
}

/**
 * The devices of Keycloak's OTP chooser: radios with `<label for>` in the old theme, clickable
 * `div#kc-otp-credential-N` tiles in v2. Empty when the user has one device (no chooser).
 * @see ../../../shared/keycloak-pages.md (OTP entry page, several OTP devices)
 */
export function deviceChoices(form: HTMLFormElement): DeviceChoice[] {
  const radios = [
    ...form.querySelectorAll<HTMLInputElement>('input[name="selectedCredentialId"][type="radio"]'),
  ];
  if (radios.length > 0) {
    return radios.map((radio) => ({
      label: labelText(radio.labels?.[0] ?? null),
      selected: radio.checked,
      select: () => radio.click(),
    }));
  }
  const tiles = [...form.querySelectorAll<HTMLElement>('div[id^="kc-otp-credential-"]')];
  return tiles.map((tile) => ({
    label: labelText(tile),
    selected:
      tile.classList.contains('pf-m-selected') || tile.getAttribute('aria-selected') === 'true',
    select: () => tile.click(),
  }));
}

function labelText(el: Element | null): string {
  const title = el?.querySelector('.pf-c-tile__title, .pf-v5-c-tile__title') ?? el;
  return title?.textContent?.trim() ?? '';
}
