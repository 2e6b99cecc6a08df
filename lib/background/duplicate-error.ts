/** The key being added is already stored (under `title`); adding it twice would only confuse. */
export class DuplicateAccountError extends Error {
  constructor(readonly title: string) {
    super('An account with this key is already stored');
    this.name = 'DuplicateAccountError';
  }
}
