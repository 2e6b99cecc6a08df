import '../../components/theme.css';
import '../../components/recovery.css';
import { applyDocumentLanguage, t } from '../../lib/browser-i18n';
import { FIRST_ROWS, paintFirstCodes } from '../../lib/popup/first-paint';
import { loadFirstRows, loadVaultState } from '../../lib/vault-state';

applyDocumentLanguage();
const root = document.getElementById('root')!;
// The one request before the first paint (issue 13) leaves before the UI's code loads and asks
// for a screenful only; the codes are drawn the moment it is answered, and only then does the app
// load and take over (loading it meanwhile kept the page too busy to draw). The whole list is
// asked for as soon as the screenful arrived. If a request fails, the app asks again itself.
const first = loadFirstRows(FIRST_ROWS).catch(() => undefined);
const initial = first
  .then((rows) =>
    rows && rows.total > (rows.state.list?.accounts.length ?? 0) ? loadVaultState() : rows?.state,
  )
  .catch(() => undefined);
void first
  .then((rows) => paintFirstCodes(root, rows, t))
  .then(() => import('./mount'))
  .then(({ mount }) => mount(root, initial));
