import '../../components/theme.css';
import '../../components/recovery.css';
import { applyDocumentLanguage, t } from '../../lib/browser-i18n';
import { paintFirstCodes } from '../../lib/popup/first-paint';
import { loadVaultState } from '../../lib/vault-state';

applyDocumentLanguage();
const root = document.getElementById('root')!;
// The one request before the first paint (issue 13) leaves before the UI's code loads, the codes
// are drawn the moment it is answered, and only then does the app load and take over (loading it
// meanwhile kept the page too busy to draw). If the request fails, the app asks again itself.
const initial = loadVaultState().catch(() => undefined);
void initial
  .then((state) => paintFirstCodes(root, state, t))
  .then(() => import('./mount'))
  .then(({ mount }) => mount(root, initial));
